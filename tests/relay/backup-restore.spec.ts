// `stockflow backup` copies the database consistently while the relay runs and writes go on;
// `stockflow restore` refuses a running relay and anything that is not a Stockflow database,
// and keeps the database it replaces.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../sync-server/persistence/sqlite';
import { runCli } from './fixtures/cli';
import { connectClient, waitFor, waitSynced } from './fixtures/clients';
import { TEST_SECRET, tempDir, token } from './fixtures/relay';
import { spawnRelay, type SpawnedRelay } from './fixtures/spawn-relay';
import { useCleanups } from './fixtures/cleanups';

const { cleanups, track } = useCleanups();

function dir(): string {
	const d = tempDir();
	cleanups.push(() => d.remove());
	return d.path;
}

async function startRelay(dataDir: string): Promise<SpawnedRelay> {
	const relay = await spawnRelay({ DATA_DIR: dataDir, STOCKFLOW_SECRET: TEST_SECRET });
	cleanups.push(async () => void (await relay.kill('SIGKILL')));
	return relay;
}

describe('backup and restore', () => {
	it('backs up online while writes continue, and restores it into a stopped relay', async () => {
		const dataDir = dir();
		const out = join(dir(), 'nightly.sqlite');
		let relay = await startRelay(dataDir);
		const doc = 'ledger-2026-11';
		const writer = track(connectClient(relay.ws, 'acme', doc, await token('acme', 'warehouse')));
		const watcher = track(connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer')));
		await Promise.all([waitSynced(writer), waitSynced(watcher)]);
		const movements = writer.doc.getArray<string>('movements');
		for (let i = 0; i < 100; i++) movements.push([`before-${i}`]);
		await waitFor(() => watcher.doc.getArray('movements').length === 100, 'first 100');

		// Writes keep arriving while the backup runs.
		let stop = false;
		const writing = (async () => {
			for (let i = 0; !stop; i++) {
				movements.push([`during-${i}`]);
				await new Promise((resolve) => setTimeout(resolve, 2));
			}
		})();
		const backup = await runCli(['backup', '--out', out], { DATA_DIR: dataDir });
		stop = true;
		await writing;
		expect(backup.stderr).toBe('');
		expect(backup.code).toBe(0);
		expect(backup.stdout).toMatch(/^Backed up \d+ stored updates of 1 docs to .*nightly\.sqlite/);
		// A second backup never overwrites the first.
		expect((await runCli(['backup', '--out', out], { DATA_DIR: dataDir })).code).toBe(1);

		// Refused while the relay runs on PORT.
		const refused = await runCli(['restore', out], { DATA_DIR: dataDir, PORT: String(relay.port) });
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/a relay is running on port \d+: stop it first/);

		writer.destroy();
		watcher.destroy();
		expect((await relay.kill('SIGTERM')).code).toBe(0);
		const restored = await runCli(['restore', out], {
			DATA_DIR: dataDir,
			PORT: String(relay.port)
		});
		expect(restored.stderr).toBe('');
		expect(restored.code).toBe(0);
		expect(restored.stdout).toMatch(/previous database is kept as .*stockflow\.sqlite\.bak-/);
		expect(readdirSync(dataDir).filter((f) => f.startsWith(`${SQLITE_FILE}.bak-`))).not.toEqual([]);

		relay = await startRelay(dataDir);
		const fresh = track(connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer')));
		await waitSynced(fresh);
		const ids = fresh.doc.getArray<string>('movements').toArray();
		// Consistent: every movement before the backup, and a prefix of each writer's later ones.
		expect(ids.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => `before-${i}`));
		expect(ids.slice(100)).toEqual(ids.slice(100).map((_, i) => `during-${i}`));
	});

	it('refuses to restore a file that is not a Stockflow database, changing nothing', async () => {
		const dataDir = dir();
		const relay = await startRelay(dataDir);
		const writer = track(connectClient(relay.ws, 'acme', 'catalog', await token('acme', 'admin')));
		await waitSynced(writer);
		writer.doc.getMap('items').set('a', 1);
		await waitFor(
			async () =>
				(await runCli(['backup', '--out', join(dataDir, 'x')], { DATA_DIR: dataDir })).code === 0,
			'a backup'
		);
		writer.destroy();
		await relay.kill('SIGTERM');
		const before = readFileSync(join(dataDir, SQLITE_FILE));

		const bogus = join(dir(), 'bogus.sqlite');
		writeFileSync(bogus, 'definitely not sqlite'.repeat(100));
		const result = await runCli(['restore', bogus], { DATA_DIR: dataDir });
		expect(result.code).toBe(1);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toMatch(/bogus\.sqlite is not a usable Stockflow database/);
		expect(readFileSync(join(dataDir, SQLITE_FILE)).equals(before)).toBe(true);
		expect(existsSync(join(dataDir, SQLITE_FILE + '-wal'))).toBe(false);
		expect(readdirSync(dataDir).some((f) => f.includes('.bak-'))).toBe(false);

		expect((await runCli(['restore'], { DATA_DIR: dataDir })).code).toBe(2);
	});
});

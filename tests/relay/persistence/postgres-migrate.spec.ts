// `stockflow migrate-store --from sqlite:PATH --to postgres://…`, run as the CLI: every document
// arrives with the same state vector and content, and running it again copies only what is new;
// devices stay signed in (sessions, links, revocations and company profiles go along), and the
// people trail comes too.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sqliteDirOf } from '../../../sync-server/cli/migrate-store';
import { loadDoc } from '../../../sync-server/persistence/merge';
import type { PersistencePort, RoomKey } from '../../../sync-server/persistence/port';
import { openPostgresStore } from '../../../sync-server/persistence/postgres';
import { openSqliteStore } from '../../../sync-server/persistence/sqlite';
import { openSessionStore } from '../../../sync-server/sessions/store';
import { tempDir } from '../fixtures/relay';
import { usePostgres } from './postgres-cluster';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

const cluster = usePostgres();

const ROOMS: RoomKey[] = [
	{ workspace: 'acme', doc: 'catalog' },
	{ workspace: 'acme', doc: 'ledger-2026-11' },
	{ workspace: 'acme', doc: 'orders' },
	{ workspace: 'beta', doc: 'ledger-2026-12' }
];

/** Seeded writes from two devices per room, some deletions, one compacted room. */
async function fill(store: PersistencePort, round: number): Promise<void> {
	for (const [r, room] of ROOMS.entries()) {
		for (let device = 0; device < 2; device++) {
			const doc = new Y.Doc();
			doc.clientID = 1000 * (r + 1) + 10 * round + device;
			doc.on('update', (u: Uint8Array) => void store.append(room, u));
			const items = doc.getMap<number>('items');
			const movements = doc.getArray<string>('movements');
			for (let i = 0; i < 12; i++) {
				items.set(`i${(i * 7 + device) % 5}`, i + round);
				movements.push([`r${round}-d${device}-m${i}`]);
			}
			movements.delete(0, 1);
		}
	}
	await store.count(ROOMS[0] as RoomKey);
	await store.compact({ workspace: 'acme', doc: 'orders' });
}

async function migrate(dataDir: string, url: string): Promise<string> {
	const { stdout } = await run(
		process.execPath,
		['bin/stockflow.js', 'migrate-store', '--from', `sqlite:${dataDir}`, '--to', url],
		{ cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } }
	);
	return stdout;
}

async function expectSameDocs(source: PersistencePort, target: PersistencePort): Promise<void> {
	for (const room of ROOMS) {
		const want = (await loadDoc(source, room)).doc;
		const got = (await loadDoc(target, room)).doc;
		expect(Y.encodeStateVector(got)).toEqual(Y.encodeStateVector(want));
		expect(got.getMap('items').toJSON()).toEqual(want.getMap('items').toJSON());
		expect(got.getArray('movements').toJSON()).toEqual(want.getArray('movements').toJSON());
		expect(Y.equalSnapshots(Y.snapshot(got), Y.snapshot(want))).toBe(true);
	}
}

describe('stockflow migrate-store', () => {
	it('copies every document, keeps state vectors equal, and copies only what is new when run again', async () => {
		const dir = tempDir('stockflow-migrate-');
		const url = await cluster.server.createDatabase();
		const sqlite = openSqliteStore({ dataDir: dir.path });
		await fill(sqlite, 0);

		const out = await migrate(dir.path, url);
		expect(out).toContain('Copied 4 docs');
		expect(out).toContain('state vectors verified');
		const pg = openPostgresStore({ url });
		await expectSameDocs(sqlite, pg);
		// A new room gets the rows as they are: the compacted one has its single snapshot.
		expect(await pg.count({ workspace: 'acme', doc: 'orders' })).toBe(1);
		expect(await pg.listDocs('acme')).toEqual(['catalog', 'ledger-2026-11', 'orders']);
		const rowsBefore = await pg.count({ workspace: 'acme', doc: 'catalog' });

		// Run again with nothing new: nothing is appended.
		expect(await migrate(dir.path, url)).toContain('(0 rows)');
		expect(await pg.count({ workspace: 'acme', doc: 'catalog' })).toBe(rowsBefore);

		// More writes on SQLite (the relay kept running): a second run brings exactly them.
		await fill(sqlite, 1);
		expect(await migrate(dir.path, url)).toContain('Copied 4 docs (4 rows)');
		await expectSameDocs(sqlite, pg);

		await pg.close();
		await sqlite.close();
		dir.remove();
	});

	it('moves device sessions, links, revocations, profiles and the people trail; a second run reopens and duplicates nothing', async () => {
		const dir = tempDir('stockflow-migrate-');
		const url = await cluster.server.createDatabase();
		const t0 = 1_780_000_000_000;
		const local = openSessionStore({ dataDir: dir.path });
		const device = (id: string, user: string) => ({
			id,
			workspace: 'acme',
			user,
			role: 'warehouse' as const,
			deviceName: `${user} tablet`,
			secretHash: `hash-${id}`,
			appVersion: '0.1.0',
			nowMs: t0,
			credentialExpiresAtMs: t0 + 86_400_000
		});
		await local.createSession(device('wu-tablet-000001', 'wu'));
		await local.createSession(device('ann-tablet-00001', 'ann'));
		await local.createSession(device('ann-tablet-00002', 'ann'));
		await local.revokeUser('acme', 'ann', 'revoked', t0 + 5);
		await local.recordLink({
			id: 'link-1',
			workspace: 'acme',
			user: 'sam',
			role: 'sales',
			createdAtMs: t0,
			expiresAtMs: t0 + 1000
		});
		await local.updateProfile('acme', { name: '大同五金', setupDoneAtMs: t0 });
		// The people trail: a role change by the admin, the revocation by the command line.
		const roleChange = {
			...{ workspace: 'acme', atMs: t0 + 1, by: 'boss', user: 'wu', action: 'role' as const },
			...{ oldRole: 'warehouse' as const, newRole: 'sales' as const, device: null }
		};
		await local.recordPeopleChange(roleChange);
		await local.recordPeopleChange({
			...{ workspace: 'acme', atMs: t0 + 5, by: 'cli', user: 'ann', action: 'revoke' as const },
			...{ oldRole: 'warehouse' as const, newRole: null, device: null }
		});
		// Documents too, so the command has a store to copy.
		const sqlite = openSqliteStore({ dataDir: dir.path });
		await fill(sqlite, 0);
		await sqlite.close();

		const first = await migrate(dir.path, url);
		expect(first).toContain(
			'Copied 3 device sessions, 1 sign-in links, 1 revocations and 1 company profiles'
		);
		expect(first).toContain('Copied 2 people changes');
		const shared = openSessionStore({ dataDir: dir.path, databaseUrl: url });
		expect(await shared.list('acme')).toEqual(await local.list('acme'));
		expect(await shared.session('wu-tablet-000001')).toMatchObject({
			secretHash: 'hash-wu-tablet-000001',
			endReason: null
		});
		expect(await shared.userRevokedAtMs('acme', 'ann')).toBe(t0 + 5);
		expect(await shared.profile('acme')).toEqual(await local.profile('acme'));
		expect(await shared.link('link-1')).toEqual(await local.link('link-1'));
		expect(await shared.peopleChanges('acme')).toEqual(await local.peopleChanges('acme'));
		expect((await shared.peopleChanges('acme')).map((c) => c.action)).toEqual(['revoke', 'role']);

		// Signed out on Postgres after the first run, renamed on SQLite: the end stays, the name comes.
		await shared.endSession('wu-tablet-000001', 'signed-out', t0 + 9);
		await local.renameSession('wu-tablet-000001', '收貨區 iPad');
		// One more change on SQLite: the second run copies it alone, the first two stay single.
		await local.recordPeopleChange({ ...roleChange, atMs: t0 + 9, oldRole: 'sales' });
		expect(await migrate(dir.path, url)).toContain('Copied 1 people changes');
		expect(await shared.peopleChanges('acme')).toEqual(await local.peopleChanges('acme'));
		expect(await shared.peopleChanges('acme')).toHaveLength(3);
		expect(await shared.session('wu-tablet-000001')).toMatchObject({
			deviceName: '收貨區 iPad',
			endReason: 'signed-out',
			endedAtMs: t0 + 9
		});
		await shared.close();
		await local.close();
		dir.remove();
	});

	it('refuses a --from that is not sqlite:PATH (exit 2) and a PATH without a database', async () => {
		const bad = run(
			process.execPath,
			['bin/stockflow.js', 'migrate-store', '--from', '/tmp/x', '--to', 'postgres://h/db'],
			{ cwd: ROOT }
		);
		await expect(bad).rejects.toMatchObject({ code: 2 });
		expect(() => sqliteDirOf('postgres://h/db')).toThrow(/sqlite:PATH/);
		const empty = tempDir('stockflow-migrate-');
		expect(() => sqliteDirOf(`sqlite:${empty.path}`)).toThrow(/no database/);
		empty.remove();
	});
});

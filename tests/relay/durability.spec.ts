// The two tiers of the default `split` durability: an update is forwarded once it is committed
// (it survives kill -9 of the relay even if no fsync ever ran), and message 100 confirms it
// only after the WAL sync that makes it survive a power cut.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../../sync-server/persistence/sqlite';
import { MESSAGE_QUERY_STATE_VECTOR, MESSAGE_SYNC, SYNC_STEP_2 } from '../../src/lib/sync/protocol';
import { connectClient, openRawOrThrow, syncFrame, waitFor, waitSynced } from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, TEST_SECRET } from './fixtures/relay';
import { useCleanups } from './fixtures/cleanups';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const { cleanups, track } = useCleanups();

/** A gate the test opens: until then the store's durability step (the WAL fsync) waits. */
function heldSync(): { gate: () => Promise<void>; open(): void } {
	let open = (): void => {};
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { gate: () => opened, open: () => open() };
}

/** First byte and sync sub-type of a frame the relay sent. */
function kindOf(frame: Uint8Array): { type: number; sub: number | null } {
	const decoder = decoding.createDecoder(frame);
	const type = decoding.readVarUint(decoder);
	return { type, sub: type === MESSAGE_SYNC ? decoding.readVarUint(decoder) : null };
}

/** Runs fixtures/held-sync-relay.ts: a relay that never fsyncs its WAL after start. */
async function spawnHeldSyncRelay(
	dataDir: string
): Promise<{ ws: string; kill(): Promise<NodeJS.Signals | null> }> {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'tests/relay/fixtures/held-sync-relay.ts', dataDir, TEST_SECRET],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const exited = new Promise<NodeJS.Signals | null>((resolve) =>
		child.once('exit', (_code, signal) => resolve(signal))
	);
	const port = await new Promise<number>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /listening on port (\d+)/.exec(out);
			if (match?.[1]) resolve(Number(match[1]));
		});
		child.once('exit', (code) => reject(new Error(`held-sync relay exited (${code}): ${out}`)));
	});
	const kill = (): Promise<NodeJS.Signals | null> => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		return exited;
	};
	cleanups.push(async () => void (await kill()));
	return { ws: `ws://127.0.0.1:${port}`, kill };
}

describe('split durability: forwarded once committed, confirmed once synced', () => {
	it('forwards while the WAL sync is held, and answers message 100 only after it', async () => {
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		const held = heldSync();
		let syncs = 0;
		const store = openSqliteStore({
			dataDir: dir.path,
			synchronous: 'split',
			syncGate: held.gate,
			onSync: () => (syncs += 1)
		});
		const relay = await startTestRelay({ dataDir: dir.path, store });
		cleanups.push(() => relay.close());
		// Opened before close, so the store's last sync does not wait for a gate nobody opens.
		cleanups.push(() => held.open());
		const doc = 'ledger-2026-11';
		const reader = track(connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer')));
		await waitSynced(reader);
		const writer = await openRawOrThrow(
			`${relay.ws}/sync/acme/${doc}?token=${await token('acme', 'warehouse')}`
		);
		cleanups.push(() => writer.ws.close());

		const local = new Y.Doc();
		local.getArray('movements').push([{ id: 'm1', qty: 3 }]);
		writer.send(syncFrame(SYNC_STEP_2, Y.encodeStateAsUpdate(local)));
		const answer = writer.queryStateVector();
		// Another question after message 100: its answer proves 100 was handled and held back.
		writer.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));

		await waitFor(
			() => reader.doc.getArray('movements').length === 1,
			'the reader to receive the update while no fsync has run'
		);
		await waitFor(
			() => writer.received.some((f) => kindOf(f).sub === SYNC_STEP_2),
			'the answer to the later sync step 1'
		);
		expect(writer.received.some((f) => kindOf(f).type === MESSAGE_QUERY_STATE_VECTOR)).toBe(false);
		expect(syncs).toBe(0);

		held.open();
		expect((await answer).get(local.clientID)).toBe(1);
		expect(syncs).toBeGreaterThan(0);
	});

	it('is the default: message 100 is answered after a WAL sync, counted in /metrics', async () => {
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		const relay = await startTestRelay({ dataDir: dir.path });
		cleanups.push(() => relay.close());
		const raw = await openRawOrThrow(
			`${relay.ws}/sync/acme/catalog?token=${await token('acme', 'admin')}`
		);
		cleanups.push(() => raw.ws.close());
		const before = await metric(relay.http, 'stockflow_wal_syncs_total');
		const local = new Y.Doc();
		local.getMap('items').set('x', 1);
		raw.send(syncFrame(SYNC_STEP_2, Y.encodeStateAsUpdate(local)));
		expect((await raw.queryStateVector()).get(local.clientID)).toBe(1);
		expect(await metric(relay.http, 'stockflow_wal_syncs_total')).toBeGreaterThan(before);
	});

	it('keeps every forwarded update across kill -9 when no fsync ever ran', async () => {
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		const held = await spawnHeldSyncRelay(dir.path);
		const doc = 'ledger-2026-11';
		const writer = track(connectClient(held.ws, 'acme', doc, await token('acme', 'warehouse')));
		const watcher = track(connectClient(held.ws, 'acme', doc, await token('acme', 'sales')));
		await Promise.all([waitSynced(writer), waitSynced(watcher)]);
		const movements = writer.doc.getArray<string>('movements');
		for (let i = 0; i < 40; i++) movements.push([`m${i}`]);
		await waitFor(
			() => watcher.doc.getArray('movements').length === 40,
			'the watcher to receive 40 movements'
		);
		// Only what the watcher received counts: the writer must not resend it afterwards.
		writer.destroy();
		const received = watcher.doc.getArray<string>('movements').toArray();
		watcher.destroy();
		expect(await held.kill()).toBe('SIGKILL');

		const relay = await startTestRelay({ dataDir: dir.path });
		cleanups.push(() => relay.close());
		const fresh = track(connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer')));
		await waitSynced(fresh);
		expect(fresh.doc.getArray<string>('movements').toArray()).toEqual(received);
	});
});

// Fresh joins are served from a cached encoding of the room with the updates applied since
// merged in: whatever the cache's state, a fresh client must get exactly the writer's doc, in
// one message (one transaction on the client).

import { describe, expect, it } from 'vitest';
import { connectClient, waitFor, waitSynced, type Client } from './fixtures/clients';
import { startTestRelay, tempDir, token } from './fixtures/relay';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { createRoom } from '../../sync-server/room';
import { useCleanups } from './fixtures/cleanups';

const { cleanups } = useCleanups();

describe('join from the cached state', () => {
	it('gives every fresh client the whole doc: cold cache, cache plus tail, re-encoded cache', async () => {
		const dir = tempDir();
		const relay = await startTestRelay({ dataDir: dir.path });
		cleanups.push(
			() => dir.remove(),
			() => relay.close()
		);
		const doc = 'ledger-2026-11';
		const writer = connectClient(relay.ws, 'acme', doc, await token('acme', 'warehouse'));
		cleanups.push(() => writer.destroy());
		await waitSynced(writer);
		const movements = writer.doc.getArray<string>('movements');

		const joinAndCompare = async (): Promise<void> => {
			const fresh: Client = connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer'));
			cleanups.push(() => fresh.destroy());
			await waitSynced(fresh);
			await waitFor(
				() => fresh.doc.getArray('movements').length === movements.length,
				'the fresh client to hold every movement'
			);
			expect(fresh.doc.getArray('movements').toJSON()).toEqual(movements.toJSON());
		};

		const writeAndWait = async (count: number, prefix: string): Promise<void> => {
			for (let i = 0; i < count; i++) movements.push([`${prefix}-${i}`]);
			// A second reader seeing them means the relay applied them.
			await waitFor(async () => {
				const probe = connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer'));
				await waitSynced(probe);
				const ok = probe.doc.getArray('movements').length >= movements.length;
				probe.destroy();
				return ok;
			}, `${prefix} to reach the relay`);
		};

		await writeAndWait(10, 'a');
		await joinAndCompare(); // encodes and caches
		await writeAndWait(10, 'b');
		await joinAndCompare(); // cache + 10 tail updates
		await writeAndWait(300, 'c');
		await joinAndCompare(); // tail overflowed: re-encoded
	});

	it('sends a join one step 2 holding the current state, never a stale state plus catch-up', () => {
		const doc = new Y.Doc();
		const room = createRoom({ workspace: 'acme', doc: 'catalog' }, doc);
		const months = doc.getMap('ledgerMonths');
		const periods = doc.getMap('periods');
		doc.transact(() => {
			months.set('2026-10', true);
			months.set('2026-11', true);
		});
		expect(room.fullStateMessages()).toHaveLength(1); // encodes and caches
		// A period close lands after the cache was made.
		doc.transact(() => periods.set('closedThrough', '2026-10'));
		const messages = room.fullStateMessages();
		expect(messages).toHaveLength(1);
		const decoder = decoding.createDecoder(messages[0] as Uint8Array);
		decoding.readVarUint(decoder); // sync
		expect(decoding.readVarUint(decoder)).toBe(1); // step 2
		const fresh = new Y.Doc();
		let transactions = 0;
		fresh.on('afterTransaction', () => transactions++);
		Y.applyUpdate(fresh, decoding.readVarUint8Array(decoder));
		expect(transactions).toBe(1);
		expect(fresh.getMap('periods').get('closedThrough')).toBe('2026-10');
		expect(fresh.getMap('ledgerMonths').toJSON()).toEqual({ '2026-10': true, '2026-11': true });
		// Unchanged since: the same bytes again, nothing re-encoded.
		expect(room.fullStateMessages()[0]).toBe(messages[0]);
		room.destroy();
	});
});

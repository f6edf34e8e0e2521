// Two stock y-websocket clients talk through the relay: changes, awareness, message 100.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
	connectClient,
	openRawOrThrow,
	syncFrame,
	waitFor,
	waitSynced,
	type Client
} from './fixtures/clients';
import { startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

describe('relay sync between two y-websocket clients', () => {
	let dir: ReturnType<typeof tempDir>;
	let relay: TestRelay;
	const clients: Client[] = [];

	beforeEach(async () => {
		dir = tempDir();
		relay = await startTestRelay({ dataDir: dir.path });
	});
	afterEach(async () => {
		for (const c of clients.splice(0)) c.destroy();
		await relay.close();
		dir.remove();
	});

	const client = async (
		doc: string,
		role: Parameters<typeof token>[1] = 'admin',
		user?: string
	): Promise<Client> => {
		const c = connectClient(relay.ws, 'acme', doc, await token('acme', role, { user }));
		clients.push(c);
		await waitSynced(c);
		return c;
	};

	it('delivers a change made in one client to the other, both ways', async () => {
		const a = await client('catalog', 'warehouse', 'ann');
		const b = await client('catalog', 'sales', 'bob');
		a.doc.getMap('items').set('i1', 'bolt');
		await waitFor(() => b.doc.getMap('items').get('i1') === 'bolt', 'b to see a’s item');
		b.doc.getMap('items').set('i2', 'nut');
		await waitFor(() => a.doc.getMap('items').get('i2') === 'nut', 'a to see b’s item');
		expect(a.doc.getMap('items').toJSON()).toEqual(b.doc.getMap('items').toJSON());
	});

	it('gives a late joiner everything written before it connected', async () => {
		const a = await client('ledger-2026-11', 'warehouse');
		a.doc.getArray('movements').push([{ id: 'm1' }, { id: 'm2' }]);
		const raw = await openRawOrThrow(
			`${relay.ws}/sync/acme/ledger-2026-11?token=${await token('acme', 'admin')}`
		);
		await waitFor(
			async () => (await raw.queryStateVector()).get(a.doc.clientID) === 2,
			'relay to hold both'
		);
		const late = await client('ledger-2026-11', 'viewer');
		expect(late.doc.getArray('movements').toJSON()).toEqual([{ id: 'm1' }, { id: 'm2' }]);
		raw.ws.close();
	});

	it('relays awareness and removes a client’s presence when it disconnects', async () => {
		const a = await client('catalog', 'warehouse', 'ann');
		const b = await client('catalog', 'sales', 'bob');
		a.provider.awareness.setLocalStateField('user', 'ann');
		await waitFor(
			() => b.provider.awareness.getStates().get(a.doc.clientID)?.user === 'ann',
			'b to see ann online'
		);
		const annId = a.doc.clientID;
		a.provider.disconnect();
		await waitFor(
			() => !b.provider.awareness.getStates().has(annId),
			'ann to disappear from b’s awareness'
		);
	});

	it('answers message 100 with a state vector that includes an update sent just before', async () => {
		const raw = await openRawOrThrow(
			`${relay.ws}/sync/acme/catalog?token=${await token('acme', 'admin')}`
		);
		const local = new Y.Doc();
		local.getMap('items').set('x', 1);
		raw.send(syncFrame(2, Y.encodeStateAsUpdate(local)));
		const relayVector = await raw.queryStateVector();
		expect(relayVector.get(local.clientID)).toBe(1);
		raw.ws.close();
	});

	/** The Yjs updates in the sync update/step 2 frames a raw socket received, in order. */
	function updatesIn(frames: readonly Uint8Array[]): Uint8Array[] {
		return frames.flatMap((frame) => {
			const decoder = decoding.createDecoder(frame);
			if (decoding.readVarUint(decoder) !== 0) return [];
			if (decoding.readVarUint(decoder) === 0) return [];
			return [decoding.readVarUint8Array(decoder)];
		});
	}

	it('forwards a live edit to every other peer once, as sent, and not back to its writer', async () => {
		const url = `${relay.ws}/sync/acme/ledger-2026-11?token=${await token('acme', 'warehouse')}`;
		const [writer, reader, other] = await Promise.all([
			openRawOrThrow(url),
			openRawOrThrow(url),
			openRawOrThrow(url)
		]);
		const local = new Y.Doc();
		const edits: Uint8Array[] = [];
		local.on('update', (u: Uint8Array) => edits.push(u));
		local.getArray('movements').push([{ id: 'm1', qty: 5 }]);
		local.getArray('movements').push([{ id: 'm2', qty: -2 }]);
		for (const edit of edits) writer.send(syncFrame(2, edit));
		// Message 100 answers after both edits were handled: they were forwarded by then.
		await writer.queryStateVector();
		await waitFor(() => updatesIn(other.received).length >= 2, 'the third peer to get both');
		for (const peer of [reader, other]) expect(updatesIn(peer.received)).toEqual(edits);
		expect(updatesIn(writer.received)).toEqual([]);
		// A late joiner still gets both from the room's state.
		const late = new Y.Doc();
		for (const u of updatesIn(reader.received)) Y.applyUpdate(late, u);
		expect(late.getArray('movements').toJSON()).toEqual([
			{ id: 'm1', qty: 5 },
			{ id: 'm2', qty: -2 }
		]);
		for (const peer of [writer, reader, other]) peer.ws.close();
	});

	it('forwards only what is new from a reconnecting client’s sync step 2', async () => {
		const url = `${relay.ws}/sync/acme/ledger-2026-11?token=${await token('acme', 'warehouse')}`;
		const [writer, reader] = await Promise.all([openRawOrThrow(url), openRawOrThrow(url)]);
		const local = new Y.Doc();
		local.getArray('movements').push([{ id: 'm1' }]);
		writer.send(syncFrame(2, Y.encodeStateAsUpdate(local)));
		await writer.queryStateVector();
		await waitFor(() => updatesIn(reader.received).length === 1, 'the reader to get m1');
		// Offline, the client adds m2; reconnected, its step 2 repeats m1 along with it.
		const known = Y.encodeStateVector(local);
		local.getArray('movements').push([{ id: 'm2' }]);
		writer.send(syncFrame(1, Y.encodeStateAsUpdate(local)));
		await writer.queryStateVector();
		await waitFor(() => updatesIn(reader.received).length === 2, 'the reader to get m2');
		const forwarded = updatesIn(reader.received)[1] ?? new Uint8Array();
		// Only m2: the update the reader got is what `local` has beyond what the room knew.
		expect(forwarded).toEqual(Y.encodeStateAsUpdate(local, known));
		for (const peer of [writer, reader]) peer.ws.close();
	});

	it('forwards an update that waited for a missing dependency once the dependency arrives', async () => {
		const url = `${relay.ws}/sync/acme/ledger-2026-11?token=${await token('acme', 'warehouse')}`;
		const [writer, reader] = await Promise.all([openRawOrThrow(url), openRawOrThrow(url)]);
		const local = new Y.Doc();
		const edits: Uint8Array[] = [];
		local.on('update', (u: Uint8Array) => edits.push(u));
		local.getArray('movements').push([{ id: 'm1' }]);
		local.getArray('movements').push([{ id: 'm2' }]);
		const [first, second] = edits;
		if (!first || !second) throw new Error('expected two edits');
		// m2 arrives first (in a catch-up): the room holds it until m1, which it builds on.
		writer.send(syncFrame(1, second));
		writer.send(syncFrame(2, first));
		await writer.queryStateVector();
		const seen = new Y.Doc();
		await waitFor(() => {
			for (const u of updatesIn(reader.received.splice(0))) Y.applyUpdate(seen, u);
			return seen.getArray('movements').length === 2;
		}, 'the reader to get m1 and m2');
		expect(seen.getArray('movements').toJSON()).toEqual([{ id: 'm1' }, { id: 'm2' }]);
		for (const peer of [writer, reader]) peer.ws.close();
	});

	it('sends a burst of presence changes from many clients to each peer as one or two messages', async () => {
		const url = `${relay.ws}/sync/acme/catalog?token=${await token('acme', 'sales')}`;
		const observer = await openRawOrThrow(url);
		const senders = await Promise.all(Array.from({ length: 12 }, () => openRawOrThrow(url)));
		const presences = senders.map((_, i) => {
			const presence = new awarenessProtocol.Awareness(new Y.Doc());
			presence.setLocalState({ user: `clerk-${i}` });
			return presence;
		});
		// As after a relay restart: every client announces itself at the same moment.
		senders.forEach((sender, i) => {
			const presence = presences[i];
			if (!presence) return;
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, 1);
			encoding.writeVarUint8Array(
				encoder,
				awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID])
			);
			sender.send(encoding.toUint8Array(encoder));
		});
		const seen = new awarenessProtocol.Awareness(new Y.Doc());
		const presenceFrames: Uint8Array[] = [];
		await waitFor(() => {
			for (const frame of observer.received.splice(0)) {
				const decoder = decoding.createDecoder(frame);
				if (decoding.readVarUint(decoder) !== 1) continue;
				presenceFrames.push(frame);
				awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), null);
			}
			return presences.every((p) => seen.getStates().has(p.clientID));
		}, 'the observer to see all twelve clerks');
		expect(presenceFrames.length).toBeLessThanOrEqual(2);
		expect(seen.getStates().get(presences[5]?.clientID ?? 0)).toEqual({ user: 'clerk-5' });
		for (const presence of [...presences, seen]) presence.destroy();
		for (const socket of [observer, ...senders]) socket.ws.close();
	});
});

// Malformed, oversized and text frames close only the connection that sent them; the relay,
// other rooms and a legitimate pair of clients keep working, and nothing malformed is stored.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	connectClient,
	openRawOrThrow,
	syncFrame,
	waitFor,
	waitSynced,
	type Client
} from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

/** mulberry32: a tiny seeded PRNG so the random frames are the same on every run. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const MAX_FRAME = 64 * 1024;

/** Frames that are malformed on purpose, with the close code each must get. */
function badFrames(): [string, Uint8Array | string, number][] {
	const random = prng(42);
	const bytes = (n: number): Uint8Array =>
		Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
	const frames: [string, Uint8Array | string, number][] = [
		['a truncated varint', Uint8Array.of(0x80), 1002],
		['an empty frame', new Uint8Array(0), 1002],
		['an unknown message type', Uint8Array.of(7), 1002],
		['an unknown sync type', Uint8Array.of(0, 9, 0), 1002],
		['a sync update with a length past the end', Uint8Array.of(0, 2, 50, 1, 2, 3), 1002],
		['a sync step 1 with a truncated state vector', Uint8Array.of(0, 0, 3, 5, 0x80, 0x80), 1002],
		[
			'a sync update holding random bytes',
			syncFrame(2, Uint8Array.of(5, 0xff, 0xff, 0xff, 0x7f, 9, 9)),
			1002
		],
		['an awareness update that is not JSON', Uint8Array.of(1, 6, 1, 7, 1, 2, 0x7b, 0x7b), 1002],
		['a state vector query (message 100) with a payload', Uint8Array.of(100, 2, 1, 5), 1002],
		['a text frame', 'hello relay', 1003],
		['an oversized frame', new Uint8Array(MAX_FRAME + 1024), 1009]
	];
	// Random frames: prefixed with an invalid type so each is malformed whatever the dice say.
	for (let i = 0; i < 12; i++)
		frames.push([
			`random bytes #${i}`,
			Uint8Array.of(0x7f, ...bytes(1 + Math.floor(random() * 300))),
			1002
		]);
	return frames;
}

describe('garbage frames', () => {
	let dir: ReturnType<typeof tempDir>;
	let relay: TestRelay;
	const clients: Client[] = [];
	beforeAll(async () => {
		dir = tempDir();
		relay = await startTestRelay({ dataDir: dir.path, maxMessageBytes: MAX_FRAME });
	});
	afterAll(async () => {
		for (const c of clients.splice(0)) c.destroy();
		await relay.close();
		dir.remove();
	});

	it('closes each bad connection with the right code while a legitimate pair keeps syncing', async () => {
		const a = connectClient(relay.ws, 'acme', 'catalog', await token('acme', 'warehouse'));
		const b = connectClient(relay.ws, 'acme', 'catalog', await token('acme', 'sales'));
		clients.push(a, b);
		await Promise.all([waitSynced(a), waitSynced(b)]);
		const errorsBefore = await metric(relay.http, 'stockflow_protocol_errors_total');

		const frames = badFrames();
		const admin = await token('acme', 'admin');
		// Same room as the pair, and other rooms, several garbage connections per frame.
		const docs = ['catalog', 'ledger-2026-11', 'orders'];
		const attacks = frames.flatMap(([label, frame, code], i) =>
			[0, 1].map(async (copy) => {
				const raw = await openRawOrThrow(
					`${relay.ws}/sync/acme/${docs[(i + copy) % docs.length]}?token=${admin}`
				);
				raw.send(frame);
				const closed = await raw.closed;
				return { label, expected: code, got: closed.code };
			})
		);
		// The pair writes while the garbage arrives.
		for (let i = 0; i < 20; i++) a.doc.getMap('items').set(`during-${i}`, i);
		const results = await Promise.all(attacks);
		for (const r of results)
			expect({ label: r.label, code: r.got }).toEqual({ label: r.label, code: r.expected });

		for (let i = 0; i < 20; i++) b.doc.getMap('items').set(`after-${i}`, i);
		await waitFor(
			() => a.doc.getMap('items').size === 40 && b.doc.getMap('items').size === 40,
			'the pair to converge'
		);
		expect(a.doc.getMap('items').toJSON()).toEqual(b.doc.getMap('items').toJSON());
		expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
		expect(await metric(relay.http, 'stockflow_protocol_errors_total')).toBe(
			errorsBefore + results.length
		);

		// Nothing malformed was stored: a fresh client of each room loads cleanly.
		for (const doc of docs) {
			const fresh = connectClient(relay.ws, 'acme', doc, admin, new Y.Doc());
			clients.push(fresh);
			await waitSynced(fresh);
		}
		expect((await fetch(`${relay.http}/healthz`)).status).toBe(200);
	});
});

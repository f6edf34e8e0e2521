// Every stamp a device sees is merged into its clock: count lines and events too, not only
// movements; the latest one within the bound, never one far ahead.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHlc, formatStamp, stampWallMs } from '../domain/clock/hlc';
import { FLAG_AHEAD_MS } from '../domain/clock/stamp-trust';
import { mergeStamps } from './stamp-merge';

const NOW = Date.UTC(2026, 11, 7, 9);
const at = (wallMs: number, counter = 0, device = 'peer') =>
	formatStamp({ wallMs, counter, device });

function device() {
	const clock = createHlc('me', () => NOW, { maxAheadMs: FLAG_AHEAD_MS });
	const doc = new Y.Doc();
	mergeStamps(doc, clock);
	return { clock, doc };
}

/** A change made on another device, arriving as an update. */
function fromPeer(doc: Y.Doc, change: (peer: Y.Doc) => void): void {
	const peer = new Y.Doc();
	Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
	const before = Y.encodeStateVector(peer);
	change(peer);
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before), 'remote');
}

describe('mergeStamps', () => {
	it('merges a count line and an order event that arrive from another device', () => {
		const { clock, doc } = device();
		fromPeer(doc, (peer) => {
			const session = new Y.Map<unknown>();
			peer.getMap('sessions').set('c1', session);
			const lines = new Y.Array<unknown>();
			session.set('lines', lines);
			lines.push([{ id: 'l1', at: at(NOW + 60_000, 4), countedQty: 5 }]);
		});
		expect(clock.now()).toBe(at(NOW + 60_000, 5, 'me'));
		fromPeer(doc, (peer) => {
			const order = new Y.Map<unknown>();
			peer.getMap('salesOrders').set('o1', order);
			const events = new Y.Array<unknown>();
			order.set('events', events);
			events.push([{ type: 'confirmed', at: at(NOW + 120_000, 0) }]);
		});
		expect(clock.now()).toBe(at(NOW + 120_000, 1, 'me'));
	});

	it('adopts the latest stamp within the bound and skips one far ahead', () => {
		const { clock, doc } = device();
		fromPeer(doc, (peer) =>
			peer.getArray('events').push([
				{ type: 'opened', at: at(NOW + 400 * 86_400_000) },
				{ type: 'submitted', at: at(NOW + FLAG_AHEAD_MS, 7) }
			])
		);
		const next = clock.now();
		expect(stampWallMs(next)).toBe(NOW + FLAG_AHEAD_MS);
		expect(next).toBe(at(NOW + FLAG_AHEAD_MS, 8, 'me'));
	});

	it('ignores what this device’s own commands write', () => {
		const { clock, doc } = device();
		doc.transact(() => doc.getArray('events').push([{ type: 'opened', at: at(NOW + 60_000) }]), {
			kind: 'command',
			command: 'test',
			user: 'u',
			device: 'me'
		});
		expect(clock.now()).toBe(at(NOW, 0, 'me'));
	});
});

// A large update is decoded and checked on the integrity check thread against what the relay's
// thread tells it of the room: the verdict is the one the check on the relay's thread reaches,
// for an update that only appends, one that writes into records the room has, one that deletes
// what the room has, and one that does not decode at all.
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Claims } from '../auth';
import type { Room } from '../room';
import { createHlc } from '../../src/lib/domain/clock/hlc';
import type { Role } from '../../src/lib/domain/auth/roles';
import { checkIntegrity } from './check';
import { MalformedUpdateError, createIntegrityChecker } from './relay-check';

const NOW = Date.UTC(2026, 10, 20);
const LEDGER = 'ledger-2026-11';
const checker = createIntegrityChecker({ threadMinBytes: 2048, nowMs: () => NOW });
afterAll(() => checker.close());

const claims = (sub: string, role: Role): Claims => ({ sub, role, workspace: 'acme', exp: 1e10 });

function movements(doc: Y.Doc, device: string, from: number, count: number, badAt = -1): void {
	const clock = createHlc(device, () => NOW - 60_000);
	const list = doc.getArray('movements');
	doc.transact(() => {
		for (let i = from; i < from + count; i++)
			list.push([
				{
					id: `${device}-${i}`,
					at: clock.now(),
					itemId: `item-${i % 50}`,
					warehouseId: 'wh-1',
					qty: i === badAt ? 0 : 1 + (i % 9),
					reason: 'receipt',
					device,
					user: 'wang'
				}
			]);
	});
}

/** The room, and a device that has it and then writes offline: its catch-up for the room. */
function offline(seed: (doc: Y.Doc) => void, write: (doc: Y.Doc) => void) {
	const room = new Y.Doc();
	seed(room);
	const device = new Y.Doc();
	Y.applyUpdate(device, Y.encodeStateAsUpdate(room));
	write(device);
	return { room, update: Y.encodeStateAsUpdate(device, Y.encodeStateVector(room)) };
}

async function bothWays(
	docName: string,
	who: Claims,
	{ room, update }: { room: Y.Doc; update: Uint8Array }
) {
	expect(update.byteLength).toBeGreaterThanOrEqual(2048);
	const onThread = await checker.check({
		room: { doc: room } as Room,
		key: { workspace: 'acme', doc: docName },
		claims: who,
		update,
		decoded: null
	});
	expect(checker.running()).toBe(true);
	expect(checker.fallbacks()).toBe(0);
	const here = checkIntegrity({
		doc: room,
		kind: docName === 'catalog' ? 'catalog' : 'ledger',
		docName,
		update: Y.decodeUpdate(update),
		writer: { user: who.sub, role: who.role },
		relayNowMs: NOW
	});
	return { onThread: onThread && { reason: onThread.reason, detail: onThread.detail }, here };
}

function items(doc: Y.Doc, count: number): void {
	doc.transact(() => {
		for (let i = 0; i < count; i++) {
			const item = new Y.Map<unknown>();
			doc.getMap('items').set(`item-${i}`, item);
			for (const [k, v] of Object.entries({ code: `I${i}`, name: `item ${i}`, unit: 'pcs' }))
				item.set(k, v);
		}
	});
}

function costs(doc: Y.Doc, count: number, audited: boolean, user = 'lee'): void {
	const clock = createHlc('dev.2', () => NOW - 60_000);
	doc.transact(() => {
		for (let i = 0; i < count; i++) {
			const item = doc.getMap<Y.Map<unknown>>('items').get(`item-${i}`)!;
			item.set('standardCostCents', 100 + i);
			if (audited || i < count - 1)
				doc.getArray('audit').push([
					{
						...{ id: `a-${i}`, at: clock.now(), user, device: 'dev.2', record: 'item' },
						...{ recordId: `item-${i}`, action: 'change', field: 'standardCostCents' },
						...{ new: 100 + i, command: 'updateItem' }
					}
				]);
		}
	});
}

describe('the integrity check thread', () => {
	it('accepts a catch-up of movements after the room’s, as the relay’s thread does', async () => {
		const catchUp = offline(
			(d) => movements(d, 'dev.0', 0, 10),
			(d) => movements(d, 'dev.1', 0, 300)
		);
		expect(await bothWays(LEDGER, claims('wang', 'warehouse'), catchUp)).toEqual({
			onThread: null,
			here: null
		});
	});

	it('refuses a bad entry in the last place, with the same reason', async () => {
		const catchUp = offline(
			(d) => movements(d, 'dev.0', 0, 10),
			(d) => movements(d, 'dev.1', 0, 300, 299)
		);
		const { onThread, here } = await bothWays(LEDGER, claims('wang', 'warehouse'), catchUp);
		expect(here?.reason).toBe('schema');
		expect(onThread).toEqual(here);
	});

	it('refuses deleting a movement the room has, among hundreds of new ones', async () => {
		const catchUp = offline(
			(d) => movements(d, 'dev.0', 0, 10),
			(d) => {
				movements(d, 'dev.1', 0, 300);
				d.getArray('movements').delete(3, 1);
			}
		);
		const { onThread, here } = await bothWays(LEDGER, claims('wang', 'warehouse'), catchUp);
		expect(here?.reason).toBe('delete');
		expect(onThread).toEqual(here);
	});

	it('checks cost changes on the room’s items: audited passes, one unaudited is refused', async () => {
		const who = claims('lee', 'purchasing');
		const good = offline(
			(d) => items(d, 60),
			(d) => costs(d, 60, true)
		);
		expect(await bothWays('catalog', who, good)).toEqual({ onThread: null, here: null });
		const bad = offline(
			(d) => items(d, 60),
			(d) => costs(d, 60, false)
		);
		const { onThread, here } = await bothWays('catalog', who, bad);
		expect(here?.reason).toBe('unaudited');
		expect(onThread).toEqual(here);
		// A sales clerk may not set costs at all.
		const sales = await bothWays('catalog', claims('lee', 'sales'), good);
		expect(sales.here?.reason).toBe('rights');
		expect(sales.onThread).toEqual(sales.here);
	});

	it('says an update that does not decode is malformed', async () => {
		const garbage = new Uint8Array(4096).fill(7);
		await expect(
			checker.check({
				room: { doc: new Y.Doc() } as Room,
				key: { workspace: 'acme', doc: LEDGER },
				claims: claims('wang', 'warehouse'),
				update: garbage,
				decoded: null
			})
		).rejects.toBeInstanceOf(MalformedUpdateError);
	});
});

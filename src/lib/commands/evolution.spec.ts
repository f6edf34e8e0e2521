// Schema evolution as an older app meets it (docs/DATA-MODEL.md, Evolution): events of types
// from a newer app are kept, counted and left out of every fold; a doc stamped with a newer
// schemaVersion is still read but never written.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StockflowError } from '../domain/errors';
import { foldOrder } from '../domain/orders/state-machine';
import { createPrng } from '../domain/random/prng';
import { foldTransfer } from '../domain/transfers/state-machine';
import { readCountSession } from '../doc/counts-doc';
import { readMovements } from '../doc/ledger-doc';
import { monthOfMs } from '../doc/names';
import { appendOrderEvent, orderMap, readOrder, readOrders } from '../doc/orders-doc';
import { parseOrderEvent } from '../domain/orders/order';
import { NewerSchemaError, SCHEMA_VERSION } from '../doc/schema';
import { readTransfer, transfersMap } from '../doc/transfers-doc';
import { sessionsMap } from '../doc/counts-doc';
import { translateError } from '../i18n/translate';
import { createItem, createLocation, createWarehouse } from './catalog';
import type { CommandContext } from './context';
import { createCommandContext } from './create-context';
import { createCustomer } from './customers';
import { workspaceDocsInMemory, type MemoryWorkspaceDocs } from './memory-docs';
import { recordReceipt } from './movements';
import { createOrder } from './orders/create';
import { shipOrder } from './orders/shipping';
import { confirmOrder, deliverOrder } from './orders/transitions';
import { openCount, submitCount } from './stocktake/stocktake';
import { createTransfer, dispatchTransfer } from './transfers/transfers';

const T0 = Date.UTC(2026, 10, 20, 2, 0);

function setup() {
	const clock = { ms: T0 };
	const docs = workspaceDocsInMemory();
	const ctx: CommandContext = createCommandContext({
		docs,
		device: 'devA',
		user: 'ann',
		role: 'admin',
		nowMs: () => (clock.ms += 1000),
		random: createPrng(7).next
	});
	const w1 = createWarehouse(ctx, { code: 'TPE', name: '台北倉' });
	const w2 = createWarehouse(ctx, { code: 'TXG', name: '台中倉' });
	const bin = createLocation(ctx, { warehouseId: w1.id, code: 'A-01' });
	const item = createItem(ctx, { code: 'TEA-600', name: '紅茶 600ml', unit: '箱' });
	const customer = createCustomer(ctx, { code: 'C001', name: '全聯福利中心' });
	recordReceipt(ctx, {
		itemId: item.id,
		warehouseId: w1.id,
		locationId: bin.id,
		qty: 8,
		unit: '箱'
	});
	return { docs, ctx, w1, w2, item, customer };
}

/** A stamp just after `at` (same wall time and counter, a device sorting last). */
const justAfter = (at: string): string => at.replace(/-[^-]+$/, '-zzzzzz');

/** A stamp `ms` before `at`. */
function before(at: string, ms: number): string {
	const wall = Number(at.slice(0, 15)) - ms;
	return `${String(wall).padStart(15, '0')}-000000-newapp`;
}

function newerEvent(id: string, at: string, type: string): Record<string, unknown> {
	// What a newer app might write: a type this app does not know, with a payload it cannot read.
	return { id, at, type, by: 'zoe', device: 'newapp', payload: { invoiceNo: 'INV-1', lines: [1] } };
}

function eventsArray(docs: MemoryWorkspaceDocs, orderId: string): Y.Array<unknown> {
	const events = orderMap(docs.shared('orders'), orderId)?.get('events');
	if (!(events instanceof Y.Array)) throw new Error('no events array');
	return events;
}

/** A copy of the orders doc: the same known events, for the fold of the known events alone. */
function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

/** An order through confirm, a partial ship, an overruled cancel and the rest shipped. */
function busyOrder() {
	const s = setup();
	const header = createOrder(s.ctx, {
		customerId: s.customer.id,
		warehouseId: s.w1.id,
		requestedDate: '2026-11-25',
		lines: [{ itemId: s.item.id, qty: 6, unitPriceCents: 45000 }]
	});
	confirmOrder(s.ctx, header.id);
	const lineId = readOrder(s.docs.shared('orders'), header.id)?.lines[0]?.id ?? '';
	const shipped = shipOrder(s.ctx, header.id, { lines: [{ lineId, qty: 2 }] });
	// A cancel from a device that had not seen the shipment, stamped after it: rule 1 overrules
	// it (a conflict in the fold).
	const cancelled = parseOrderEvent({
		id: 'offline-cancel',
		at: justAfter(shipped.at),
		type: 'cancel',
		by: 'bob',
		device: 'devB',
		payload: { reason: 'customer called' }
	});
	if (!cancelled) throw new Error('bad cancel');
	const orders = s.docs.shared('orders');
	orders.transact(() => appendOrderEvent(orderMap(orders, header.id) as Y.Map<unknown>, cancelled));
	return { ...s, orderId: header.id, lineId, cancelled };
}

describe('events of types from a newer app', () => {
	it('are kept and counted, and the known events fold exactly as without them', () => {
		const s = busyOrder();
		const knownOnly = copyOf(s.docs.shared('orders'));
		const known = readOrder(knownOnly, s.orderId);
		if (!known) throw new Error('order missing');
		expect(known.events.map((e) => e.type)).toEqual(['confirm', 'ship', 'cancel']);

		// Interleave: before everything, between every pair, after everything.
		const injected = [
			newerEvent('n0', before(known.events[0]?.at ?? '', 5000), 'reopen'),
			...known.events.map((e, i) => newerEvent(`n${i + 1}`, justAfter(e.at), 'invoice')),
			newerEvent('n9', justAfter(justAfter(s.cancelled.at)), 'archive')
		];
		s.docs.shared('orders').transact(() => eventsArray(s.docs, s.orderId).push(injected));

		const read = readOrders(s.docs.shared('orders'));
		expect(read.invalid).toBe(0);
		expect(read.unknownEvents).toBe(injected.length);
		const order = read.orders.find((o) => o.id === s.orderId);
		if (!order) throw new Error('order missing');
		expect(order.events).toEqual(known.events);
		expect(order.unknownEvents?.map((e) => e.type)).toEqual(injected.map((e) => e.type));

		const withUnknown = foldOrder(order.lines, order.events, order.unknownEvents);
		const alone = foldOrder(known.lines, known.events);
		expect(withUnknown.unknownEvents).toBe(injected.length);
		expect(alone.unknownEvents).toBe(0);
		expect({ ...withUnknown, unknownEvents: 0 }).toEqual(alone);
		expect(withUnknown.status).toBe('partially-shipped');
		expect(withUnknown.conflicts.map((c) => c.event.type)).toEqual(['cancel']);

		// Commands go on working on what this app knows; the newer entries stay as written.
		shipOrder(s.ctx, s.orderId, { lines: [{ lineId: s.lineId, qty: 4 }] });
		deliverOrder(s.ctx, s.orderId, { signedBy: '王小明', signedAt: '2026-11-21' });
		const after = readOrder(s.docs.shared('orders'), s.orderId);
		expect(after && foldOrder(after.lines, after.events, after.unknownEvents).status).toBe(
			'delivered'
		);
		const stored = eventsArray(s.docs, s.orderId).toArray();
		for (const entry of injected) expect(stored).toContainEqual(entry);
		expect(stored).toHaveLength(known.events.length + injected.length + 2);
	});

	it('never change the outcome, wherever they fall (seeded interleavings)', () => {
		const s = busyOrder();
		const known = readOrder(copyOf(s.docs.shared('orders')), s.orderId);
		if (!known) throw new Error('order missing');
		const alone = foldOrder(known.lines, known.events);
		const first = Number(known.events[0]?.at.slice(0, 15));
		const last = Number(known.events.at(-1)?.at.slice(0, 15));
		const prng = createPrng(13);
		for (let round = 0; round < 25; round++) {
			const doc = copyOf(s.docs.shared('orders'));
			const events = orderMap(doc, s.orderId)?.get('events');
			if (!(events instanceof Y.Array)) throw new Error('no events array');
			const n = 1 + Math.floor(prng.next() * 4);
			doc.transact(() => {
				for (let i = 0; i < n; i++) {
					const wall = first - 2000 + Math.floor(prng.next() * (last - first + 4000));
					const at = `${String(wall).padStart(15, '0')}-000000-newapp`;
					events.insert(Math.floor(prng.next() * (events.length + 1)), [
						newerEvent(`r${round}-${i}`, at, prng.next() < 0.5 ? 'invoice' : 'cancel-v2')
					]);
				}
			});
			const order = readOrder(doc, s.orderId);
			if (!order) throw new Error('order missing');
			const fold = foldOrder(order.lines, order.events, order.unknownEvents);
			expect(fold.unknownEvents).toBe(n);
			expect({ ...fold, unknownEvents: 0 }).toEqual(alone);
		}
	});

	it('a known type with a bad payload is still malformed: skipped and counted as invalid', () => {
		const s = busyOrder();
		s.docs.shared('orders').transact(() =>
			eventsArray(s.docs, s.orderId).push([
				{ ...newerEvent('bad', justAfter(s.cancelled.at), 'ship'), payload: { lines: 'x' } },
				{ id: 'no-stamp', at: 'yesterday', type: 'invoice', by: 'zoe', device: 'x' }
			])
		);
		const read = readOrders(s.docs.shared('orders'));
		expect(read.invalid).toBe(2);
		expect(read.unknownEvents).toBe(0);
	});

	it('are kept and left out of transfer and stocktake folds too', () => {
		const s = setup();
		const transfer = createTransfer(s.ctx, {
			fromWarehouseId: s.w1.id,
			toWarehouseId: s.w2.id,
			lines: [{ itemId: s.item.id, qty: 3 }]
		});
		const dispatched = dispatchTransfer(s.ctx, transfer.id);
		const knownTransfer = readTransfer(copyOf(s.docs.shared('orders')), transfer.id);
		const orders = s.docs.shared('orders');
		orders.transact(() => {
			const events = (transfersMap(orders).get(transfer.id) as Y.Map<unknown>).get('events');
			if (events instanceof Y.Array)
				events.push([newerEvent('t-new', justAfter(dispatched.at), 'customs-hold')]);
		});
		const t = readTransfer(orders, transfer.id);
		expect(t?.unknownEvents?.map((e) => e.type)).toEqual(['customs-hold']);
		expect(t && foldTransfer(t.events)).toEqual(
			knownTransfer && foldTransfer(knownTransfer.events)
		);
		expect(t && foldTransfer(t.events).status).toBe('in-transit');

		const count = openCount(s.ctx, { warehouseId: s.w1.id, kind: 'full', blind: false });
		const counts = s.docs.shared('counts');
		const newer = {
			type: 'recount-requested',
			at: justAfter('999999999999999-000000-a'),
			by: 'zoe',
			device: 'newapp'
		};
		counts.transact(() => {
			const events = (sessionsMap(counts).get(count.id) as Y.Map<unknown>).get('events');
			if (events instanceof Y.Array) events.push([newer]);
		});
		const session = readCountSession(counts, count.id);
		expect(session?.status).toBe('opened');
		expect(session?.unknownEvents).toEqual([newer]);
		submitCount(s.ctx, count.id);
		expect(readCountSession(counts, count.id)?.status).toBe('submitted');
		const stored = (sessionsMap(counts).get(count.id) as Y.Map<unknown>).get('events');
		expect(stored instanceof Y.Array && stored.toArray()).toContainEqual(newer);
	});
});

describe('a doc written by a newer schema', () => {
	/** A newer app's peer stamps the doc (the change arrives as a remote update). */
	function stampNewer(doc: Y.Doc): void {
		const peer = new Y.Doc();
		Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
		peer.getMap<unknown>('meta').set('schemaVersion', SCHEMA_VERSION + 1);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'remote');
	}

	function expectRefused(run: () => unknown, docName: string): void {
		let thrown: unknown = null;
		try {
			run();
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NewerSchemaError);
		expect(thrown).toBeInstanceOf(StockflowError);
		expect((thrown as StockflowError).code).toBe('newer-schema');
		expect((thrown as NewerSchemaError).docName).toBe(docName);
	}

	const snapshot = (docs: MemoryWorkspaceDocs) =>
		docs.names().map((name) => [name, [...Y.encodeStateVector(docs.get(name))]]);

	it('blocks commands on the orders doc, writes nothing, and is still read', () => {
		const s = busyOrder();
		stampNewer(s.docs.shared('orders'));
		const before = snapshot(s.docs);
		expectRefused(
			() =>
				createOrder(s.ctx, {
					customerId: s.customer.id,
					warehouseId: s.w1.id,
					requestedDate: '2026-11-30',
					lines: [{ itemId: s.item.id, qty: 1, unitPriceCents: 100 }]
				}),
			'orders'
		);
		// Shipping writes ledger movements before its event: nothing of it may be written.
		expectRefused(
			() => shipOrder(s.ctx, s.orderId, { lines: [{ lineId: s.lineId, qty: 1 }] }),
			'orders'
		);
		expect(snapshot(s.docs)).toEqual(before);
		// Other docs are still written: the refusal is per doc.
		openCount(s.ctx, { warehouseId: s.w1.id, kind: 'full', blind: false });
		stampNewer(s.docs.shared('counts'));
		expectRefused(
			() => openCount(s.ctx, { warehouseId: s.w1.id, kind: 'full', blind: false }),
			'counts'
		);
		const order = readOrders(s.docs.shared('orders')).orders.find((o) => o.id === s.orderId);
		expect(order && foldOrder(order.lines, order.events).status).toBe('partially-shipped');
	});

	it('blocks a movement into a newer ledger month and a catalog edit on a newer catalog', () => {
		const s = setup();
		const month = monthOfMs(T0);
		stampNewer(s.docs.ledger(month));
		const before = snapshot(s.docs);
		expectRefused(
			() => recordReceipt(s.ctx, { itemId: s.item.id, warehouseId: s.w1.id, qty: 1, unit: '箱' }),
			`ledger-${month}`
		);
		expect(snapshot(s.docs)).toEqual(before);
		expect(readMovements(s.docs.ledger(month)).movements).toHaveLength(1);

		stampNewer(s.docs.catalog);
		expectRefused(() => createItem(s.ctx, { code: 'X-1', name: 'x', unit: '個' }), 'catalog');
	});

	it('has a translated message in every locale', () => {
		expect(translateError('en', 'newer-schema')).toBe(
			'This document was written by a newer version of Stockflow — please update the app'
		);
		expect(translateError('zh-TW', 'newer-schema')).toContain('較新版本');
		expect(translateError('zh-CN', 'newer-schema')).toContain('较新版本');
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../domain/auth/roles';
import { StockflowError } from '../domain/errors';
import { onHandOf } from '../domain/ledger/fold';
import { createPrng } from '../domain/random/prng';
import { readMovements } from '../doc/ledger-doc';
import { baseMonthOf, readClosedThrough } from '../doc/period-doc';
import { createItem, createWarehouse } from './catalog';
import type { CommandContext } from './context';
import { createCommandContext } from './create-context';
import { ledgerBalances, ledgerLots, ledgerMovements } from './ledger-cache';
import { workspaceDocsInMemory, type MemoryWorkspaceDocs } from './memory-docs';
import { recordIssue, recordReceipt } from './movements';
import { carryForwardLate, closeBlockers, closePeriod, periodRows } from './period-close';
import { computeFinance } from '../domain/reports/finance-view';
import { readFinanceBook, readFinanceSources } from './finance-book';
import { approveCount } from './stocktake/approval';
import { openCount, recordCountLines, submitCount } from './stocktake/stocktake';

const OCT_10 = Date.UTC(2026, 9, 10, 9);
const OCT_31 = Date.UTC(2026, 9, 31, 22);
const NOV_3 = Date.UTC(2026, 10, 3, 9);

interface Device {
	docs: MemoryWorkspaceDocs;
	ctx: CommandContext;
	setNow(ms: number): void;
}

function device(name: string, role: Role = 'admin', docs = workspaceDocsInMemory()): Device {
	let now = OCT_10;
	const ctx = createCommandContext({
		docs,
		device: name,
		user: name,
		role,
		nowMs: () => now,
		random: createPrng(name.length * 7 + name.charCodeAt(0)).next
	});
	return { docs, ctx, setNow: (ms) => (now = ms) };
}

/** Two-way merge of every doc either device has. */
function sync(a: Device, b: Device): void {
	const names = new Set([...a.docs.names(), ...b.docs.names()]);
	for (const name of names) {
		const da = a.docs.get(name);
		const db = b.docs.get(name);
		Y.applyUpdate(db, Y.encodeStateAsUpdate(da, Y.encodeStateVector(db)));
		Y.applyUpdate(da, Y.encodeStateAsUpdate(db, Y.encodeStateVector(da)));
	}
}

function october() {
	const hq = device('hq');
	const item = createItem(hq.ctx, {
		code: 'MILK-1L',
		name: '鮮乳 1L',
		unit: '瓶',
		lotTracked: true
	});
	const wh = createWarehouse(hq.ctx, { code: 'TY', name: '桃園倉' });
	recordReceipt(hq.ctx, {
		itemId: item.id,
		warehouseId: wh.id,
		unit: '瓶',
		qty: 40,
		lot: 'A',
		expiry: '2026-12-01'
	});
	recordReceipt(hq.ctx, {
		itemId: item.id,
		warehouseId: wh.id,
		unit: '瓶',
		qty: 30,
		lot: 'B',
		expiry: '2026-11-20'
	});
	recordIssue(hq.ctx, { itemId: item.id, warehouseId: wh.id, unit: '瓶', qty: 15, lot: 'A' });
	hq.setNow(NOV_3);
	return { hq, item, wh };
}

const onHand = (ctx: CommandContext, itemId: string) => onHandOf(ledgerBalances(ctx), { itemId });

describe('closing a month', () => {
	it('keeps every balance and lot fact while the open ledgers start at November', () => {
		const { hq, item } = october();
		const before = ledgerBalances(hq.ctx);
		const lotsBefore = ledgerLots(hq.ctx);
		const close = closePeriod(hq.ctx, '2026-10');
		expect(close.positions).toHaveLength(2);
		expect(readClosedThrough(hq.docs.catalog)).toBe('2026-10');
		expect(baseMonthOf(hq.docs.catalog)).toBe('2026-11');
		// October is no longer folded: only November's ledger is open.
		expect(hq.docs.ledgers()).toEqual([hq.docs.ledger('2026-11')]);
		expect(onHand(hq.ctx, item.id)).toBe(55);
		const qtys = (m: Map<string, { qty: number }>) =>
			[...m].map(([k, b]) => [k, b.qty]).sort(([a], [b]) => String(a).localeCompare(String(b)));
		expect(qtys(ledgerBalances(hq.ctx))).toEqual(qtys(before));
		const lotsAfter = ledgerLots(hq.ctx);
		for (const [key, lot] of lotsBefore) {
			expect(lotsAfter.get(key)?.expiry).toBe(lot.expiry);
			expect(lotsAfter.get(key)?.firstReceivedAt).toBe(lot.firstReceivedAt);
		}
		expect(periodRows(hq.ctx)[1]).toMatchObject({ month: '2026-10', closed: true });
	});

	it('still refuses to oversell against the opening', () => {
		const { hq, item, wh } = october();
		closePeriod(hq.ctx, '2026-10');
		expect(() =>
			recordIssue(hq.ctx, { itemId: item.id, warehouseId: wh.id, unit: '瓶', qty: 26, lot: 'A' })
		).toThrow(StockflowError);
		recordIssue(hq.ctx, { itemId: item.id, warehouseId: wh.id, unit: '瓶', qty: 25, lot: 'A' });
		expect(onHand(hq.ctx, item.id)).toBe(30);
	});

	it('says why a month cannot be closed', () => {
		const { hq, item, wh } = october();
		expect(closeBlockers(hq.ctx, '2026-11', '2026-11').map((b) => b.kind)).toContain(
			'current-month'
		);
		// A clerk counted on Oct 31 and has not submitted.
		const floor = device('floor', 'admin', hq.docs);
		floor.setNow(OCT_31);
		const count = openCount(floor.ctx, { warehouseId: wh.id, kind: 'full', blind: false });
		recordCountLines(floor.ctx, count.id, [{ itemId: item.id, lot: 'A', countedQty: 25 }]);
		expect(() => closePeriod(hq.ctx, '2026-10')).toThrow(/is still open/);
		const clerk = device('clerk', 'warehouse', hq.docs);
		expect(() => closePeriod(clerk.ctx, '2026-10')).toThrow(/may not close a period/);
		submitCount(hq.ctx, count.id);
		approveCount(hq.ctx, count.id);
		closePeriod(hq.ctx, '2026-10');
		expect(() => closePeriod(hq.ctx, '2026-10')).toThrow(/already closed/);
	});

	it('a movement posted offline into a closed month is carried forward once, by any holder', () => {
		const { hq, item, wh } = october();
		const shop = device('shop');
		sync(hq, shop);
		// The shop is offline over the month end and issues on Oct 31.
		shop.setNow(OCT_31);
		recordIssue(shop.ctx, { itemId: item.id, warehouseId: wh.id, unit: '瓶', qty: 5, lot: 'B' });
		closePeriod(hq.ctx, '2026-10');
		sync(hq, shop);
		// The close did not see the issue: it is late, and nobody's November fold has it yet.
		expect(onHand(hq.ctx, item.id)).toBe(55);
		const carried = carryForwardLate(shop.ctx, new Map([['2026-10', shop.docs.ledger('2026-10')]]));
		expect(carried).toHaveLength(1);
		// HQ also holds October and carries it too; the same id counts once.
		carryForwardLate(hq.ctx, new Map([['2026-10', hq.docs.ledger('2026-10')]]));
		sync(hq, shop);
		expect(onHand(hq.ctx, item.id)).toBe(50);
		expect(onHand(shop.ctx, item.id)).toBe(50);
		expect(carryForwardLate(shop.ctx, new Map([['2026-10', shop.docs.ledger('2026-10')]]))).toEqual(
			[]
		);
	});

	it('a count with lines in a closed month cannot be approved after the close', () => {
		const { hq, item, wh } = october();
		const shop = device('shop');
		sync(hq, shop);
		shop.setNow(OCT_31);
		const count = openCount(shop.ctx, { warehouseId: wh.id, kind: 'full', blind: false });
		recordCountLines(shop.ctx, count.id, [{ itemId: item.id, lot: 'B', countedQty: 28 }]);
		submitCount(shop.ctx, count.id);
		closePeriod(hq.ctx, '2026-10'); // HQ did not know about the offline count
		sync(hq, shop);
		shop.setNow(NOV_3);
		expect(() => approveCount(shop.ctx, count.id)).toThrow(/2026-10 is closed/);
	});

	it('a close whose opening has not arrived (or is garbage) stops stock checks instead of understating', () => {
		const { hq, item, wh } = october();
		closePeriod(hq.ctx, '2026-10');
		const fresh = device('fresh');
		// Only the catalog arrived.
		Y.applyUpdate(fresh.docs.catalog, Y.encodeStateAsUpdate(hq.docs.catalog));
		expect(() => ledgerMovements(fresh.ctx)).toThrow(/have not arrived/);
		expect(() =>
			recordIssue(fresh.ctx, { itemId: item.id, warehouseId: wh.id, unit: '瓶', qty: 1, lot: 'A' })
		).toThrow(/have not arrived/);
		expect(readMovements(fresh.docs.ledger('2026-11')).movements).toHaveLength(0);
		fresh.docs
			.ledger('2026-11')
			.transact(() =>
				fresh.docs
					.ledger('2026-11')
					.getMap('opening')
					.set('2026-10@zzz', { closedMonth: '2026-10' })
			);
		expect(() => ledgerBalances(fresh.ctx)).toThrow(/have not arrived/);
		sync(hq, fresh);
		expect(onHand(fresh.ctx, item.id)).toBe(55);
	});
});

describe('closing a month with values', () => {
	function costedOctober() {
		const hq = device('hq');
		const item = createItem(hq.ctx, { code: 'TEA-1', name: '烏龍茶', unit: '罐' });
		const wh = createWarehouse(hq.ctx, { code: 'TP', name: '台北倉' });
		const place = { itemId: item.id, warehouseId: wh.id, unit: '罐' };
		recordReceipt(hq.ctx, { ...place, qty: 30, unitCostCents: 1230 });
		recordReceipt(hq.ctx, { ...place, qty: 10, unitCostCents: 1235 });
		recordIssue(hq.ctx, { ...place, qty: 15 });
		hq.setNow(NOV_3);
		return { hq, item, wh, place };
	}

	const bookOf = (d: Device) =>
		readFinanceBook({
			catalog: d.docs.catalog,
			orders: d.docs.shared('orders'),
			ledgers: new Map(['2026-10', '2026-11'].map((m) => [m, d.docs.ledger(m)]))
		});

	it('finance closes; a late movement lands in November and October keeps its numbers', () => {
		const { hq, place } = costedOctober();
		const shop = device('shop');
		sync(hq, shop);
		shop.setNow(OCT_31);
		recordIssue(shop.ctx, { ...place, qty: 5 });
		const finance = device('fin', 'finance', hq.docs);
		finance.setNow(NOV_3);
		const close = closePeriod(finance.ctx, '2026-10');
		// FIFO: 15 of the 30 @ 12.30 left; 15 @ 12.30 + 10 @ 12.35 stay = 184.50 + 123.50.
		expect(close.values?.months).toEqual([
			{
				month: '2026-10',
				revenueCents: 0,
				salesReturnsCents: 0,
				cogsCents: 18450,
				salesCogsCents: 0,
				inventoryStartCents: 0,
				inventoryEndCents: 30800,
				purchasesCents: 49250,
				countedLines: 0,
				matchingLines: 0
			}
		]);
		expect(close.values?.balances['1231']).toBe(30800);
		const before = bookOf(hq);
		sync(hq, shop);
		carryForwardLate(shop.ctx, new Map([['2026-10', shop.docs.ledger('2026-10')]]));
		sync(hq, shop);
		const after = bookOf(hq);
		expect(after.months[0]).toEqual(before.months[0]);
		expect(after.months[1]).toMatchObject({
			month: '2026-11',
			cogsCents: 6150,
			inventoryStartCents: 30800,
			inventoryEndCents: 24650
		});
		const inventory = after.trialBalance.rows.find((r) => r.account === '1231');
		expect(inventory).toMatchObject({ openingCents: 30800, closingCents: 24650 });
		expect(after.trialBalance.closingSumCents).toBe(0);
	});

	it('a closed month keeps its count accuracy: the close freezes what its postings said', () => {
		const { hq, item, wh, place } = costedOctober();
		// Oct 31 on the shop floor: 25 tea on the book counted as 24 (one line off), 8 green tea
		// found as booked.
		const floor = device('floor', 'admin', hq.docs);
		floor.setNow(OCT_31);
		const other = createItem(floor.ctx, { code: 'TEA-2', name: '綠茶', unit: '罐' });
		recordReceipt(floor.ctx, { ...place, itemId: other.id, qty: 8, unitCostCents: 1000 });
		const count = openCount(floor.ctx, { warehouseId: wh.id, kind: 'full', blind: false });
		recordCountLines(floor.ctx, count.id, [
			{ itemId: item.id, countedQty: 24 },
			{ itemId: other.id, countedQty: 8 }
		]);
		submitCount(floor.ctx, count.id);
		approveCount(floor.ctx, count.id);
		const accuracy = () =>
			computeFinance(
				readFinanceSources(
					{
						catalog: hq.docs.catalog,
						orders: hq.docs.shared('orders'),
						counts: hq.docs.shared('counts'),
						ledgers: new Map(['2026-10', '2026-11'].map((m) => [m, hq.docs.ledger(m)]))
					},
					NOV_3
				)
			).kpis.months.find((m) => m.month === '2026-10')?.accuracy;
		expect(accuracy()).toBe(0.5);
		const close = closePeriod(hq.ctx, '2026-10');
		expect(close.values?.months[0]).toMatchObject({ countedLines: 2, matchingLines: 1 });
		// October's ledger is no longer read after the close; the owner still sees 50 %.
		expect(accuracy()).toBe(0.5);
	});

	it('the carried layers value November exactly as an unclosed history would', () => {
		const { hq, place } = costedOctober();
		closePeriod(hq.ctx, '2026-10');
		recordIssue(hq.ctx, { ...place, qty: 20 });
		const book = bookOf(hq);
		// 15 @ 12.30 + 5 @ 12.35 leave; 5 @ 12.35 stay.
		expect(book.months.at(-1)).toMatchObject({ cogsCents: 24625, inventoryEndCents: 6175 });
		expect(book.costing.positions.get(place.itemId)?.layers.map(([q, v]) => [q, v])).toEqual([
			[5_000_000, 61_750_000]
		]);
	});
});

// The demo company's sales side: customers (from the demo's customer list), a history of
// delivered orders with regular reorder rhythms (so repurchase prediction has something to
// say), and a few dozen open orders spread over the board — including one pair confirmed
// "offline" on two devices so the over-allocation flag and its resolutions can be seen.
// Written through the same commands the UI uses, from a seeded PRNG and a simulated clock.

import * as Y from 'yjs';
import { createHlc } from '../domain/clock/hlc';
import { createIdGenerator } from '../domain/ids';
import { StockflowError } from '../domain/errors';
import { createPrng, type Prng } from '../domain/random/prng';
import type { Item, Warehouse } from '../domain/catalog/entities';
import type { Customer } from '../domain/customers/customer';
import { readItems, readWarehouses } from '../doc/catalog-doc';
import { readMovements } from '../doc/ledger-doc';
import { onHandOf } from '../domain/ledger/fold';
import type { CommandContext, WorkspaceDocs } from '../commands/context';
import { currentBalances } from '../commands/access';
import { boardOf } from '../commands/orders/read';
import { createCustomer } from '../commands/customers';
import { createOrder } from '../commands/orders/create';
import { shipOrder } from '../commands/orders/shipping';
import {
	cancelOrder,
	confirmOrder,
	deliverOrder,
	packOrder,
	recordFeedback,
	startPicking
} from '../commands/orders/transitions';
import { CUSTOMERS } from './customers';

const DAY_MS = 86_400_000;

export interface DemoOrdersOptions {
	seed: number;
	/** The simulated "now"; every stamp is earlier. */
	nowMs: number;
	/** No order history before this day (the first day of the demo's ledger). */
	sinceMs: number;
}

export interface DemoOrdersResult {
	customers: number;
	orders: number;
	/** Ledger movements the shipments wrote. */
	movements: number;
}

function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** Runs a step; a refusal (stock ran out, status moved on) just skips it, as a person would. */
function tryStep(fn: () => unknown): boolean {
	try {
		fn();
		return true;
	} catch (err) {
		if (err instanceof StockflowError) return false;
		throw err;
	}
}

export function seedDemoOrders(docs: WorkspaceDocs, opts: DemoOrdersOptions): DemoOrdersResult {
	const prng = createPrng(opts.seed ^ 0x5a1e5);
	// Business hours of the last weekday before now, in UTC (Taipei 08:30–18:00).
	const today = Math.floor((opts.nowMs - 10 * 3_600_000) / DAY_MS) * DAY_MS;
	let simMs = today;
	const ctx: CommandContext = {
		docs,
		clock: createHlc('demo.sales', () => (simMs += prng.int(2_000, 30_000))),
		ids: createIdGenerator({ nowMs: () => simMs, random: prng.next }),
		user: 'demo',
		role: 'admin'
	};
	const at = (daysAgo: number): void => {
		simMs = today - daysAgo * DAY_MS + 3_600_000;
	};
	const movementsBefore = countMovements(docs);

	at(Math.floor((today - opts.sinceMs) / DAY_MS));
	const customers = Object.values(CUSTOMERS)
		.flat()
		.map((name, i) =>
			createCustomer(ctx, {
				code: `C${String(i + 1).padStart(3, '0')}`,
				name,
				contact: prng.pick(['林小姐', '陳先生', '王經理', '張主任', '李採購']),
				phone: `0${prng.int(2, 8)}-${prng.int(2000, 8999)}-${prng.int(1000, 9999)}`,
				creditTermsDays: prng.pick([0, 30, 30, 60]),
				priceLevel: prng.pick(['standard', 'standard', 'wholesale', 'distributor'] as const)
			})
		);
	const warehouses = readWarehouses(docs.catalog);
	const balances = currentBalances(ctx);
	const inStock = (w: Warehouse): Item[] =>
		readItems(docs.catalog).filter(
			(i) => !i.lotTracked && onHandOf(balances, { itemId: i.id, warehouseId: w.id }) > 60
		);
	const main = warehouses[0];
	if (!main) return { customers: customers.length, orders: 0, movements: 0 };
	const items = inStock(main).slice(0, 40);
	if (items.length < 4) return { customers: customers.length, orders: 0, movements: 0 };

	let orders = 0;
	const order = (customer: Customer, lines: Item[], dueInDays: number, w = main) => {
		orders++;
		return createOrder(ctx, {
			customerId: customer.id,
			warehouseId: w.id,
			requestedDate: isoDay(simMs + dueInDays * DAY_MS),
			lines: lines.map((item) => ({
				itemId: item.id,
				qty: prng.int(1, 6),
				unitPriceCents: Math.max(100, Math.round(item.standardCostCents * 1.35)),
				discountPct: prng.pick([0, 0, 0, 5, 10])
			}))
		}).id;
	};

	const maxDaysAgo = Math.floor((today - opts.sinceMs) / DAY_MS) - 1;
	history(prng, customers.slice(0, 10), items, maxDaysAgo, (c, item, daysAgo) => {
		at(daysAgo);
		const id = order(c, [item], 3);
		tryStep(() => confirmOrder(ctx, id, { backorder: true }));
		simMs += 2 * 3_600_000;
		tryStep(() =>
			shipOrder(ctx, id, { carrier: '新竹物流', tracking: `HCT${prng.int(1e8, 9e8)}` })
		);
		simMs += 20 * 3_600_000;
		tryStep(() => deliverOrder(ctx, id, { signedBy: c.name, signedAt: isoDay(simMs) }));
		if (prng.chance(0.3))
			tryStep(() =>
				recordFeedback(ctx, id, {
					rating: prng.int(3, 5),
					comment: prng.pick(['準時', '包裝完整', ''])
				})
			);
	});

	// Open orders over the last week, spread over the board.
	const stages = [
		'draft',
		'confirmed',
		'picking',
		'packed',
		'shipped',
		'delivered',
		'cancelled'
	] as const;
	const weights = [6, 9, 5, 4, 4, 3, 2];
	for (let i = 0; i < 33; i++) {
		at(prng.int(0, 6));
		const stage = stages[prng.weighted(weights)] ?? 'draft';
		const w = prng.chance(0.7) ? main : prng.pick(warehouses);
		const pool = w === main ? items : inStock(w).slice(0, 30);
		if (pool.length < 3) continue;
		const id = order(
			prng.pick(customers),
			prng.shuffle(pool).slice(0, prng.int(1, 4)),
			prng.int(-1, 12),
			w
		);
		if (stage === 'draft') continue;
		if (stage === 'cancelled') {
			tryStep(() => cancelOrder(ctx, id, '客戶改期'));
			continue;
		}
		tryStep(() => confirmOrder(ctx, id, { backorder: true }));
		if (stage === 'confirmed') continue;
		tryStep(() => startPicking(ctx, id));
		if (stage === 'picking') continue;
		tryStep(() => packOrder(ctx, id, prng.int(1, 3)));
		if (stage === 'packed') continue;
		tryStep(() => shipOrder(ctx, id, { carrier: '黑貓宅急便', tracking: `${prng.int(1e9, 9e9)}` }));
		if (stage === 'delivered')
			tryStep(() => deliverOrder(ctx, id, { signedBy: '櫃台', signedAt: isoDay(simMs) }));
	}

	// Two sales reps promised the same last units while one was offline.
	at(0);
	orders += offlineDoubleConfirmation(ctx, customers, items, main);
	return { customers: customers.length, orders, movements: countMovements(docs) - movementsBefore };
}

/** Per customer × item, a few delivered orders at a steady rhythm ending recently. */
function history(
	prng: Prng,
	customers: Customer[],
	items: Item[],
	maxDaysAgo: number,
	place: (c: Customer, item: Item, daysAgo: number) => void
): void {
	const plan: { c: Customer; item: Item; daysAgo: number }[] = [];
	for (const c of customers)
		for (const item of prng.shuffle(items).slice(0, 2)) {
			const interval = prng.int(10, 35);
			let daysAgo = Math.round(interval * (0.4 + prng.next() * 0.9));
			for (let k = 0; k < prng.int(3, 6); k++, daysAgo += interval + prng.int(-2, 2))
				if (daysAgo <= maxDaysAgo) plan.push({ c, item, daysAgo });
		}
	// Oldest first, so the clock only moves forward.
	plan.sort((a, b) => b.daysAgo - a.daysAgo);
	for (const p of plan) place(p.c, p.item, p.daysAgo);
}

/**
 * Confirms two orders for the whole free quantity of one item, each against its own copy of
 * the orders doc (as two offline devices would), then merges the copies: the later
 * confirmation shows as over-allocated.
 */
function offlineDoubleConfirmation(
	ctx: CommandContext,
	customers: Customer[],
	items: Item[],
	w: Warehouse
): number {
	const [c1, c2] = customers.slice(-2);
	const atp = boardOf(ctx).atp;
	const item = [...items].sort(
		(x, y) => atp.of(y.id, w.id).available - atp.of(x.id, w.id).available
	)[0];
	if (!c1 || !c2 || !item) return 0;
	const qty = Math.floor(atp.of(item.id, w.id).available);
	if (qty <= 0) return 0;
	const ids = [c1, c2].map(
		(c) =>
			createOrder(ctx, {
				customerId: c.id,
				warehouseId: w.id,
				requestedDate: nextWeek(ctx),
				lines: [{ itemId: item.id, qty, unitPriceCents: Math.max(100, item.standardCostCents * 2) }]
			}).id
	);
	const shared = ctx.docs.shared('orders');
	const offline = new Y.Doc();
	Y.applyUpdate(offline, Y.encodeStateAsUpdate(shared));
	const otherDevice: CommandContext = {
		...ctx,
		user: 'demo2',
		docs: {
			catalog: ctx.docs.catalog,
			shared: () => offline,
			ledger: (month) => ctx.docs.ledger(month),
			ledgers: () => ctx.docs.ledgers()
		}
	};
	const [a, b] = ids;
	if (!a || !b) return 2;
	tryStep(() => confirmOrder(ctx, a));
	tryStep(() => confirmOrder(otherDevice, b));
	Y.applyUpdate(shared, Y.encodeStateAsUpdate(offline));
	return 2;
}

function nextWeek(ctx: CommandContext): string {
	return isoDay(Number(ctx.clock.now().slice(0, 15)) + 7 * DAY_MS);
}

function countMovements(docs: WorkspaceDocs): number {
	let n = 0;
	for (const doc of docs.ledgers()) n += readMovements(doc).movements.length;
	return n;
}

// The demo company 好日子食品包材 (Good Day Food & Packaging, Taoyuan): 219 SKUs, three
// warehouses, and `months` months of trading with Taiwanese seasonality — written through the
// same commands the UI uses, from a seeded PRNG and a simulated clock, so a seed always
// produces the same company.

import { createIdGenerator } from '../domain/ids';
import { createHlc } from '../domain/clock/hlc';
import { foldBalances } from '../domain/ledger/fold';
import { createPrng } from '../domain/random/prng';
import { createItem, createLocation, createWarehouse } from '../commands/catalog';
import type { CommandContext, WorkspaceDocs } from '../commands/context';
import { recordMovementsBatch, type MovementRequest } from '../commands/movements';
import { CUSTOMERS } from './customers';
import { FAMILIES } from './products';
import { buildSkus, type Sku } from './skus';
import { isLunarNewYearHoliday, seasonFactor } from './seasons';
import { createStockMirror } from './stock-mirror';
import { cycleCount } from './cycle-counts';
import { seedDemoOrders } from './orders';
import { seedDemoPurchasing } from './purchasing';
import { seedDemoProduction } from './production';

export interface DemoOptions {
	seed: number;
	/** The simulated "now": trading runs up to the last full business day before it. */
	nowMs: number;
	/** Calendar months of history, the last one being the month of that business day. */
	months: number;
}

export interface DemoResult {
	items: number;
	warehouses: number;
	movements: number;
}

const DAY_MS = 86_400_000;
/** Business hours 08:30–18:00 in Taipei (UTC+8) are 00:30–10:00 UTC: never crosses a UTC month. */
const OPEN_MS = 30 * 60_000;
const CLOSE_MS = 10 * 3_600_000;

const WAREHOUSES = [
	{
		code: 'TY-MAIN',
		name: '桃園總倉',
		address: '桃園市觀音區工業五路 8 號',
		share: 0.5,
		aisles: 6
	},
	{ code: 'TC', name: '台中倉', address: '台中市西屯區工業區一路 32 號', share: 0.25, aisles: 3 },
	{ code: 'KH', name: '高雄倉', address: '高雄市仁武區仁武工業區 15 號', share: 0.25, aisles: 3 }
] as const;
const ZONES = { A: '常溫區', B: '常溫區', C: '冷藏區', D: '冷凍區' } as const;
/** Sales order lines per business day, company-wide, on an ordinary day. */
const LINES_PER_DAY = 20;

export async function seedDemoCompany(docs: WorkspaceDocs, opts: DemoOptions): Promise<DemoResult> {
	if (!Number.isInteger(opts.months) || opts.months < 1) throw new RangeError('months must be ≥ 1');
	const prng = createPrng(opts.seed);
	const lastDay = Math.floor((opts.nowMs - CLOSE_MS) / DAY_MS) * DAY_MS;
	const last = new Date(lastDay);
	const firstDay = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - opts.months + 1, 1);

	let simMs = firstDay + OPEN_MS;
	let dayClose = firstDay + CLOSE_MS;
	// Each clock read moves the simulated time on a little, within business hours.
	const wall = (): number => (simMs = Math.min(simMs + prng.int(5_000, 90_000), dayClose));
	const idPrng = createPrng(opts.seed ^ 0x5eed);
	// The counts draw from their own stream: the trading above stays as it was without them.
	const countPrng = createPrng(opts.seed ^ 0xc0de);
	const ctx: CommandContext = {
		docs,
		clock: createHlc('demo', wall),
		ids: createIdGenerator({ nowMs: () => simMs, random: idPrng.next }),
		user: 'demo',
		role: 'admin'
	};

	const skus = buildSkus(FAMILIES, prng, LINES_PER_DAY);
	const setup = createCatalog(ctx, skus);
	const stock = createStockMirror();
	const balances = foldBalances([]);
	let movements = 0;
	let orderSeq = 0;
	const pending: { arriveDay: number; sku: Sku; qty: number; po: string }[] = [];
	const onOrder = new Map<Sku, number>();

	const flush = (requests: MovementRequest[]): void => {
		if (requests.length === 0) return;
		movements += recordMovementsBatch(ctx, requests, {
			command: 'seedDemoCompany',
			balances
		}).flat().length;
	};

	// Opening stock on the first morning.
	const opening: MovementRequest[] = [];
	setup.warehouses.forEach((w, wi) => {
		for (const sku of skus) {
			const qty = Math.round(sku.dailyDemand * w.share * 20) + 1;
			opening.push(
				stock.receipt(sku, wi, w.id, setup.binOf(sku, wi), qty, firstDay, prng, {
					ref: 'OPENING',
					note: '期初庫存'
				})
			);
		}
	});
	flush(opening);

	for (let day = firstDay; day <= lastDay; day += DAY_MS) {
		simMs = day + OPEN_MS;
		dayClose = day + CLOSE_MS;
		const weekday = new Date(day).getUTCDay();
		if (weekday === 0 || isLunarNewYearHoliday(day)) continue;
		const requests: MovementRequest[] = [];
		const stamp = new Date(day).toISOString().slice(2, 10).replaceAll('-', '');

		// 1. Purchase orders arriving at the main warehouse.
		for (let i = pending.length - 1; i >= 0; i--) {
			const p = pending[i];
			if (!p || p.arriveDay > day) continue;
			pending.splice(i, 1);
			onOrder.set(p.sku, (onOrder.get(p.sku) ?? 0) - p.qty);
			const main = setup.warehouses[0];
			if (!main) continue;
			requests.push(
				stock.receipt(p.sku, 0, main.id, setup.binOf(p.sku, 0), p.qty, day, prng, {
					ref: p.po,
					note: p.sku.family.supplier
				})
			);
		}

		// 2. Branch replenishment from the main warehouse, every Monday.
		if (weekday === 1) {
			for (let wi = 1; wi < setup.warehouses.length; wi++) {
				const w = setup.warehouses[wi];
				if (!w) continue;
				for (const sku of skus) {
					const season = seasonFactor(sku.family.profile, day + 7 * DAY_MS);
					const target = Math.ceil(sku.dailyDemand * w.share * season * 18);
					const have = stock.onHand(sku, wi);
					if (have > target * 0.45) continue;
					requests.push(
						...stock.transfer(sku, 0, wi, setup, Math.min(target - have, stock.onHand(sku, 0)))
					);
				}
			}
		}

		// 3. Sales orders: more of them in season, each a few lines, shipped FEFO.
		const weights = skus.map((s) => s.weight * seasonFactor(s.family.profile, day));
		const dayFactor = weights.reduce((a, b) => a + b, 0) / skus.reduce((a, s) => a + s.weight, 0);
		const lines = Math.round(
			LINES_PER_DAY * dayFactor * (weekday === 6 ? 0.5 : 1) * (0.8 + 0.4 * prng.next())
		);
		let remaining = lines;
		while (remaining > 0) {
			const wi = prng.weighted(setup.warehouses.map((w) => w.share));
			const w = setup.warehouses[wi];
			if (!w) break;
			const ref = `SO-${stamp}-${String(++orderSeq % 1000).padStart(3, '0')}`;
			const note = prng.pick(CUSTOMERS[w.code]);
			const count = Math.min(remaining, prng.int(1, 4));
			remaining -= count;
			for (let l = 0; l < count; l++) {
				const sku = skus[prng.weighted(weights)];
				if (!sku) continue;
				const want = Math.max(1, Math.round(sku.lineQty * (0.5 + prng.next())));
				requests.push(...stock.issue(sku, wi, w.id, setup.binOf(sku, wi), want, { ref, note }));
			}
		}

		// 4. A few adjustments: breakage, count differences, and expired lots written off.
		if (prng.chance(0.3)) {
			const sku = prng.pick(skus);
			const wi = prng.int(0, setup.warehouses.length - 1);
			const w = setup.warehouses[wi];
			if (w)
				requests.push(
					...stock.adjust(
						sku,
						wi,
						w.id,
						setup.binOf(sku, wi),
						prng.chance(0.7) ? -prng.int(1, 3) : prng.int(1, 2),
						prng
					)
				);
		}
		setup.warehouses.forEach((w, wi) =>
			requests.push(...stock.writeOffExpired(wi, w.id, setup, day))
		);

		// 5. Purchasing: reorder for the main warehouse when the whole company runs low.
		for (const sku of skus) {
			const season = seasonFactor(sku.family.profile, day + sku.leadDays * DAY_MS);
			const position = stock.onHandAll(sku) + (onOrder.get(sku) ?? 0);
			if (position > sku.dailyDemand * season * (sku.leadDays + 10)) continue;
			const qty = Math.ceil(sku.dailyDemand * season * (sku.leadDays + 35) - position);
			if (qty <= 0) continue;
			const po = `PO-${stamp}-${String(pending.length + 1).padStart(3, '0')}`;
			pending.push({ arriveDay: day + sku.leadDays * DAY_MS, sku, qty, po });
			onOrder.set(sku, (onOrder.get(sku) ?? 0) + qty);
		}
		flush(requests);

		// 6. The branches count two dozen items on the month's last Friday (cycle-counts.ts).
		const lastFriday = weekday === 5 && new Date(day + 7 * DAY_MS).getUTCDate() <= 7;
		if (lastFriday && day < opts.nowMs - 8 * DAY_MS)
			for (let wi = 1; wi < setup.warehouses.length; wi++)
				movements += cycleCount(ctx, stock, setup, skus, balances, wi, countPrng);
		// Let the event loop breathe between days so a CLI can show progress.
		if (new Date(day).getUTCDate() === 1) await Promise.resolve();
	}
	// Sales orders, customers and the order board (issue 5): src/lib/demo/orders.ts.
	const sales = seedDemoOrders(docs, { seed: opts.seed, nowMs: opts.nowMs, sinceMs: firstDay });
	// Suppliers, certificates, price lists and the year's purchase orders (issue 17).
	seedDemoPurchasing(docs, {
		seed: opts.seed,
		nowMs: opts.nowMs,
		firstDay,
		skus,
		pending,
		mainWarehouseId: setup.warehouses[0]?.id ?? ''
	});
	// The plant: work centres, BOMs and work orders (issue 18): src/lib/demo/production.ts.
	const plant = seedDemoProduction(docs, {
		seed: opts.seed,
		nowMs: opts.nowMs,
		firstDay,
		mainWarehouseId: setup.warehouses[0]?.id ?? ''
	});
	return {
		items: skus.length + plant.items,
		warehouses: setup.warehouses.length,
		movements: movements + sales.movements + plant.movements
	};
}

export interface DemoSetup {
	warehouses: { id: string; code: (typeof WAREHOUSES)[number]['code']; share: number }[];
	binOf(sku: Sku, warehouseIndex: number): string;
}

function createCatalog(ctx: CommandContext, skus: Sku[]): DemoSetup {
	const bins: Map<string, string>[] = [];
	const warehouses = WAREHOUSES.map((spec) => {
		const w = createWarehouse(ctx, { code: spec.code, name: spec.name, address: spec.address });
		const byZone = new Map<string, string>();
		for (const [zone, zoneName] of Object.entries(ZONES)) {
			for (let aisle = 1; aisle <= spec.aisles; aisle++) {
				for (let level = 1; level <= 3; level++) {
					const code = `${zone}-${String(aisle).padStart(2, '0')}-${String(level).padStart(2, '0')}`;
					const loc = createLocation(ctx, {
						warehouseId: w.id,
						code,
						name: `${zoneName} ${aisle} 排 ${level} 層`
					});
					byZone.set(code, loc.id);
				}
			}
		}
		bins.push(byZone);
		return { id: w.id, code: spec.code, share: spec.share };
	});
	for (const sku of skus) {
		sku.id = createItem(ctx, sku.input).id;
	}
	return {
		warehouses,
		binOf(sku, wi) {
			const spec = WAREHOUSES[wi];
			const map = bins[wi];
			if (!spec || !map) throw new Error(`no warehouse ${wi}`);
			const aisle = (sku.index % spec.aisles) + 1;
			const level = (Math.floor(sku.index / spec.aisles) % 3) + 1;
			const code = `${sku.family.zone}-${String(aisle).padStart(2, '0')}-${String(level).padStart(2, '0')}`;
			const id = map.get(code);
			if (!id) throw new Error(`no bin ${code}`);
			return id;
		}
	};
}

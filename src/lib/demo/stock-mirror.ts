// The demo's own view of where every lot sits, so it only plans movements the commands will
// accept (FEFO picking, never below zero). The commands still validate everything.

import type { MovementRequest } from '../commands/movements';
import type { Prng } from '../domain/random/prng';
import type { Sku } from './skus';

interface Lot {
	lot: string;
	expiry?: string;
	qty: number;
}

export interface PlaceResolver {
	warehouses: readonly { id: string }[];
	binOf(sku: Sku, warehouseIndex: number): string;
}

export interface StockMirror {
	onHand(sku: Sku, wi: number): number;
	/** What each lot of `sku` holds at warehouse `wi` (a copy; FEFO order). */
	lotsAt(sku: Sku, wi: number): { lot: string; qty: number }[];
	onHandAll(sku: Sku): number;
	receipt(
		sku: Sku,
		wi: number,
		warehouseId: string,
		locationId: string,
		qty: number,
		dayMs: number,
		prng: Prng,
		meta: { ref: string; note: string }
	): MovementRequest;
	issue(
		sku: Sku,
		wi: number,
		warehouseId: string,
		locationId: string,
		want: number,
		meta: { ref: string; note: string }
	): MovementRequest[];
	transfer(
		sku: Sku,
		from: number,
		to: number,
		places: PlaceResolver,
		qty: number
	): MovementRequest[];
	adjust(
		sku: Sku,
		wi: number,
		warehouseId: string,
		locationId: string,
		delta: number,
		prng: Prng
	): MovementRequest[];
	writeOffExpired(
		wi: number,
		warehouseId: string,
		places: PlaceResolver,
		dayMs: number
	): MovementRequest[];
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function createStockMirror(): StockMirror {
	/** `${sku.index}|${wi}` → lots, kept sorted by expiry (FEFO). */
	const lots = new Map<string, Lot[]>();
	const skusSeen = new Map<string, Sku>();
	const lotsOf = (sku: Sku, wi: number): Lot[] => {
		const key = `${sku.index}|${wi}`;
		let list = lots.get(key);
		if (!list) {
			list = [];
			lots.set(key, list);
			skusSeen.set(key, sku);
		}
		return list;
	};
	const add = (list: Lot[], lot: Lot): void => {
		const same = list.find((l) => l.lot === lot.lot);
		if (same) same.qty += lot.qty;
		else list.push({ ...lot });
		list.sort(
			(a, b) => (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999') || a.lot.localeCompare(b.lot)
		);
	};
	/** Takes up to `want` FEFO; returns the lots and quantities taken. */
	const take = (list: Lot[], want: number): Lot[] => {
		const taken: Lot[] = [];
		let left = want;
		for (const l of list) {
			if (left <= 0) break;
			const q = Math.min(l.qty, left);
			if (q <= 0) continue;
			l.qty -= q;
			left -= q;
			taken.push({ lot: l.lot, expiry: l.expiry, qty: q });
		}
		for (let i = list.length - 1; i >= 0; i--) if ((list[i]?.qty ?? 0) <= 0) list.splice(i, 1);
		return taken;
	};
	const sum = (list: Lot[]): number => list.reduce((a, l) => a + l.qty, 0);
	const lotField = (l: Lot): string | undefined => (l.lot === '' ? undefined : l.lot);

	return {
		onHand: (sku, wi) => sum(lotsOf(sku, wi)),
		lotsAt: (sku, wi) => lotsOf(sku, wi).map((l) => ({ lot: l.lot, qty: l.qty })),
		onHandAll(sku) {
			let total = 0;
			for (let wi = 0; wi < 3; wi++) total += sum(lotsOf(sku, wi));
			return total;
		},
		receipt(sku, wi, warehouseId, locationId, qty, dayMs, prng, meta) {
			const tracked = sku.input.lotTracked === true;
			const producedMs = dayMs - prng.int(3, 30) * DAY_MS;
			const shelf = sku.input.shelfLifeDays ?? 0;
			const lot: Lot = tracked
				? {
						lot: `L${isoDay(producedMs).replaceAll('-', '').slice(2)}`,
						expiry: isoDay(producedMs + shelf * DAY_MS),
						qty
					}
				: { lot: '', qty };
			add(lotsOf(sku, wi), lot);
			const cost = sku.input.standardCostCents ?? 0;
			return {
				kind: 'receipt',
				input: {
					itemId: sku.id,
					warehouseId,
					locationId,
					lot: lotField(lot),
					expiry: lot.expiry,
					qty,
					unit: sku.input.unit,
					// Buyers negotiate: most deliveries land a little under the planned price (the
					// procurement saving KPI), some over it.
					unitCostCents: Math.round(cost * (0.9 + 0.14 * prng.next())),
					ref: meta.ref,
					note: meta.note
				}
			};
		},
		issue(sku, wi, warehouseId, locationId, want, meta) {
			return take(lotsOf(sku, wi), want).map((l) => ({
				kind: 'issue',
				input: {
					itemId: sku.id,
					warehouseId,
					locationId,
					lot: lotField(l),
					qty: l.qty,
					unit: sku.input.unit,
					ref: meta.ref,
					note: meta.note
				}
			}));
		},
		transfer(sku, from, to, places, qty) {
			const source = places.warehouses[from];
			const target = places.warehouses[to];
			if (!source || !target || qty <= 0) return [];
			const destination = lotsOf(sku, to);
			return take(lotsOf(sku, from), qty).map((l) => {
				add(destination, l);
				return {
					kind: 'transfer',
					input: {
						itemId: sku.id,
						from: { warehouseId: source.id, locationId: places.binOf(sku, from) },
						to: { warehouseId: target.id, locationId: places.binOf(sku, to) },
						lot: lotField(l),
						qty: l.qty,
						unit: sku.input.unit,
						note: '補貨調撥'
					}
				};
			});
		},
		adjust(sku, wi, warehouseId, locationId, delta, prng) {
			const list = lotsOf(sku, wi);
			const base = { itemId: sku.id, warehouseId, locationId, unit: sku.input.unit };
			if (delta < 0) {
				const lot = list.find((l) => l.qty >= -delta);
				if (!lot) return [];
				take([lot], -delta);
				if (lot.qty <= 0) list.splice(list.indexOf(lot), 1);
				const note = prng.chance(0.5) ? '搬運破損報廢' : '盤點差異 (盤虧)';
				return [
					{ kind: 'adjustment', input: { ...base, lot: lotField(lot), qtyDelta: delta, note } }
				];
			}
			const lot = list[list.length - 1];
			if (!lot && sku.input.lotTracked) return [];
			if (lot) lot.qty += delta;
			else add(list, { lot: '', qty: delta });
			return [
				{
					kind: 'adjustment',
					input: {
						...base,
						lot: lot ? lotField(lot) : undefined,
						qtyDelta: delta,
						note: '盤點差異 (盤盈)'
					}
				}
			];
		},
		writeOffExpired(wi, warehouseId, places, dayMs) {
			const today = isoDay(dayMs);
			const requests: MovementRequest[] = [];
			for (const [key, list] of lots) {
				if (!key.endsWith(`|${wi}`)) continue;
				const sku = skusSeen.get(key);
				if (!sku) continue;
				for (const l of list.filter(
					(x) => x.expiry !== undefined && x.expiry <= today && x.qty > 0
				)) {
					requests.push({
						kind: 'adjustment',
						input: {
							itemId: sku.id,
							warehouseId,
							locationId: places.binOf(sku, wi),
							lot: lotField(l),
							qtyDelta: -l.qty,
							unit: sku.input.unit,
							note: '過期報廢'
						}
					});
					l.qty = 0;
				}
				for (let i = list.length - 1; i >= 0; i--) if ((list[i]?.qty ?? 0) <= 0) list.splice(i, 1);
			}
			return requests;
		}
	};
}

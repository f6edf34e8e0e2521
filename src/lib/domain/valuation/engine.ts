// The incremental valuation engine: movements arrive in any order and in any batches (a warehouse
// syncs a day late); each position keeps its movements in (at, id) order with a checkpoint of
// its state every CHECKPOINT_EVERY movements, so a movement stamped in the past re-values only
// that position from the checkpoint before it, and the result equals a run from scratch.
//
// Built for a year of a company's ledger: results live in typed arrays per position, movements
// are looked up per item (a reversal finds what it reverses among the item's recent movements),
// and the id index behind `get` is only built when someone asks for a result by id.

import { ItemRecords } from './items';
import { CHECKPOINT_EVERY, compareMovements, type PositionStore, type Stamped } from './store';
import type { MovementValue, ValuationMethod, ValuationMovement, ValuationScope } from './types';
import { valueMovement, type ReversalTarget, type Valuer } from './value-movement';

export interface ValuationOptions {
	method: ValuationMethod;
	/** Company-wide per item (default) or per item and warehouse. */
	scope?: ValuationScope;
	/** FIFO: keep the layers left after every movement in its result (for the CLI). */
	keepQueues?: boolean;
}

export interface AddReport {
	added: number;
	/** Already present: a movement delivered twice (same id and stamp) counts once. */
	duplicates: number;
	/** Movements valued (again) by this call, the measure of incremental work. */
	revalued: number;
}

export interface PositionValue {
	qtyMicro: number;
	valueMicro: number;
	layers: [number, number][];
	/** Stamp each layer's units first came in at (FIFO; the order of `layers`). */
	layerSince: string[];
}

export interface ValuationEngine {
	add(movements: Iterable<ValuationMovement>): AddReport;
	get(id: string): MovementValue | undefined;
	position(itemId: string, warehouseId?: string): PositionValue;
}

/** How far back a reversal looks among its own position's movements before the item's index. */
const SCAN_BACK = 64;

export function createValuationEngine(options: ValuationOptions): ValuationEngine {
	const fifo = options.method === 'fifo';
	const byWarehouse = options.scope === 'warehouse';
	const items = new ItemRecords(byWarehouse, options.keepQueues === true && fifo);
	/** Id → where its result is, built on the first `get` and kept from then on. */
	let byId: Map<string, Locator> | undefined;
	const dirty: PositionStore[] = [];

	function markDirty(store: PositionStore, m: ValuationMovement): void {
		if (store.dirtyFrom === undefined) {
			store.dirtyFrom = m;
			dirty.push(store);
		} else if (compareMovements(m, store.dirtyFrom) < 0) store.dirtyFrom = m;
	}

	function target(store: PositionStore, i: number): ReversalTarget | undefined {
		const m = store.ms[i] as ValuationMovement;
		const ref = m.reverses as string;
		const at = m.at;
		const id = m.id;
		const qty = store.qty[i] as number;
		const itemId = m.itemId;
		let ts: PositionStore | undefined;
		let ti = -1;
		for (let j = i - 1, lo = Math.max(0, i - SCAN_BACK); j >= lo; j--) {
			if ((store.ms[j] as ValuationMovement).id === ref) {
				ts = store;
				ti = j;
				break;
			}
		}
		if (ts === undefined) {
			const t = items.find(itemId, ref);
			if (!t || compareMovements(t, { at, id }) >= 0) return undefined;
			ts = items.storeOf(t);
			ti = ts.find(t);
			if (ti < 0) return undefined;
		}
		if (ti >= ts.valid) return undefined;
		const tq = ts.qty[ti] as number;
		if (Math.sign(tq) !== -Math.sign(qty)) return undefined;
		const returned =
			qty > 0 ? returnedBefore(ts.ms[ti] as ValuationMovement, { at, id }, itemId) : 0;
		return { store: ts, index: ti, returnedBefore: returned };
	}

	/** Units of `t` already returned by movements naming it that come before `m`. */
	function returnedBefore(t: ValuationMovement, m: Stamped, itemId: string): number {
		let qty = 0;
		for (const other of items.reversalsOf(itemId, t.id)) {
			if ((other.id === m.id && other.at === m.at) || other.qtyMicro <= 0) continue;
			if (compareMovements(other, m) < 0 && compareMovements(t, other) < 0) qty += other.qtyMicro;
		}
		return qty;
	}

	const valuer: Valuer = { fifo, keepQueues: options.keepQueues === true && fifo, target };

	/** Re-values `store` from `from` on, resuming at the last checkpoint before it. */
	function revalue(store: PositionStore, from: ValuationMovement): number {
		store.dirtyFrom = undefined;
		const start = store.indexOf(from);
		const c = Math.min(Math.floor(start / CHECKPOINT_EVERY), store.checkpoints.length - 1);
		const first = c * CHECKPOINT_EVERY;
		const s = store.resumeAt(c);
		store.valid = first;
		const n = store.length;
		for (let i = first; i < n; i++) {
			if (i % CHECKPOINT_EVERY === 0 && i > first) store.addCheckpoint(s);
			valueMovement(valuer, store, i, s);
			store.valid = i + 1;
			if (byWarehouse && i >= start) markDependents(store, store.ms[i] as ValuationMovement);
		}
		store.final = s;
		return n - first;
	}

	/** Per warehouse: movements in other positions whose value depends on `m` (transfers). */
	function markDependents(store: PositionStore, m: ValuationMovement): void {
		// Only later movements can depend on this one, so marking always moves forward in stamp
		// order and the work list ends.
		for (const other of items.reversalsOf(m.itemId, m.id)) {
			const os = items.storeOf(other);
			if (os !== store && compareMovements(m, other) < 0) markDirty(os, other);
		}
		if (m.reverses === undefined) return;
		for (const sibling of items.reversalsOf(m.itemId, m.reverses)) {
			const os = items.storeOf(sibling);
			if (os !== store && compareMovements(m, sibling) < 0) markDirty(os, sibling);
		}
	}

	return {
		add(movements) {
			let added = 0;
			let duplicates = 0;
			// Indexed when it is an array: a for-of iterator allocates a result per movement.
			const list = Array.isArray(movements) ? movements : [...movements];
			for (let k = 0; k < list.length; k++) {
				const m = list[k] as ValuationMovement;
				const store = items.insert(m);
				if (store === undefined) {
					duplicates++;
					continue;
				}
				if (byId !== undefined && !byId.has(m.id)) byId.set(m.id, { store, index: -1, shifts: -1 });
				if (store.dirtyFrom === undefined || !store.appended) markDirty(store, m);
				// Per warehouse, movements elsewhere that named this one before it arrived.
				if (byWarehouse)
					for (const other of items.reversalsOf(m.itemId, m.id))
						if (compareMovements(m, other) < 0) markDirty(items.storeOf(other), other);
				added++;
			}
			let revalued = 0;
			for (let k = 0; k < dirty.length; k++) {
				const store = dirty[k] as PositionStore;
				revalued += revalue(store, store.dirtyFrom as ValuationMovement);
			}
			dirty.length = 0;
			return { added, duplicates, revalued };
		},
		get(id) {
			if (byId === undefined) {
				byId = new Map();
				for (const store of items.stores()) locate(byId, store);
			}
			const loc = byId.get(id);
			if (loc === undefined) return undefined;
			// A movement inserted before it since may have shifted its index: locate its
			// position's again.
			if (loc.shifts !== loc.store.shifts) {
				if (loc.store.ms[loc.index]?.id !== id) locate(byId, loc.store);
				else loc.shifts = loc.store.shifts;
			}
			if (loc.index < 0 || loc.index >= loc.store.valid) return undefined;
			return loc.store.result(loc.index, id, fifo);
		},
		position(itemId, warehouseId) {
			const store = items.existing(itemId, warehouseId);
			if (!store || store.length === 0)
				return { qtyMicro: 0, valueMicro: 0, layers: [], layerSince: [] };
			const s = store.final;
			return {
				qtyMicro: s.qty,
				valueMicro: s.value,
				layers: s.layers(),
				layerSince: s.ls.slice(s.head).map((m) => m.at)
			};
		}
	};
}

interface Locator {
	store: PositionStore;
	index: number;
	/** store.shifts when `index` was last known right (appending moves no movement). */
	shifts: number;
}

/** Points every id of `store` at its current index (the first movement with an id wins). */
function locate(byId: Map<string, Locator>, store: PositionStore): void {
	const ms = store.ms;
	for (let j = 0; j < ms.length; j++) {
		const id = (ms[j] as ValuationMovement).id;
		const loc = byId.get(id);
		if (loc === undefined) byId.set(id, { store, index: j, shifts: store.shifts });
		else if (loc.store === store) {
			loc.index = j;
			loc.shifts = store.shifts;
		}
	}
}

/** From scratch: every movement's value, keyed by id. */
export function valueMovements(
	movements: Iterable<ValuationMovement>,
	options: ValuationOptions
): ValuationEngine {
	const engine = createValuationEngine(options);
	engine.add(movements);
	return engine;
}

// The engine's positions grouped by item, with what a reversal needs to find its movement: the
// movements naming each id in `reverses`, and an id index per item built only when a reversal
// reaches further back than its own position's recent movements (ids are looked up per item,
// never in one index of the whole ledger).

import { PositionStore } from './store';
import type { ValuationMovement } from './types';

interface ItemRecord {
	/** Company-wide scope: the item's one position. */
	main: PositionStore | undefined;
	/** Per-warehouse scope: warehouse id ('' for none) → position. */
	byWarehouse: Map<string, PositionStore> | undefined;
	/** Id → the movements naming it in `reverses`, in arrival order. */
	named: Map<string, ValuationMovement[]> | undefined;
	/** Id → movement, once a lookup needed it. */
	index: Map<string, ValuationMovement> | undefined;
}

const NONE: readonly ValuationMovement[] = [];

export class ItemRecords {
	private readonly records = new Map<string, ItemRecord>();

	constructor(
		private readonly perWarehouse: boolean,
		private readonly keepQueues: boolean
	) {}

	private record(itemId: string): ItemRecord {
		let rec = this.records.get(itemId);
		if (rec === undefined) {
			rec = { main: undefined, byWarehouse: undefined, named: undefined, index: undefined };
			this.records.set(itemId, rec);
		}
		return rec;
	}

	/** The position `m` belongs to (created on first use). */
	storeOf(m: ValuationMovement): PositionStore {
		return this.storeIn(this.record(m.itemId), m);
	}

	private storeIn(rec: ItemRecord, m: ValuationMovement): PositionStore {
		if (!this.perWarehouse) return (rec.main ??= new PositionStore(this.keepQueues));
		const map = (rec.byWarehouse ??= new Map());
		const key = m.warehouseId ?? '';
		let store = map.get(key);
		if (store === undefined) {
			store = new PositionStore(this.keepQueues);
			map.set(key, store);
		}
		return store;
	}

	/**
	 * Adds `m` to its position, its item's index (if built) and, when it names another movement,
	 * to that one's reversals. Returns the position, or undefined for a movement already present.
	 */
	insert(m: ValuationMovement): PositionStore | undefined {
		const rec = this.record(m.itemId);
		const store = this.storeIn(rec, m);
		if (!store.insert(m)) return undefined;
		if (rec.index !== undefined && !rec.index.has(m.id)) rec.index.set(m.id, m);
		if (m.reverses !== undefined) {
			const named = (rec.named ??= new Map());
			const list = named.get(m.reverses);
			if (list) list.push(m);
			else named.set(m.reverses, [m]);
		}
		return store;
	}

	existing(itemId: string, warehouseId: string | undefined): PositionStore | undefined {
		const rec = this.records.get(itemId);
		if (!rec) return undefined;
		return this.perWarehouse ? rec.byWarehouse?.get(warehouseId ?? '') : rec.main;
	}

	*stores(): Iterable<PositionStore> {
		for (const rec of this.records.values()) {
			if (rec.main) yield rec.main;
			if (rec.byWarehouse) yield* rec.byWarehouse.values();
		}
	}

	/** The movements of `itemId` naming `id` in `reverses`. */
	reversalsOf(itemId: string, id: string): readonly ValuationMovement[] {
		return this.records.get(itemId)?.named?.get(id) ?? NONE;
	}

	/** The movement `id` of `itemId`, if present. */
	find(itemId: string, id: string): ValuationMovement | undefined {
		const rec = this.records.get(itemId);
		if (!rec) return undefined;
		if (rec.index === undefined) {
			const index = new Map<string, ValuationMovement>();
			const stores = rec.main ? [rec.main] : [...(rec.byWarehouse?.values() ?? [])];
			for (const store of stores)
				for (const m of store.ms) if (!index.has(m.id)) index.set(m.id, m);
			rec.index = index;
		}
		return rec.index.get(id);
	}
}

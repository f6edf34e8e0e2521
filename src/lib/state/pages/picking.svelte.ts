// View model of guided picking: item, warehouse and quantity → a pick list of bins and lots by
// the item's policy (FEFO / FIFO) in walking order, frozen when made; confirming a line
// writes its issue movement.

import type { Item, Warehouse } from '../../domain/catalog/entities';
import type { Allocation, Pick as PickLine } from '../../domain/picking/allocate';
import { quantityOrNull } from '../../domain/quantity/quantity';
import { resolveScan } from '../../domain/scanning/resolve';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { WarehouseFloor } from './warehouse-floor.svelte';

export type PickerItem = Pick<Item, 'id' | 'code' | 'name' | 'unit' | 'barcode' | 'category'>;

export interface PickList {
	itemId: string;
	warehouseId: string;
	allocation: Allocation;
}

export class PickingPage {
	readonly canIssue: boolean;
	private readonly floor: WarehouseFloor;

	picked = $state<PickerItem | null>(null);
	warehouseId = $state('');
	qtyText = $state('');
	ref = $state('');
	/** The list is frozen when made: confirming a line must not reshuffle the others. */
	list = $state<PickList | null>(null);
	/** Indexes of the confirmed lines. */
	done = $state<number[]>([]);
	error = $state<string | null>(null);

	readonly warehouses: Warehouse[] = $derived.by(() =>
		this.ws.warehouses.filter((w) => w.active).sort((a, b) => a.code.localeCompare(b.code))
	);
	/** The list's item once made, else the picked one. */
	readonly item: Item | undefined = $derived.by(() => {
		const id = this.list?.itemId ?? this.picked?.id;
		return id ? this.ws.item(id) : undefined;
	});

	constructor(private readonly ws: WorkspaceState) {
		this.floor = new WarehouseFloor(ws);
		this.canIssue = ws.canWrite('ledger');
	}

	/** From an effect: default to the first warehouse once they load. */
	defaultWarehouse(): void {
		if (!this.warehouseId && this.warehouses[0]) this.warehouseId = this.warehouses[0].id;
	}

	searchItems = (text: string): PickerItem[] =>
		this.ws.searchItems(text, 20).filter((i) => i.active);

	/** Exact code, barcode or lot label, for scanners that type the code and press Enter. */
	findExact = (text: string): PickerItem | undefined => {
		const meaning = resolveScan(text, { items: this.ws.items, locations: [] });
		return meaning.kind === 'item' ? meaning.item : undefined;
	};

	make(): void {
		this.error = null;
		const qty = quantityOrNull(this.qtyText);
		if (!this.picked || !this.warehouseId || qty === null || qty <= 0) {
			this.error = t('picking.fill');
			return;
		}
		this.list = {
			itemId: this.picked.id,
			warehouseId: this.warehouseId,
			allocation: this.floor.suggestPicks(this.picked.id, this.warehouseId, qty)
		};
		this.done = [];
	}

	isDone(index: number): boolean {
		return this.done.includes(index);
	}

	confirm(index: number, pick: PickLine): void {
		const list = this.list;
		if (!list) return;
		const r = this.floor.confirmPick(list.itemId, list.warehouseId, pick, this.ref);
		if (r.ok) this.done = [...this.done, index];
		else this.error = errorMessage(r.error);
	}
}

// View model of the transfers list: the transfers with their status and what is still on the
// road, the in-transit / short KPIs, and the new-transfer form (from → to, lines picked by
// item search or scan). Quantities are parsed by the domain quantity parser.

import type { Item, Warehouse } from '../../domain/catalog/entities';
import { parseQuantity } from '../../domain/quantity/quantity';
import { resolveScan } from '../../domain/scanning/resolve';
import type { Table } from '../../domain/tabular/table';
import { errorMessage, fmtStamp, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { TransferBook } from './transfers.svelte';

/** The item fields the draft line and the picker need. */
export type DraftItem = Pick<Item, 'id' | 'code' | 'name' | 'unit' | 'barcode' | 'category'>;

export interface DraftLine {
	item: DraftItem;
	lot: string;
	qty: number;
}

export type CreateResult = { ok: true; id: string } | { ok: false };

export class TransferListPage {
	readonly book: TransferBook;
	readonly canWrite: boolean;

	creating = $state(false);
	fromId = $state('');
	toId = $state('');
	lines = $state<DraftLine[]>([]);
	picked = $state<DraftItem | null>(null);
	lot = $state('');
	qtyText = $state('');
	error = $state<string | null>(null);

	readonly warehouses: Warehouse[] = $derived.by(() =>
		this.ws.warehouses.filter((w) => w.active).sort((a, b) => a.code.localeCompare(b.code))
	);
	readonly rows = $derived.by(() => this.book.rows);
	readonly inTransitCount = $derived.by(
		() => this.rows.filter((r) => r.fold.status === 'in-transit').length
	);
	readonly shortCount = $derived.by(
		() => this.rows.filter((r) => r.fold.status === 'received-with-discrepancy').length
	);
	/** Creating needs two warehouses to move between. */
	readonly canCreate = $derived.by(() => this.canWrite && this.warehouses.length > 1);

	constructor(private readonly ws: WorkspaceState) {
		this.book = new TransferBook(ws);
		this.canWrite = ws.canWrite('orders') && ws.canWrite('ledger') && ws.canWriteRecord('transfer');
	}

	/** From an effect: default from / to to the first two warehouses once they load. */
	defaultWarehouses(): void {
		if (!this.fromId && this.warehouses[0]) this.fromId = this.warehouses[0].id;
		if (!this.toId && this.warehouses[1]) this.toId = this.warehouses[1].id;
	}

	searchItems = (text: string): DraftItem[] =>
		this.ws.searchItems(text, 20).filter((i) => i.active);

	/** Exact code, barcode or lot label, for scanners that type the code and press Enter. */
	findExact = (text: string): DraftItem | undefined => {
		const meaning = resolveScan(text, { items: this.ws.items, locations: [] });
		return meaning.kind === 'item' ? meaning.item : undefined;
	};

	warehouseName(id: string): string {
		const w = this.ws.warehouse(id);
		return w ? `${w.code} ${w.name}` : id;
	}

	addLine(): void {
		const qty = parseQuantity(this.qtyText);
		if (!this.picked || !qty.ok || qty.qty <= 0) {
			this.error = t('transfer.fill');
			return;
		}
		this.error = null;
		this.lines = [...this.lines, { item: this.picked, lot: this.lot.trim(), qty: qty.qty }];
		this.picked = null;
		this.lot = '';
		this.qtyText = '';
	}

	removeLine(index: number): void {
		this.lines = this.lines.filter((_, i) => i !== index);
	}

	create(): CreateResult {
		this.error = null;
		const r = this.book.create({
			fromWarehouseId: this.fromId,
			toWarehouseId: this.toId,
			lines: this.lines.map((l) => ({ itemId: l.item.id, lot: l.lot || undefined, qty: l.qty }))
		});
		if (!r.ok) {
			this.error = errorMessage(r.error);
			return { ok: false };
		}
		this.creating = false;
		this.lines = [];
		return { ok: true, id: r.value.id };
	}

	/** Reconcile overruled events; pages call it from an effect. */
	reconcile(): void {
		this.book.reconcile();
	}

	/** The list as it shows, for ExportButton. */
	exportTable(): Table {
		return {
			headers: [
				t('transfer.number'),
				t('transfer.from'),
				t('transfer.to'),
				t('transfer.status'),
				t('transfer.inTransit'),
				t('transfer.short'),
				t('transfer.createdAt')
			],
			rows: this.rows.map((r) => [
				r.transfer.number,
				this.warehouseName(r.transfer.fromWarehouseId),
				this.warehouseName(r.transfer.toWarehouseId),
				t(`transfer.status.${r.fold.status}`),
				r.inTransitQty,
				r.shortQty,
				fmtStamp(r.transfer.createdAt)
			])
		};
	}
}

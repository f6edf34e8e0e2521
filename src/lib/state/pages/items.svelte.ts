// View model of the items page: the searchable list with stock status (rendered a page of
// rows at a time), the export of what it shows, and the create/edit side panel.
import type { Item } from '../../domain/catalog/entities';
import type { ItemStock } from '../../domain/ledger/summary';
import type { Table } from '../../domain/tabular/table';
import type { WorkspaceState } from '../workspace.svelte';
import { ItemFormModel } from './item-form.svelte';
import { itemIncoming, type ItemIncoming } from './item-incoming';
import { itemsExportTable } from './items-export';
import { RecordHistoryModel } from './record-history.svelte';
import type { SaveResult } from './save-result';

/** Progressive rendering: the first rows paint at once, more as the table scrolls. */
const PAGE_ROWS = 100;

function stockByItem(stock: readonly ItemStock[]): ReadonlyMap<string, ItemStock> {
	return new Map(stock.map((s) => [s.itemId, s]));
}

/** The categories in use, sorted (suggestions for the category field and the stock filter). */
export function categoriesOf(items: readonly Item[]): string[] {
	const sorted = items
		.map((i) => i.category)
		.filter(Boolean)
		.sort();
	return sorted.filter((c, i) => i === 0 || sorted[i - 1] !== c);
}

export class ItemsPageModel {
	readonly canEdit: boolean;
	readonly form: ItemFormModel;
	panelOpen = $state(false);
	/** The side panel's tab when an item is open: its fields, or its history. */
	panelTab = $state<'details' | 'history'>('details');
	readonly history: RecordHistoryModel;
	limit = $state(PAGE_ROWS);
	#query = $state('');
	#showInactive = $state(false);

	constructor(private readonly ws: WorkspaceState) {
		this.canEdit = ws.canWrite('catalog') && ws.canWriteRecord('item');
		this.form = new ItemFormModel(ws);
		this.history = new RecordHistoryModel(
			ws,
			'item',
			() => (this.panelOpen ? (this.form.editing?.id ?? null) : null),
			() => this.pricesOfEdited
		);
	}

	/** The edited item's purchase prices: their changes show in its history too. */
	private readonly pricesOfEdited = $derived.by(() => {
		const id = this.panelOpen && this.panelTab === 'history' ? this.form.editing?.id : undefined;
		if (id === undefined) return [];
		return this.history.trail.entries
			.filter((e) => e.record === 'priceList' && e.action === 'create' && priceItemId(e.new) === id)
			.map((e) => ({ record: 'priceList' as const, id: e.recordId }));
	});

	get query(): string {
		return this.#query;
	}
	set query(text: string) {
		this.#query = text;
		this.limit = PAGE_ROWS;
	}

	get showInactive(): boolean {
		return this.#showInactive;
	}
	set showInactive(show: boolean) {
		this.#showInactive = show;
		this.limit = PAGE_ROWS;
	}

	readonly isEmpty = $derived.by(() => this.ws.items.length === 0);
	readonly stockById = $derived.by(() => stockByItem(this.ws.stock));

	readonly rows: Item[] = $derived.by(() => {
		const text = this.#query.trim();
		const base =
			text === ''
				? [...this.ws.items].sort((a, b) => a.code.localeCompare(b.code))
				: this.ws.searchItems(text, 1000);
		return this.#showInactive ? base : base.filter((i) => i.active);
	});

	readonly shownRows: Item[] = $derived(this.rows.slice(0, this.limit));

	readonly categories: string[] = $derived.by(() => categoriesOf(this.ws.items));

	/** Item writers save the form; sales save an existing item's selling price only. */
	get canSave(): boolean {
		return this.canEdit || (this.form.editing !== null && this.form.canEditPrice);
	}

	/** The edited item's incoming supply (open PO lines), live with orders and stock. */
	readonly incoming: ItemIncoming | null = $derived.by(() => {
		const item = this.form.editing;
		if (!item || !this.panelOpen) return null;
		void this.ws.docRevision.orders;
		void this.ws.balances;
		return itemIncoming(this.ws, item.id);
	});

	showMore(): void {
		this.limit += PAGE_ROWS * 2;
	}

	/** What the list shows (search and the inactive filter applied), for ExportButton. */
	exportTable(): Table {
		return itemsExportTable(this.rows, this.stockById);
	}

	openNew(): void {
		this.panelTab = 'details';
		this.form.open(null);
		this.panelOpen = true;
	}

	openEdit(item: Item): void {
		this.panelTab = 'details';
		this.form.open(item);
		this.panelOpen = true;
	}

	save(): SaveResult {
		const result = this.form.save();
		if (result.ok) this.panelOpen = false;
		return result;
	}

	close(): void {
		this.history.close();
	}
}

/** The item a price-list entry's creation names. */
function priceItemId(created: unknown): string | undefined {
	if (typeof created !== 'object' || created === null || !('itemId' in created)) return undefined;
	return typeof created.itemId === 'string' ? created.itemId : undefined;
}

// View model of the stock overview: by item (a column per warehouse, total, in transit,
// status; searched, filtered, sorted and rendered a page of rows at a time) and by warehouse
// (SKU count, quantity, value, low count), plus the export of whichever view is shown.
import type { Item, Warehouse } from '../../domain/catalog/entities';
import {
	matchesStatus,
	stockValue,
	type ItemStock,
	type StockStatus,
	type WarehouseStock
} from '../../domain/ledger/summary';
import { formatCents } from '../../domain/money/money';
import type { Table } from '../../domain/tabular/table';
import { t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { IncomingSupply } from './incoming-supply.svelte';
import { categoriesOf } from './items.svelte';

export const STOCK_STATUSES: readonly StockStatus[] = ['low', 'reorder', 'out', 'over', 'ok'];
/** Sorting by status puts what needs action first. */
const STATUS_RANK: Record<StockStatus, number> = { out: 0, low: 1, reorder: 2, over: 3, ok: 4 };

export const STOCK_SORTS = ['code', 'onHand', 'status'] as const;
export type StockSort = (typeof STOCK_SORTS)[number];
export type StockView = 'item' | 'warehouse';

/** 50 rows fill a tall screen; each one more costs the cold start's first paint. */
const PAGE_ROWS = 50;

export interface StockRow {
	s: ItemStock;
	item: Item;
}

export interface WarehouseRow {
	w: WarehouseStock;
	wh: Warehouse | undefined;
}

const byCode = (a: { code: string }, b: { code: string }): number => a.code.localeCompare(b.code);

function idSet(items: readonly Item[]): ReadonlySet<string> {
	return new Set(items.map((i) => i.id));
}

export class StockPageModel {
	view = $state<StockView>('item');
	limit = $state(PAGE_ROWS);
	#query = $state('');
	#warehouseId = $state('');
	#category = $state('');
	#status = $state<StockStatus | ''>('');
	#sort = $state<StockSort>('code');

	/** Open PO lines, read a slice at a time after the page shows (not in its first task). */
	readonly #supply: IncomingSupply;

	/**
	 * `params`: the page's URL (`?view=warehouse`, `?status=low` from the home page's tiles).
	 * Created while the page initialises (it follows the orders doc for the page's life).
	 */
	constructor(
		private readonly ws: WorkspaceState,
		params: URLSearchParams
	) {
		this.#supply = new IncomingSupply(ws);
		if (params.get('view') === 'warehouse') this.view = 'warehouse';
		this.#status = STOCK_STATUSES.find((s) => s === params.get('status')) ?? '';
	}

	// Filters: each change shows the first page of rows again.
	get query(): string {
		return this.#query;
	}
	set query(v: string) {
		this.#query = v;
		this.limit = PAGE_ROWS;
	}
	get warehouseId(): string {
		return this.#warehouseId;
	}
	set warehouseId(v: string) {
		this.#warehouseId = v;
		this.limit = PAGE_ROWS;
	}
	get category(): string {
		return this.#category;
	}
	set category(v: string) {
		this.#category = v;
		this.limit = PAGE_ROWS;
	}
	get status(): StockStatus | '' {
		return this.#status;
	}
	set status(v: StockStatus | '') {
		this.#status = v;
		this.limit = PAGE_ROWS;
	}
	get sort(): StockSort {
		return this.#sort;
	}
	set sort(v: StockSort) {
		this.#sort = v;
		this.limit = PAGE_ROWS;
	}

	get canReceive(): boolean {
		return this.ws.canWrite('ledger');
	}
	readonly noItems = $derived.by(() => this.ws.items.length === 0);
	readonly noWarehouses = $derived.by(() => this.ws.warehouses.length === 0);

	readonly categories: string[] = $derived.by(() => categoriesOf(this.ws.items));
	readonly warehouses: Warehouse[] = $derived.by(() => [...this.ws.warehouses].sort(byCode));
	/** The warehouse columns of the by-item table (one when filtered to a warehouse). */
	readonly columns: Warehouse[] = $derived(
		this.#warehouseId ? this.warehouses.filter((w) => w.id === this.#warehouseId) : this.warehouses
	);

	readonly rows: StockRow[] = $derived.by(() => {
		const text = this.#query.trim();
		const matchIds = text ? idSet(this.ws.searchItems(text, 5000)) : null;
		const rows: StockRow[] = [];
		for (const s of this.ws.stock) {
			const item = this.ws.item(s.itemId);
			if (!item || !item.active) continue;
			if (matchIds && !matchIds.has(item.id)) continue;
			if (this.#category && item.category !== this.#category) continue;
			if (this.#status && !matchesStatus(s, this.#status)) continue;
			if (this.#warehouseId && s.byWarehouse[this.#warehouseId] === undefined) continue;
			rows.push({ s, item });
		}
		return rows.sort(this.compare(this.#sort));
	});

	readonly shownRows: StockRow[] = $derived(this.rows.slice(0, this.limit));
	/** Transfers: stock on the road is shown apart from on hand, only while there is some. */
	readonly showTransit = $derived(this.rows.some((r) => r.s.inTransit !== 0));
	/** Open purchase-order lines per item (in the chosen warehouse): quantity and next date. */
	readonly incoming: ReadonlyMap<string, { qty: number; next: string }> = $derived.by(() => {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt by the derived, never mutated after
		const out = new Map<string, { qty: number; next: string }>();
		for (const l of this.#supply.lines) {
			if (this.#warehouseId && l.warehouseId !== this.#warehouseId) continue;
			const had = out.get(l.itemId);
			out.set(l.itemId, { qty: (had?.qty ?? 0) + l.qty, next: had?.next ?? l.date });
		}
		return out;
	});
	/** Incoming supply is shown only while some listed item has some. */
	readonly showIncoming = $derived(this.rows.some((r) => this.incoming.has(r.s.itemId)));
	readonly columnCount = $derived(
		this.columns.length + (this.showTransit ? 8 : 7) + (this.showIncoming ? 1 : 0)
	);

	readonly warehouseRows: WarehouseRow[] = $derived.by(() =>
		this.ws.warehouseSummary
			.map((w) => ({ w, wh: this.ws.warehouse(w.warehouseId) }))
			.sort((a, b) => (a.wh?.code ?? '').localeCompare(b.wh?.code ?? ''))
	);

	/** Goods on the road between our warehouses: still ours, a row of their own. */
	readonly transit = $derived.by(() => {
		const v = stockValue(this.ws.items, this.ws.balances);
		return { qty: v.inTransitQty, valueCents: v.inTransitCents };
	});

	/** Every warehouse plus in transit: the company's stock value (as the home page shows). */
	readonly totals = $derived.by(() =>
		this.ws.warehouseSummary.reduce(
			(acc, w) => ({ qty: acc.qty + w.totalQty, valueCents: acc.valueCents + w.valueCents }),
			{ qty: this.transit.qty, valueCents: this.transit.valueCents }
		)
	);

	showMore(): void {
		this.limit += PAGE_ROWS * 2;
	}

	/** From the by-warehouse table: that warehouse's items. */
	openWarehouse(warehouseId: string): void {
		this.warehouseId = warehouseId;
		this.view = 'item';
	}

	/** What the current view shows (filters and sort applied), for ExportButton. */
	exportTable(): Table {
		if (this.view === 'warehouse') {
			return {
				headers: [
					t('warehouse.code'),
					t('warehouse.name'),
					t('stock.skuCount'),
					t('stock.totalQty'),
					t('stock.value'),
					t('stock.lowCount')
				],
				rows: this.warehouseRows.map(({ w, wh }) => [
					wh?.code ?? '',
					wh?.name ?? '',
					w.skuCount,
					w.totalQty,
					formatCents(w.valueCents),
					w.lowCount
				])
			};
		}
		const columns = this.columns;
		const transit = this.showTransit;
		return {
			headers: [
				t('item.code'),
				t('item.name'),
				t('item.category'),
				...columns.map((w) => w.code),
				t('stock.total'),
				...(transit ? [t('transfer.inTransit')] : []),
				t('item.unit'),
				t('item.safetyStock'),
				t('item.status')
			],
			rows: this.rows.map(({ s, item }) => [
				item.code,
				item.name,
				item.category,
				...columns.map((w) => s.byWarehouse[w.id] ?? null),
				s.onHand,
				...(transit ? [s.inTransit] : []),
				item.unit,
				item.safetyStock,
				t(`status.${s.status}`)
			])
		};
	}

	private compare(sort: StockSort): (a: StockRow, b: StockRow) => number {
		switch (sort) {
			case 'code':
				return (a, b) => a.item.code.localeCompare(b.item.code);
			case 'onHand':
				return (a, b) => b.s.onHand - a.s.onHand;
			case 'status':
				return (a, b) =>
					STATUS_RANK[a.s.status] - STATUS_RANK[b.s.status] || a.s.onHand - b.s.onHand;
		}
	}
}

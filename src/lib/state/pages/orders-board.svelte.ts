// The live order board: every sales order folded into columns by status, with filters, the
// over-allocation / late / conflict flags, a "changed just now" mark on cards another device
// changed in the last few seconds, and who is looking at which order (presence page
// `order:<id>`), plus the panels the board opens: an order's detail and the create / edit
// form. The filters are in orders-board-filters.ts, the "changed" marks in
// orders-board-changes.svelte.ts.

import type * as Y from 'yjs';
import { buildBoard, type Board, type BoardOrder } from '../../domain/orders/board';
import { ORDER_STATUSES, type OrderStatus } from '../../domain/orders/state-machine';
import { formatCents } from '../../domain/money/money';
import type { Table } from '../../domain/tabular/table';
import { readOrders } from '../../doc/orders-doc';
import type { IncomingLine } from '../../domain/purchasing/incoming';
import { readIncoming } from '../../commands/purchasing/read';
import { t } from '../../i18n';
import { presence, setPresence, type Peer } from '../presence.svelte';
import type { WorkspaceState } from '../workspace.svelte';
import { BoardIncomingLane } from './board-incoming.svelte';
import { CustomersModel } from './customers.svelte';
import { OrderFormModel, type SaveResult } from './order-form.svelte';
import { OrderPromiseModel } from './order-form-promise.svelte';
import { RemoteOrderChanges } from './orders-board-changes.svelte';
import {
	isQuickFilter,
	matchesBoardFilters,
	noBoardFilters,
	type BoardFilters
} from './orders-board-filters';
import { localToday, ORDER_PAGE_PREFIX, viewersByOrder } from './orders-board-helpers';

/** Columns of the board: partial shipments sit with shipping, terminal states at the end. */
export const BOARD_COLUMNS: readonly OrderStatus[] = ORDER_STATUSES;

export { localToday, ORDER_PAGE_PREFIX };
export type { BoardFilters };

export class OrdersBoardModel {
	filters: BoardFilters = $state(noBoardFilters());
	today = $state(localToday());
	selectedId: string | null = $state(null);

	readonly board: Board = $derived.by(() => {
		void this.ws.docRevision.orders;
		return buildBoard(
			readOrders(this.doc).orders,
			this.ws.balances,
			this.today,
			this.ws.heldLocations
		);
	});

	/** Open purchase-order lines still to come (incoming supply for the order form). */
	readonly incoming: IncomingLine[] = $derived.by(() => {
		void this.ws.docRevision.orders;
		return readIncoming({ docs: this.ws.runtime.docs });
	});

	readonly visible: BoardOrder[] = $derived(
		this.board.orders.filter((o) => matchesBoardFilters(o, this.filters))
	);

	readonly columns: { status: OrderStatus; orders: BoardOrder[] }[] = $derived(
		BOARD_COLUMNS.map((status) => ({
			status,
			orders: this.visible
				.filter((o) => o.fold.status === status)
				.sort(
					(a, b) =>
						a.order.requestedDate.localeCompare(b.order.requestedDate) ||
						a.order.number.localeCompare(b.order.number)
				)
		}))
	);

	readonly selected: BoardOrder | null = $derived(
		this.board.orders.find((o) => o.order.id === this.selectedId) ?? null
	);

	/** Order id → the other people viewing it. */
	readonly viewers: Map<string, Peer[]> = $derived(viewersByOrder(presence.peers));

	readonly customers: CustomersModel;
	readonly form: OrderFormModel;
	/** The delivery promise for the order being typed (and accepting it). */
	readonly promise: OrderPromiseModel;
	/** Open purchase orders as a lane beside the columns (off until turned on). */
	readonly incomingLane: BoardIncomingLane;
	readonly canEdit: boolean;
	detailOpen = $state(false);
	formOpen = $state(false);

	private readonly ws: WorkspaceState;
	private readonly doc: Y.Doc;
	private readonly changes: RemoteOrderChanges;

	constructor(ws: WorkspaceState) {
		this.ws = ws;
		this.canEdit = ws.canWrite('orders') && ws.canWriteRecord('salesOrder');
		this.customers = new CustomersModel(ws);
		this.incomingLane = new BoardIncomingLane(
			ws,
			() => this.incoming,
			() => this.filters,
			() => this.today
		);
		this.form = new OrderFormModel(
			ws,
			(itemId, warehouseId) => this.board.atp.of(itemId, warehouseId).available,
			(id) => this.board.orders.find((o) => o.order.id === id)?.order.number ?? '',
			() => this.incoming
		);
		this.promise = new OrderPromiseModel(ws, this.form);
		this.doc = ws.runtime.docs.shared('orders');
		this.changes = new RemoteOrderChanges(ws, this.doc);
	}

	isChanged(id: string): boolean {
		return this.changes.has(id);
	}

	/** Opens an order's detail and tells others we are looking at it. */
	open(id: string | null, department = 'sales'): void {
		this.selectedId = id;
		setPresence({ department, page: id ? `${ORDER_PAGE_PREFIX}${id}` : 'sales-board' });
	}

	/** The orders the filters let through, column by column, as a table for ExportButton. */
	exportTable(): Table {
		const yes = (flag: boolean): string => (flag ? t('common.yes') : '');
		return {
			headers: [
				t('orders.number'),
				t('orders.status'),
				t('orders.customer'),
				t('orders.warehouse'),
				t('orders.requestedDate'),
				t('orders.lineTotal'),
				t('orders.net'),
				t('orders.tax'),
				t('orders.total'),
				t('orders.late'),
				t('orders.overAllocated')
			],
			rows: this.columns.flatMap((col) =>
				col.orders.map((o) => [
					o.order.number,
					t(`orderStatus.${col.status}`),
					this.customers.byId(o.order.customerId)?.name ?? o.order.customerId,
					this.ws.warehouse(o.order.warehouseId)?.code ?? o.order.warehouseId,
					o.order.requestedDate,
					o.order.lines.length,
					formatCents(o.totals.netCents),
					formatCents(o.totals.taxCents),
					formatCents(o.totals.totalCents),
					yes(o.late),
					yes(o.overAllocated)
				])
			)
		};
	}

	/** Opens the detail panel on an order. */
	show(id: string): void {
		this.open(id);
		this.detailOpen = true;
	}

	/** The detail panel was closed: nobody is looking at the order any more. */
	detailClosed(): void {
		if (this.selectedId) this.open(null);
	}

	newOrder(customerId = '', itemId = ''): void {
		this.form.startNew(customerId, itemId);
		this.promise.reset();
		this.formOpen = true;
	}

	editOrder(o: BoardOrder): void {
		this.form.startEdit(o.order);
		this.promise.reset();
		this.detailOpen = false;
		this.formOpen = true;
	}

	saveOrder(): SaveResult {
		const r = this.form.save();
		if (r.ok) this.formOpen = false;
		return r;
	}

	/** Creates and confirms the order for its promised date (a new order only). */
	acceptPromise(rush = false): SaveResult {
		const r = this.promise.accept(rush);
		if (r.ok) this.formOpen = false;
		return r;
	}

	/**
	 * Links from other pages: `?new=1` (with `customer`, `item`) opens the form, otherwise
	 * `customer`, `late=1`, `due` and `only` open the board already filtered.
	 */
	applyLink(params: URLSearchParams): void {
		const customer = params.get('customer') ?? '';
		if (params.get('new') === '1') {
			if (this.canEdit) this.newOrder(customer, params.get('item') ?? '');
			return;
		}
		if (customer) this.filters.customerId = customer;
		if (params.get('late') === '1') this.filters.lateOnly = true;
		const due = params.get('due');
		if (due) this.filters.dueBy = due === 'today' ? localToday() : due;
		const only = params.get('only') ?? '';
		if (isQuickFilter(only)) this.filters.only = only;
	}

	close(): void {
		this.customers.close();
		this.promise.close();
		this.changes.close();
		if (this.selectedId) setPresence({ department: 'sales', page: 'sales-board' });
	}
}

// View model of the warehouse's pick queue: confirmed sales orders with something left to ship,
// earliest due date first, in one warehouse or all, with what stock lets ship now. The order
// board is folded here from the orders doc and this device's balances, as the sales board does.

import type { BoardOrder, Board } from '../../domain/orders/board';
import { buildBoard } from '../../domain/orders/board';
import type { Warehouse } from '../../domain/catalog/entities';
import { pickQueue, type QueueEntry } from '../../domain/picking/queue';
import { readOrders } from '../../doc/orders-doc';
import { shippableQty } from '../../commands/orders/shipping';
import type { WorkspaceState } from '../workspace.svelte';
import { CustomersModel } from './customers.svelte';
import { localToday } from './orders-board-helpers';

/** The board every warehouse picking screen reads (the same fold as the sales board). */
export function foldBoard(ws: WorkspaceState, today: string): Board {
	void ws.docRevision.orders;
	return buildBoard(
		readOrders(ws.runtime.docs.shared('orders')).orders,
		ws.balances,
		today,
		ws.heldLocations
	);
}

/** What each line of an order can ship now, against the board's available to promise. */
export function shippableOf(board: Board, bo: BoardOrder) {
	return shippableQty(bo, (itemId) => board.atp.of(itemId, bo.order.warehouseId).available);
}

export class PickQueueModel {
	/** '' = every warehouse. */
	warehouseId = $state('');
	readonly today = localToday();
	readonly customers: CustomersModel;

	readonly board: Board = $derived.by(() => foldBoard(this.ws, this.today));
	readonly entries: QueueEntry[] = $derived.by(() =>
		pickQueue(this.board.orders, {
			warehouseId: this.warehouseId,
			shippable: (bo) => shippableOf(this.board, bo)
		})
	);
	readonly warehouses: Warehouse[] = $derived.by(() =>
		this.ws.warehouses.filter((w) => w.active).sort((a, b) => a.code.localeCompare(b.code))
	);

	constructor(private readonly ws: WorkspaceState) {
		this.customers = new CustomersModel(ws);
	}

	customerName = (id: string): string => this.customers.byId(id)?.name ?? '';

	warehouseCode = (id: string): string => this.ws.warehouse(id)?.code ?? '';

	itemCode = (id: string): string => this.ws.item(id)?.code ?? '';

	unitOf = (id: string): string => this.ws.item(id)?.unit ?? '';

	close(): void {
		this.customers.close();
	}
}

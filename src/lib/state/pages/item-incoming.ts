// Incoming supply of one item for its page: the open purchase-order lines (expected date,
// quantity, warehouse, PO, supplier) and available to promise after each arrival, so a person
// sees "12 available, 200 arriving on the 14th". Read on demand from the orders doc.

import { heldLocationIds } from '../../domain/catalog/quarantine';
import { buildBoard } from '../../domain/orders/board';
import { readOrders } from '../../doc/orders-doc';
import { readIncoming } from '../../commands/purchasing/read';
import { readSuppliers } from '../../doc/suppliers-doc';
import type { WorkspaceState } from '../workspace.svelte';
import { localToday } from './orders-board-helpers';

export interface IncomingRow {
	date: string;
	late: boolean;
	qty: number;
	/** Available to promise (all warehouses) once this line has arrived. */
	availableAfter: number;
	warehouse: string;
	poId: string;
	poNumber: string;
	supplier: string;
}

export interface ItemIncoming {
	availableNow: number;
	rows: IncomingRow[];
}

export function itemIncoming(ws: WorkspaceState, itemId: string): ItemIncoming {
	const docs = ws.runtime.docs;
	const today = localToday();
	const atp = buildBoard(
		readOrders(docs.shared('orders')).orders,
		ws.balances,
		today,
		heldLocationIds(ws.locations)
	).atp;
	const availableNow = atp.of(itemId).available;
	const lines = readIncoming({ docs }).filter((l) => l.itemId === itemId);
	const suppliers = new Map(readSuppliers(docs.catalog).map((s) => [s.id, `${s.code} ${s.name}`]));
	let running = availableNow;
	const rows = lines.map((l) => {
		running = Math.round((running + l.qty) * 1e6) / 1e6;
		return {
			date: l.date,
			late: l.date < today,
			qty: l.qty,
			availableAfter: running,
			warehouse: ws.warehouse(l.warehouseId)?.code ?? l.warehouseId,
			poId: l.poId,
			poNumber: l.poNumber,
			supplier: suppliers.get(l.supplierId) ?? l.supplierId
		};
	});
	return { availableNow, rows };
}

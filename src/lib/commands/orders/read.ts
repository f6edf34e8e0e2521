// What order commands validate against: the orders doc folded into a board, with this
// device's current balances.

import { buildBoard, type Board, type BoardOrder } from '../../domain/orders/board';
import { UnknownOrderError } from '../../domain/errors';
import { readOrders } from '../../doc/orders-doc';
import { readLocations } from '../../doc/catalog-doc';
import { heldLocationIds } from '../../domain/catalog/quarantine';
import type { CommandContext } from '../context';
import { ledgerBalances } from '../ledger-cache';

/** Lateness does not matter to commands; any fixed day will do. */
export function boardOf(ctx: CommandContext): Board {
	return buildBoard(
		readOrders(ctx.docs.shared('orders')).orders,
		ledgerBalances(ctx).values(),
		'0000-00-00',
		heldLocationIds(readLocations(ctx.docs.catalog))
	);
}

export function requireOrder(board: Board, orderId: string): BoardOrder {
	const found = board.orders.find((o) => o.order.id === orderId);
	if (!found) throw new UnknownOrderError(orderId);
	return found;
}

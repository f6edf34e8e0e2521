// Customer returns (退貨) with a reason. Restocked units come back as `return` movements into
// the order's warehouse (ref = order number); scrapped units touch no stock. The `return`
// event records both, so the order shows what came back and why.

import { InvalidFieldError, InvalidTransitionError } from '../../domain/errors';
import { roundQty } from '../../domain/ledger/fold';
import { movementSchema, type Movement } from '../../domain/ledger/movement';
import type { OrderEvent, ReturnReason } from '../../domain/orders/order';
import { parseOrThrow } from '../../domain/parse';
import { ledgerMonthsMap, readLedgerMonths } from '../../doc/catalog-doc';
import { appendMovements } from '../../doc/ledger-doc';
import { CATALOG, ledgerDocName, monthOfStamp } from '../../doc/names';
import { ensureSchema } from '../../doc/schema';
import { requireWrite } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { appendEvent } from './events';
import { boardOf, requireOrder } from './read';

export interface ReturnLine {
	lineId: string;
	qty: number;
	reason: ReturnReason;
	/** true: back into stock; false: scrapped. */
	restock: boolean;
	/** Bin to put restocked units in (none: the warehouse without a bin). */
	locationId?: string;
}

export function returnOrder(
	ctx: CommandContext,
	orderId: string,
	lines: readonly ReturnLine[]
): OrderEvent {
	const current = requireOrder(boardOf(ctx), orderId);
	if (!['partially-shipped', 'shipped', 'delivered'].includes(current.fold.status))
		throw new InvalidTransitionError(current.fold.status, 'return');
	if (lines.length === 0) throw new InvalidFieldError('lines', 'required');
	const movements: Movement[] = [];
	for (const r of lines) {
		const line = current.order.lines.find((l) => l.id === r.lineId);
		const state = current.fold.lines.get(r.lineId);
		if (!line || !state) throw new InvalidFieldError('lineId', 'not a line of this order');
		if (!(r.qty > 0) || r.qty > roundQty(state.shipped - state.returned) + 1e-9)
			throw new InvalidFieldError('qty', 'more than was shipped');
		if (!r.restock) continue;
		movements.push(
			parseOrThrow(movementSchema, {
				id: ctx.ids.next(),
				at: ctx.clock.now(),
				itemId: line.itemId,
				warehouseId: current.order.warehouseId,
				...(r.locationId ? { locationId: r.locationId } : {}),
				qty: r.qty,
				reason: 'return',
				ref: current.order.number,
				note: r.reason,
				device: ctx.clock.device,
				user: ctx.user
			})
		);
	}
	if (movements.length > 0) writeReturnMovements(ctx, movements);
	return appendEvent(
		ctx,
		orderId,
		'return',
		{
			lines: lines.map(({ lineId, qty, reason, restock }) => ({ lineId, qty, reason, restock }))
		},
		'returnOrder'
	);
}

/** Same filing as commands/movements.ts: one transaction per month doc, new months marked. */
function writeReturnMovements(ctx: CommandContext, movements: Movement[]): void {
	const origin = commandOrigin(ctx, 'returnOrder');
	const byMonth = new Map<string, Movement[]>();
	for (const m of movements)
		byMonth.set(monthOfStamp(m.at), [...(byMonth.get(monthOfStamp(m.at)) ?? []), m]);
	const known = new Set(readLedgerMonths(ctx.docs.catalog));
	const newMonths = [...byMonth.keys()].filter((m) => !known.has(m));
	for (const month of byMonth.keys()) requireWrite(ctx, ledgerDocName(month));
	if (newMonths.length > 0) requireWrite(ctx, CATALOG);
	for (const [month, list] of byMonth) {
		const doc = ctx.docs.ledger(month);
		doc.transact(() => {
			ensureSchema(doc, 'ledger', month);
			appendMovements(doc, list);
		}, origin);
	}
	if (newMonths.length > 0)
		ctx.docs.catalog.transact(() => {
			ensureSchema(ctx.docs.catalog, 'catalog');
			for (const month of newMonths) ledgerMonthsMap(ctx.docs.catalog).set(month, true);
		}, origin);
}

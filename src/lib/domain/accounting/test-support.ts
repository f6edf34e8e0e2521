// Builders for the accounting and report tests: ledger movements and sales orders as plain
// objects, stamped on given UTC days.

import type { Movement, MovementReason } from '../ledger/movement';
import type { Order, OrderEvent, OrderLine } from '../orders/order';
import type { FiledMovement } from './costing';

/** A stamp on `day` (YYYY-MM-DD, UTC) plus `seq` ms. */
export function stampOn(day: string, seq = 0, device = 'd1'): string {
	const ms = Date.parse(`${day}T08:00:00Z`) + seq;
	return `${String(ms).padStart(15, '0')}-000000-${device}`;
}

export interface MoveSpec {
	id: string;
	day: string;
	seq?: number;
	item?: string;
	wh?: string;
	qty: number;
	reason: MovementReason;
	cost?: number;
	ref?: string;
	note?: string;
}

export function move(s: MoveSpec): Movement {
	return {
		id: s.id,
		at: stampOn(s.day, s.seq ?? 0),
		itemId: s.item ?? 'A',
		warehouseId: s.wh ?? 'W1',
		qty: s.qty,
		reason: s.reason,
		...(s.cost !== undefined ? { unitCostCents: s.cost } : {}),
		...(s.ref !== undefined ? { ref: s.ref } : {}),
		...(s.note !== undefined ? { note: s.note } : {}),
		device: 'd1',
		user: 'u1'
	};
}

/** Filed in the ledger of its own stamp's month, or of `month` when given (carried late). */
export function filed(m: Movement, month?: string): FiledMovement {
	return {
		movement: m,
		month: month ?? new Date(Number(m.at.slice(0, 15))).toISOString().slice(0, 7)
	};
}

export function salesOrder(
	number: string,
	lines: OrderLine[],
	events: OrderEvent[] = [],
	customerId = 'C1'
): Order {
	return {
		id: `so-${number}`,
		number,
		customerId,
		warehouseId: 'W1',
		requestedDate: '2026-01-10',
		notes: '',
		createdAt: stampOn('2026-01-01'),
		createdBy: 'u1',
		lines,
		events
	};
}

export function orderLine(
	id: string,
	itemId: string,
	qty: number,
	unitPriceCents: number
): OrderLine {
	return { id, itemId, qty, unitPriceCents, discountPct: 0, taxRate: 0.05 };
}

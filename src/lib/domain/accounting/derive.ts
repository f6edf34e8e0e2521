// Vouchers from the valued ledger and the sales and purchase documents. Each movement gives
// its inventory voucher at the value the valuation engine gave it; a shipment also gives the
// sale (receivable, revenue, output tax) at the order line's price, a customer return its
// credit, a receipt against a purchase order the supplier's invoice at the PO price (three-way
// match assumed), a return to supplier its debit note. Deterministic: sorted by (at, id).

import type { Movement } from '../ledger/movement';
import { lineNetCents, lineTaxCents, type Order, type OrderLine } from '../orders/order';
import type { PurchaseOrder } from '../purchasing/purchase-order';
import type { ChartOfAccounts } from './accounts';
import { monthOfStampUtc, type CostedMovement } from './costing';
import type { LateCharge } from './landed-cost';
import { makeVoucher, type Posting, type Voucher, type VoucherKind } from './voucher';

export interface DeriveInput {
	chart: ChartOfAccounts;
	/** Valued movements (costMovements), in stamp order. */
	movements: readonly CostedMovement[];
	salesOrders: readonly Order[];
	purchaseOrders?: readonly PurchaseOrder[];
	/** Landed charges on receipts of closed months (costing.lateCharges). */
	lateCharges?: readonly LateCharge[];
	/**
	 * The first open month: document events stamped before it were posted by a close (scrapped
	 * returns, the one source not on the ledger). Null when nothing is closed.
	 */
	fromMonth: string | null;
}

const RTS = 'RTS-';
/** Work-order numbers (domain/production nextWorkOrderNumbers): material issued to one is WIP. */
const WO = 'WO-';

function taxOn(netCents: number, rate: number): number {
	return Math.round((netCents * Math.round(rate * 10_000)) / 10_000);
}

function orderLineFor(order: Order, itemId: string): OrderLine | undefined {
	return order.lines.find((l) => l.itemId === itemId);
}

/** Net and tax of `qty` units of a sales order line, as the order computes them. */
export function saleAmounts(line: OrderLine, qty: number): { net: number; tax: number } {
	const part = { ...line, qty };
	return { net: lineNetCents(part), tax: lineTaxCents(part) };
}

export function deriveVouchers(input: DeriveInput): Voucher[] {
	const { chart } = input;
	const sales = new Map(input.salesOrders.map((o) => [o.number, o]));
	const pos = new Map((input.purchaseOrders ?? []).map((o) => [o.number, o]));
	const out: Voucher[] = [];
	const push = (
		kind: VoucherKind,
		c: { id: string; at: string; month: string; ref?: string },
		postings: Posting[]
	): void => {
		const head = {
			id: `V-${c.id}${kind === 'sale' || kind === 'sales-return' || kind.startsWith('purchase') ? `:${kind}` : ''}`,
			at: c.at,
			month: c.month,
			kind,
			source: c.id,
			...(c.ref !== undefined ? { ref: c.ref } : {})
		};
		const v = makeVoucher(chart, head, postings);
		if (v) out.push(v);
	};

	for (const cm of input.movements) {
		const m: Movement = cm.movement;
		const head = { id: m.id, at: m.at, month: cm.month, ...(m.ref ? { ref: m.ref } : {}) };
		const inv = (cents: number): Posting => ({
			role: 'inventory',
			cents,
			itemId: m.itemId,
			warehouseId: m.warehouseId
		});
		const d = cm.centsChange;
		const qty = Math.abs(m.qty);
		const order = m.ref !== undefined ? sales.get(m.ref) : undefined;
		switch (m.reason) {
			case 'receipt': {
				const cost = m.unitCostCents === undefined ? d : Math.round(qty * m.unitCostCents);
				// Landed costs are owed too (the forwarder's or customs' invoice is still to come),
				// so they stay in GRNI; the supplier's invoice below clears the goods only.
				const accrued = cost + (cm.landedCents ?? 0);
				// A receipt filling a shortage absorbs the difference (DECISIONS, Valuation).
				push('receipt', head, [
					inv(d),
					{ role: 'grni', cents: -accrued },
					{ role: 'cogs', cents: accrued - d }
				]);
				const po = m.ref !== undefined ? pos.get(m.ref) : undefined;
				const line = po?.lines.find((l) => l.itemId === m.itemId);
				if (po && line) {
					const tax = taxOn(cost, line.taxRate);
					push('purchase', head, [
						{ role: 'grni', cents: cost },
						{ role: 'inputTax', cents: tax },
						{ role: 'payables', cents: -(cost + tax) }
					]);
				}
				break;
			}
			case 'issue': {
				const rts = m.ref?.startsWith(RTS) ? pos.get(m.ref.slice(RTS.length)) : undefined;
				if (order) {
					push('shipment', head, [{ role: 'cogs', cents: -d }, inv(d)]);
					const line = orderLineFor(order, m.itemId);
					if (line) {
						const { net, tax } = saleAmounts(line, qty);
						push('sale', head, [
							{ role: 'receivables', cents: net + tax },
							{ role: 'sales', cents: -net, itemId: m.itemId },
							{ role: 'outputTax', cents: -tax }
						]);
					}
				} else if (rts) {
					push('issue', head, [{ role: 'grni', cents: -d }, inv(d)]);
					const line = rts.lines.find((l) => l.itemId === m.itemId);
					if (line) {
						const net = Math.round(qty * line.unitPriceCents);
						const tax = taxOn(net, line.taxRate);
						push('purchase-return', head, [
							{ role: 'payables', cents: net + tax },
							{ role: 'grni', cents: -net },
							{ role: 'inputTax', cents: -tax }
						]);
					}
				} else if (m.ref?.startsWith(WO))
					push('production', head, [{ role: 'workInProcess', cents: -d }, inv(d)]);
				else push('issue', head, [{ role: 'cogs', cents: -d }, inv(d)]);
				break;
			}
			case 'return': {
				push('return', head, [inv(d), { role: 'cogs', cents: -d }]);
				const line = order ? orderLineFor(order, m.itemId) : undefined;
				if (line) push('sales-return', head, creditNote(line, qty));
				break;
			}
			case 'adjustment':
			case 'count':
				push(m.reason, head, [inv(d), { role: 'inventoryGainLoss', cents: -d }]);
				break;
			case 'transfer-out':
			case 'transfer-in':
				push('transfer', head, [inv(d), { role: 'inTransit', cents: -d }]);
				break;
			case 'production': {
				// Finished goods: material out of WIP, the conversion part from applied conversion.
				const conv = cm.conversionCents ?? 0;
				push('production', head, [
					inv(d),
					{ role: 'workInProcess', cents: -(d - conv) },
					...(conv !== 0 ? [{ role: 'appliedConversion' as const, cents: -conv }] : [])
				]);
				break;
			}
			case 'opening':
				break;
		}
	}

	// A landed charge whose receipt's month closed before it arrived: the goods' value is
	// carried and final, so the charge goes to cost of sales in the open period (accrued in GRNI).
	for (const c of input.lateCharges ?? []) {
		const stamped = monthOfStampUtc(c.at);
		const month = input.fromMonth !== null && stamped < input.fromMonth ? input.fromMonth : stamped;
		const head = { id: c.id, at: c.at, month, ...(c.ref !== undefined ? { ref: c.ref } : {}) };
		push('landed-cost', head, [
			{ role: 'cogs', cents: c.amountCents },
			{ role: 'grni', cents: -c.amountCents }
		]);
	}

	// Returns scrapped on arrival move no stock: their credit comes from the order's event.
	for (const order of input.salesOrders) {
		for (const e of order.events) {
			if (e.type !== 'return') continue;
			const month = monthOfStampUtc(e.at);
			if (input.fromMonth !== null && month < input.fromMonth) continue;
			for (const [i, r] of e.payload.lines.entries()) {
				if (r.restock) continue;
				const line = order.lines.find((l) => l.id === r.lineId);
				if (!line) continue;
				const head = { id: `${e.id}:${i}`, at: e.at, month, ref: order.number };
				push('sales-return', head, creditNote(line, r.qty));
			}
		}
	}
	return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

function creditNote(line: OrderLine, qty: number): Posting[] {
	const { net, tax } = saleAmounts(line, qty);
	return [
		{ role: 'salesReturns', cents: net, itemId: line.itemId },
		{ role: 'outputTax', cents: tax },
		{ role: 'receivables', cents: -(net + tax) }
	];
}

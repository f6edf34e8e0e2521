// Purchases by supplier (進貨分析): what the purchase vouchers of the period invoiced per
// supplier (receipts against purchase orders at the PO price, less returns to the supplier).

import type { PurchaseOrder } from '../purchasing/purchase-order';
import { byCode, type ReportContext } from './context';

export interface PurchaseRow {
	supplierId: string;
	code: string;
	name: string;
	orders: number;
	netCents: number;
	taxCents: number;
}

export function purchasesReport(
	ctx: ReportContext,
	purchaseOrders: readonly PurchaseOrder[]
): { rows: PurchaseRow[]; totalNetCents: number } {
	const byNumber = new Map(purchaseOrders.map((o) => [o.number, o]));
	const acc = new Map<string, { net: number; tax: number; orders: Set<string> }>();
	for (const v of ctx.book.vouchers) {
		if (v.kind !== 'purchase' && v.kind !== 'purchase-return') continue;
		const number = v.ref?.startsWith('RTS-') ? v.ref.slice(4) : v.ref;
		const po = number !== undefined ? byNumber.get(number) : undefined;
		if (!po) continue;
		const a = acc.get(po.supplierId) ?? { net: 0, tax: 0, orders: new Set<string>() };
		for (const l of v.lines) {
			if (l.role === 'grni') a.net += l.debitCents - l.creditCents;
			if (l.role === 'inputTax') a.tax += l.debitCents - l.creditCents;
		}
		a.orders.add(po.number);
		acc.set(po.supplierId, a);
	}
	const rows = [...acc]
		.map(([supplierId, a]) => ({
			supplierId,
			code: ctx.suppliers.get(supplierId)?.code ?? supplierId,
			name: ctx.suppliers.get(supplierId)?.name ?? '',
			orders: a.orders.size,
			netCents: a.net,
			taxCents: a.tax
		}))
		.sort(byCode);
	return { rows, totalNetCents: rows.reduce((s, r) => s + r.netCents, 0) };
}

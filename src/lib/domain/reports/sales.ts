// Sales with margin (銷貨毛利) by customer, item or month, from the vouchers: revenue is the
// sale vouchers' net less credit notes, cost is what those shipments cost less what customer
// returns brought back. By month it also lists the closed months, from their close records.

import type { Voucher } from '../accounting/voucher';
import { ratio, type ReportContext } from './context';

export const SALES_GROUPINGS = ['customer', 'item', 'month'] as const;
export type SalesGrouping = (typeof SALES_GROUPINGS)[number];

export interface SalesRow {
	key: string;
	code: string;
	name: string;
	revenueCents: number;
	cogsCents: number;
	marginCents: number;
	/** margin / revenue, null without revenue. */
	marginPct: number | null;
}

export interface SalesReport {
	grouping: SalesGrouping;
	rows: SalesRow[];
	total: SalesRow;
}

function lineSum(v: Voucher, account: string): { net: number; itemId: string } {
	let net = 0;
	let itemId = '';
	for (const l of v.lines)
		if (l.account === account) {
			net += l.debitCents - l.creditCents;
			itemId ||= l.itemId ?? '';
		}
	return { net, itemId };
}

export function salesReport(ctx: ReportContext, grouping: SalesGrouping): SalesReport {
	const byNumber = new Map(ctx.salesOrders.map((o) => [o.number, o]));
	const acc = new Map<string, { revenue: number; cogs: number }>();
	const bump = (key: string, revenue: number, cogs: number): void => {
		const a = acc.get(key) ?? { revenue: 0, cogs: 0 };
		a.revenue += revenue;
		a.cogs += cogs;
		acc.set(key, a);
	};
	const chart = codesOf(ctx);
	const closed = new Set<string>();
	if (grouping === 'month')
		for (const f of ctx.book.months)
			if (ctx.book.fromMonth !== null && f.month < ctx.book.fromMonth) {
				closed.add(f.month);
				bump(f.month, f.revenueCents - f.salesReturnsCents, f.salesCogsCents);
			}
	for (const v of ctx.book.vouchers) {
		const order = v.ref !== undefined ? byNumber.get(v.ref) : undefined;
		if (!order || closed.has(v.month)) continue;
		let revenue = 0;
		let cogs = 0;
		let itemId = '';
		if (v.kind === 'sale') ({ net: revenue, itemId } = neg(lineSum(v, chart.sales)));
		else if (v.kind === 'sales-return') {
			const r = lineSum(v, chart.returns);
			revenue = -r.net;
			itemId = r.itemId;
		} else if (v.kind === 'shipment' || v.kind === 'return') {
			cogs = lineSum(v, chart.cogs).net;
			itemId = v.lines.find((l) => l.itemId)?.itemId ?? '';
		} else continue;
		const key = grouping === 'customer' ? order.customerId : grouping === 'item' ? itemId : v.month;
		bump(key, revenue, cogs);
	}
	const rows = [...acc].map(([key, a]) => row(ctx, grouping, key, a.revenue, a.cogs));
	rows.sort((a, b) =>
		grouping === 'month'
			? a.key < b.key
				? -1
				: 1
			: b.revenueCents - a.revenueCents || (a.code < b.code ? -1 : 1)
	);
	let revenue = 0;
	let cogs = 0;
	for (const r of rows) {
		revenue += r.revenueCents;
		cogs += r.cogsCents;
	}
	return { grouping, rows, total: row(ctx, grouping, '', revenue, cogs) };
}

function neg(x: { net: number; itemId: string }): { net: number; itemId: string } {
	return { net: -x.net, itemId: x.itemId };
}

function codesOf(ctx: ReportContext): { sales: string; returns: string; cogs: string } {
	// The chart in force is the one the vouchers were derived with: read it off their lines.
	const found = { sales: '4111', returns: '4171', cogs: '5111' };
	for (const v of ctx.book.vouchers)
		for (const l of v.lines) {
			if (l.role === 'sales') found.sales = l.account;
			else if (l.role === 'salesReturns') found.returns = l.account;
			else if (l.role === 'cogs') found.cogs = l.account;
		}
	return found;
}

function row(
	ctx: ReportContext,
	grouping: SalesGrouping,
	key: string,
	revenueCents: number,
	cogsCents: number
): SalesRow {
	const entity =
		grouping === 'customer'
			? ctx.customers.get(key)
			: grouping === 'item'
				? ctx.items.get(key)
				: undefined;
	const marginCents = revenueCents - cogsCents;
	return {
		key,
		code: entity?.code ?? key,
		name: entity?.name ?? '',
		revenueCents,
		cogsCents,
		marginCents,
		marginPct: ratio(marginCents, revenueCents)
	};
}

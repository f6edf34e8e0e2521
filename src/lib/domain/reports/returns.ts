// Return-reason analysis (退貨原因分析) over every customer return on the sales orders: how
// many lines and units came back for each reason, their net value, how much went back to
// stock, and the share of what those orders shipped.

import { RETURN_REASONS, type ReturnReason } from '../orders/order';
import { saleAmounts } from '../accounting/derive';
import { ratio, type ReportContext } from './context';

export interface ReturnReasonRow {
	reason: ReturnReason;
	lines: number;
	qty: number;
	restockedQty: number;
	valueCents: number;
	/** Share of all returned value. */
	share: number | null;
}

export interface ReturnsReport {
	rows: ReturnReasonRow[];
	totalValueCents: number;
	shippedValueCents: number;
	/** Returned value / shipped value over all orders. */
	returnRate: number | null;
}

export function returnsReport(ctx: ReportContext): ReturnsReport {
	const acc = new Map<ReturnReason, Omit<ReturnReasonRow, 'share'>>(
		RETURN_REASONS.map((reason) => [
			reason,
			{ reason, lines: 0, qty: 0, restockedQty: 0, valueCents: 0 }
		])
	);
	let shippedValueCents = 0;
	for (const order of ctx.salesOrders) {
		const lines = new Map(order.lines.map((l) => [l.id, l]));
		for (const e of order.events) {
			if (e.type === 'ship')
				for (const s of e.payload.lines) {
					const line = lines.get(s.lineId);
					if (line) shippedValueCents += saleAmounts(line, s.qty).net;
				}
			if (e.type !== 'return') continue;
			for (const r of e.payload.lines) {
				const line = lines.get(r.lineId);
				const a = acc.get(r.reason);
				if (!line || !a) continue;
				a.lines++;
				a.qty = Math.round((a.qty + r.qty) * 1e6) / 1e6;
				if (r.restock) a.restockedQty = Math.round((a.restockedQty + r.qty) * 1e6) / 1e6;
				a.valueCents += saleAmounts(line, r.qty).net;
			}
		}
	}
	const totalValueCents = [...acc.values()].reduce((s, a) => s + a.valueCents, 0);
	const rows = [...acc.values()]
		.map((a) => ({ ...a, share: ratio(a.valueCents, totalValueCents) }))
		.sort((a, b) => b.valueCents - a.valueCents);
	return {
		rows,
		totalValueCents,
		shippedValueCents,
		returnRate: ratio(totalValueCents, shippedValueCents)
	};
}

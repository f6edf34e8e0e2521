// The finance book of the open period: the opening a close carried (layers, account balances,
// the closed months' figures), the open months' movements valued and turned into vouchers,
// and the figures per month the reports and KPI trends read. A closed month's figures come
// only from its close record, so nothing that arrives later changes them.

import { z } from 'zod';
import type { Movement } from '../ledger/movement';
import type { Order } from '../orders/order';
import type { PurchaseOrder } from '../purchasing/purchase-order';
import { VALUATION_METHODS, type ValuationMethod } from '../valuation/types';
import { codesOf, rekeyBalances, type ChartOfAccounts } from './accounts';
import { closingBalances, trialBalance, type AccountBalances, type TrialBalance } from './books';
import {
	closingLayers,
	costMovements,
	microToCents,
	type Costing,
	type FiledMovement,
	type ValueLayer
} from './costing';
import { deriveVouchers } from './derive';
import { landedChargesOf, voidedPostedCharges } from './landed-cost';
import type { Voucher } from './voucher';

const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const cents = z.number().int();

export const monthFiguresSchema = z.object({
	month: MONTH,
	revenueCents: cents,
	salesReturnsCents: cents,
	cogsCents: cents,
	/** Cost of what sales orders shipped, less customer returns (the gross margin's cost). */
	salesCogsCents: cents.default(0),
	inventoryStartCents: cents,
	inventoryEndCents: cents,
	purchasesCents: cents,
	/**
	 * Count lines of the stocktakes approved in the month and how many matched the book, frozen
	 * by its close (a closed month's postings are no longer loaded to tell). 0 while open.
	 */
	countedLines: z.number().int().nonnegative().default(0),
	matchingLines: z.number().int().nonnegative().default(0)
});
export type MonthFigures = z.infer<typeof monthFiguresSchema>;

/** What a close carries besides quantities (the `values` of an opening record). */
export const closeValuesSchema = z.object({
	method: z.enum(VALUATION_METHODS),
	/** [itemId, qtyMicro, valueMicro, since] FIFO layers, or one average layer per item. */
	layers: z
		.array(
			z.tuple([z.string().min(1).max(64), z.number().int(), z.number().int(), z.string().max(160)])
		)
		.max(1_000_000),
	/** Debit-positive closing balance per account code. */
	balances: z.record(z.string().max(16), cents),
	/** Figures of the closed months, oldest first (at most MONTHS_KEPT). */
	months: z.array(monthFiguresSchema).max(120),
	/**
	 * Landed charges (PO `charge` event ids) the closed months already posted, so a charge on a
	 * closed month's receipt is posted once: by the close that saw it, or late in the open period.
	 */
	charges: z.array(z.string().min(1).max(64)).max(200_000).default([]),
	/** The chart's codes at the close (role → code): renumbering an account carries its balance. */
	codes: z.record(z.string().max(32), z.string().max(16)).optional()
});
export type CloseValues = z.infer<typeof closeValuesSchema>;

export const MONTHS_KEPT = 36;

export interface BookInput {
	method: ValuationMethod;
	chart: ChartOfAccounts;
	/** The base month's opening values (null: nothing closed, or closed without values). */
	opening: (CloseValues & { closedMonth: string }) | null;
	movements: readonly FiledMovement[];
	salesOrders: readonly Order[];
	purchaseOrders?: readonly PurchaseOrder[];
}

export interface FinanceBook {
	costing: Costing;
	vouchers: Voucher[];
	openingBalances: AccountBalances;
	trialBalance: TrialBalance;
	/** Closed months (from the close records) then the open months, oldest first. */
	months: MonthFigures[];
	/** First open month (null: nothing closed). */
	fromMonth: string | null;
	/** The layers the base month opened with (ageing reads their receipt stamps). */
	openingLayers: ValueLayer[];
	/** Landed charges the closed months posted (carried by the opening). */
	postedCharges: readonly string[];
}

function nextMonthOf(m: string): string {
	const [y, mo] = m.split('-').map(Number) as [number, number];
	return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

export function financeBook(input: BookInput): FinanceBook {
	const opening = input.opening;
	const fromMonth = opening ? nextMonthOf(opening.closedMonth) : null;
	const posted = new Set(opening?.charges ?? []);
	const costing = costMovements({
		method: input.method,
		opening: opening
			? { closedMonth: opening.closedMonth, method: opening.method, layers: opening.layers }
			: null,
		movements: input.movements,
		landedCharges: landedChargesOf(input.purchaseOrders ?? []),
		postedCharges: posted
	});
	const vouchers = deriveVouchers({
		chart: input.chart,
		movements: costing.movements,
		lateCharges: [
			...costing.lateCharges,
			...voidedPostedCharges(input.purchaseOrders ?? [], posted)
		],
		salesOrders: input.salesOrders,
		...(input.purchaseOrders ? { purchaseOrders: input.purchaseOrders } : {}),
		fromMonth
	});
	const openingBalances = rekeyBalances(opening?.balances ?? {}, opening?.codes, input.chart);
	const tb = trialBalance(input.chart, vouchers, openingBalances);
	const months = [
		...(opening?.months ?? []),
		...openMonthFigures(input.chart, vouchers, openingBalances, fromMonth)
	];
	return {
		costing,
		vouchers,
		openingBalances,
		trialBalance: tb,
		months,
		fromMonth,
		openingLayers: opening?.layers ?? [],
		postedCharges: opening?.charges ?? []
	};
}

/** Figures of each month that has vouchers, from `fromMonth` on, running the inventory value. */
function openMonthFigures(
	chart: ChartOfAccounts,
	vouchers: readonly Voucher[],
	opening: AccountBalances,
	fromMonth: string | null
): MonthFigures[] {
	const byMonth = new Map<string, MonthFigures>();
	const codes = {
		inventory: chart.inventory.code,
		sales: chart.sales.code,
		salesReturns: chart.salesReturns.code,
		cogs: chart.cogs.code
	};
	for (const v of vouchers) {
		if (fromMonth !== null && v.month < fromMonth) continue;
		let f = byMonth.get(v.month);
		if (!f) {
			f = {
				month: v.month,
				revenueCents: 0,
				salesReturnsCents: 0,
				cogsCents: 0,
				salesCogsCents: 0,
				inventoryStartCents: 0,
				inventoryEndCents: 0,
				purchasesCents: 0,
				countedLines: 0,
				matchingLines: 0
			};
			byMonth.set(v.month, f);
		}
		for (const l of v.lines) {
			const net = l.debitCents - l.creditCents;
			if (l.account === codes.sales) f.revenueCents -= net;
			else if (l.account === codes.salesReturns) f.salesReturnsCents += net;
			else if (l.account === codes.cogs) {
				f.cogsCents += net;
				if (v.kind === 'shipment' || (v.kind === 'return' && v.ref !== undefined))
					f.salesCogsCents += net;
			} else if (l.account === codes.inventory) {
				f.inventoryEndCents += net;
				if (v.kind === 'receipt') f.purchasesCents += net;
			}
		}
	}
	let running = opening[codes.inventory] ?? 0;
	const out = [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
	for (const f of out) {
		f.inventoryStartCents = running;
		running += f.inventoryEndCents;
		f.inventoryEndCents = running;
	}
	return out;
}

/** The values a close of `month` writes, from the book of the period ending with it. */
export function closeValues(book: FinanceBook, chart: ChartOfAccounts, month: string): CloseValues {
	// Through `month` only: a document event stamped later is posted by the next period.
	const tb = trialBalance(chart, book.vouchers, book.openingBalances, month);
	const balances = closingBalances(tb);
	const months = book.months.filter((f) => f.month <= month).slice(-MONTHS_KEPT);
	const charges = new Set(book.postedCharges);
	for (const v of book.vouchers)
		if (v.kind === 'landed-cost' && v.month <= month) charges.add(v.source);
	for (const id of book.costing.appliedCharges) charges.add(id);
	return {
		method: book.costing.method,
		layers: closingLayers(book.costing),
		balances,
		months,
		charges: [...charges].sort(),
		codes: codesOf(chart)
	};
}

/** Inventory value in cents per item, from the costing (what the valuation report shows). */
export function itemValuesCents(costing: Costing): Map<string, number> {
	const out = new Map<string, number>();
	for (const p of costing.positions.values()) out.set(p.itemId, microToCents(p.valueMicro));
	return out;
}

export type { ValueLayer, FiledMovement, Movement };

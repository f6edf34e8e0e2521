// A voucher (傳票): one balanced double-entry posting derived from one movement or document
// event. Derived, never stored and never edited: the same documents give the same vouchers on
// every device, and a correction comes from a correcting document.

import type { AccountRole, ChartOfAccounts } from './accounts';

export const VOUCHER_KINDS = [
	'receipt',
	'issue',
	'shipment',
	'return',
	'adjustment',
	'count',
	'transfer',
	'production',
	'sale',
	'sales-return',
	'purchase',
	'purchase-return',
	'landed-cost'
] as const;
export type VoucherKind = (typeof VOUCHER_KINDS)[number];

export interface VoucherLine {
	role: AccountRole;
	/** The account code from the chart in force. */
	account: string;
	debitCents: number;
	creditCents: number;
	itemId?: string;
	warehouseId?: string;
}

export interface Voucher {
	/** `V-<source id>` (one voucher per source and kind suffix): stable across devices. */
	id: string;
	/** The stamp it is ordered by (the source's effective stamp). */
	at: string;
	/** Accounting month (YYYY-MM). */
	month: string;
	kind: VoucherKind;
	/** The movement or document event it comes from. */
	source: string;
	/** Document number (order, PO, transfer) when there is one. */
	ref?: string;
	lines: VoucherLine[];
}

export class UnbalancedVoucherError extends Error {
	readonly code = 'unbalanced-voucher';
	constructor(readonly voucherId: string) {
		super(`voucher ${voucherId} does not balance`);
	}
}

/** One side of a posting; a negative amount flips to the other side. */
export interface Posting {
	role: AccountRole;
	/** Positive: debit; negative: credit. */
	cents: number;
	itemId?: string;
	warehouseId?: string;
}

/** Builds a voucher from signed postings (zero lines dropped); null when nothing is posted. */
export function makeVoucher(
	chart: ChartOfAccounts,
	head: Omit<Voucher, 'lines'>,
	postings: readonly Posting[]
): Voucher | null {
	const lines: VoucherLine[] = [];
	let sum = 0;
	for (const p of postings) {
		if (p.cents === 0) continue;
		sum += p.cents;
		const line: VoucherLine = {
			role: p.role,
			account: chart[p.role].code,
			debitCents: p.cents > 0 ? p.cents : 0,
			creditCents: p.cents < 0 ? -p.cents : 0
		};
		if (p.itemId !== undefined) line.itemId = p.itemId;
		if (p.warehouseId !== undefined) line.warehouseId = p.warehouseId;
		lines.push(line);
	}
	if (sum !== 0) throw new UnbalancedVoucherError(head.id);
	return lines.length === 0 ? null : { ...head, lines };
}

export function voucherTotals(v: Voucher): { debitCents: number; creditCents: number } {
	let debitCents = 0;
	let creditCents = 0;
	for (const l of v.lines) {
		debitCents += l.debitCents;
		creditCents += l.creditCents;
	}
	return { debitCents, creditCents };
}

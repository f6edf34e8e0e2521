// The books over vouchers: the journal (日記簿), the trial balance (試算表) and the general
// ledger per account (總分類帳). Balances carried from a close enter as opening balances.

import type { AccountRole, ChartOfAccounts } from './accounts';
import { ACCOUNT_ROLES } from './accounts';
import type { Voucher, VoucherKind } from './voucher';

/** Debit-positive balance per account code, as a close carries it. */
export type AccountBalances = Record<string, number>;

export interface JournalRow {
	voucherId: string;
	at: string;
	month: string;
	kind: VoucherKind;
	ref: string;
	account: string;
	role: AccountRole;
	debitCents: number;
	creditCents: number;
	itemId: string;
	warehouseId: string;
}

/** Every voucher line in voucher order, flat (what an accountant imports). */
export function journal(vouchers: readonly Voucher[]): JournalRow[] {
	const rows: JournalRow[] = [];
	for (const v of vouchers)
		for (const l of v.lines)
			rows.push({
				voucherId: v.id,
				at: v.at,
				month: v.month,
				kind: v.kind,
				ref: v.ref ?? '',
				account: l.account,
				role: l.role,
				debitCents: l.debitCents,
				creditCents: l.creditCents,
				itemId: l.itemId ?? '',
				warehouseId: l.warehouseId ?? ''
			});
	return rows;
}

export interface TrialBalanceRow {
	account: string;
	role: AccountRole | null;
	openingCents: number;
	debitCents: number;
	creditCents: number;
	/** Debit-positive: opening + debits − credits. */
	closingCents: number;
}

export interface TrialBalance {
	rows: TrialBalanceRow[];
	debitCents: number;
	creditCents: number;
	/** Σ closing over all accounts: zero when the books balance. */
	closingSumCents: number;
}

function roleOfCode(chart: ChartOfAccounts): Map<string, AccountRole> {
	const out = new Map<string, AccountRole>();
	for (const role of ACCOUNT_ROLES) if (!out.has(chart[role].code)) out.set(chart[role].code, role);
	return out;
}

/** Vouchers up to and including `throughMonth` (all when undefined), on top of `opening`. */
export function trialBalance(
	chart: ChartOfAccounts,
	vouchers: readonly Voucher[],
	opening: AccountBalances = {},
	throughMonth?: string
): TrialBalance {
	const acc = new Map<string, { opening: number; debit: number; credit: number }>();
	const row = (code: string) => {
		let r = acc.get(code);
		if (!r) {
			r = { opening: 0, debit: 0, credit: 0 };
			acc.set(code, r);
		}
		return r;
	};
	for (const [code, cents] of Object.entries(opening)) row(code).opening += cents;
	for (const v of vouchers) {
		if (throughMonth !== undefined && v.month > throughMonth) continue;
		for (const l of v.lines) {
			const r = row(l.account);
			r.debit += l.debitCents;
			r.credit += l.creditCents;
		}
	}
	const roles = roleOfCode(chart);
	const rows: TrialBalanceRow[] = [...acc.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([account, r]) => ({
			account,
			role: roles.get(account) ?? null,
			openingCents: r.opening,
			debitCents: r.debit,
			creditCents: r.credit,
			closingCents: r.opening + r.debit - r.credit
		}));
	let debitCents = 0;
	let creditCents = 0;
	let closingSumCents = 0;
	for (const r of rows) {
		debitCents += r.debitCents;
		creditCents += r.creditCents;
		closingSumCents += r.closingCents;
	}
	return { rows, debitCents, creditCents, closingSumCents };
}

/** Closing balances (debit-positive) by account, what a close carries forward. */
export function closingBalances(tb: TrialBalance): AccountBalances {
	const out: AccountBalances = {};
	for (const r of tb.rows) if (r.closingCents !== 0) out[r.account] = r.closingCents;
	return out;
}

export interface LedgerEntry {
	voucherId: string;
	at: string;
	month: string;
	kind: VoucherKind;
	ref: string;
	debitCents: number;
	creditCents: number;
	/** Debit-positive running balance after this entry. */
	balanceCents: number;
}

/** The general ledger of one account: its opening and every line posted to it, with balance. */
export function generalLedger(
	account: string,
	vouchers: readonly Voucher[],
	opening: AccountBalances = {}
): { openingCents: number; entries: LedgerEntry[]; closingCents: number } {
	const openingCents = opening[account] ?? 0;
	let balance = openingCents;
	const entries: LedgerEntry[] = [];
	for (const v of vouchers)
		for (const l of v.lines) {
			if (l.account !== account) continue;
			balance += l.debitCents - l.creditCents;
			entries.push({
				voucherId: v.id,
				at: v.at,
				month: v.month,
				kind: v.kind,
				ref: v.ref ?? '',
				debitCents: l.debitCents,
				creditCents: l.creditCents,
				balanceCents: balance
			});
		}
	return { openingCents, entries, closingCents: balance };
}

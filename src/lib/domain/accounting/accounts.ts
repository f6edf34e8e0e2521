// The chart of accounts vouchers post to: a fixed set of roles (what an account is *for*) mapped
// to codes a company may change. The default follows the ROC 商業會計項目表 (EAS-style) codes
// where they exist; GRNI, in-transit, work in process and the count gain/loss account are
// in-group choices a company remaps to its own ledger.

import { z } from 'zod';

export const ACCOUNT_ROLES = [
	'inventory',
	'inTransit',
	'workInProcess',
	'receivables',
	'inputTax',
	'payables',
	'grni',
	'outputTax',
	'sales',
	'salesReturns',
	'purchases',
	'cogs',
	'inventoryGainLoss',
	'appliedConversion'
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Assets and costs grow on the debit side; liabilities and revenue on the credit side. */
export type AccountNature = 'debit' | 'credit';

export interface Account {
	role: AccountRole;
	/** The code the accountant's ledger uses; trial balances group by it. */
	code: string;
	nature: AccountNature;
}

const NATURE: Record<AccountRole, AccountNature> = {
	inventory: 'debit',
	inTransit: 'debit',
	workInProcess: 'debit',
	receivables: 'debit',
	inputTax: 'debit',
	payables: 'credit',
	grni: 'credit',
	outputTax: 'credit',
	sales: 'credit',
	salesReturns: 'debit',
	purchases: 'debit',
	cogs: 'debit',
	inventoryGainLoss: 'debit',
	appliedConversion: 'credit'
};

/** Taiwanese default (5 % 營業稅). */
export const DEFAULT_ACCOUNT_CODES: Record<AccountRole, string> = {
	inventory: '1231', // 商品存貨
	inTransit: '1239', // 在途存貨
	workInProcess: '1234', // 在製品
	receivables: '1191', // 應收帳款
	inputTax: '1268', // 進項稅額
	payables: '2171', // 應付帳款
	grni: '2172', // 暫估應付帳款 (GRNI)
	outputTax: '2204', // 銷項稅額
	sales: '4111', // 銷貨收入
	salesReturns: '4171', // 銷貨退回
	purchases: '5121', // 進貨 (periodic systems; shown, not posted under perpetual inventory)
	cogs: '5111', // 銷貨成本
	inventoryGainLoss: '5141', // 存貨盤盈虧 (within cost of sales, as IAS 2 allows)
	appliedConversion: '5191' // 已分攤製造費用 (labour and overhead absorbed into finished goods)
};

/** Business tax (營業稅) on purchases, in basis points: 5 %. */
export const DEFAULT_TAX_BP = 500;

const code = z
	.string()
	.trim()
	.regex(/^[0-9A-Za-z.-]{1,16}$/, 'expected an account code');

/** A company's overrides, as stored or imported: unknown roles are refused, missing ones default. */
export const accountCodesSchema = z
	.object(Object.fromEntries(ACCOUNT_ROLES.map((r) => [r, code.optional()])))
	.strict();

export type ChartOfAccounts = Record<AccountRole, Account>;

/** The chart with `overrides` applied (parsed: wire data is unknown until parsed). */
export function chartOfAccounts(overrides: unknown = {}): ChartOfAccounts {
	const parsed = accountCodesSchema.parse(overrides) as Partial<Record<AccountRole, string>>;
	const chart = {} as ChartOfAccounts;
	for (const role of ACCOUNT_ROLES)
		chart[role] = { role, code: parsed[role] ?? DEFAULT_ACCOUNT_CODES[role], nature: NATURE[role] };
	return chart;
}

export const DEFAULT_CHART: ChartOfAccounts = chartOfAccounts();

/** Role → code of a chart: what a close records beside its balances. */
export function codesOf(chart: ChartOfAccounts): Record<AccountRole, string> {
	const out = {} as Record<AccountRole, string>;
	for (const role of ACCOUNT_ROLES) out[role] = chart[role].code;
	return out;
}

/** Codes two or more roles share (their trial-balance rows would merge): refused on save. */
export function duplicateCodes(chart: ChartOfAccounts): string[] {
	const seen = new Map<string, number>();
	for (const role of ACCOUNT_ROLES)
		seen.set(chart[role].code, (seen.get(chart[role].code) ?? 0) + 1);
	return [...seen].filter(([, n]) => n > 1).map(([c]) => c);
}

/**
 * Balances a close keyed by the codes in force then (`from`: role → code) moved to `chart`'s
 * codes, so renumbering an account carries its opening balance. Codes no role had stay as they
 * are; without `from` (closes written before codes were recorded) nothing moves.
 */
export function rekeyBalances(
	balances: Readonly<Record<string, number>>,
	from: Readonly<Partial<Record<string, string>>> | undefined,
	chart: ChartOfAccounts
): Record<string, number> {
	if (!from) return { ...balances };
	const roleOf = new Map<string, AccountRole>();
	for (const role of ACCOUNT_ROLES) {
		const code = from[role];
		if (code !== undefined && !roleOf.has(code)) roleOf.set(code, role);
	}
	const out: Record<string, number> = {};
	for (const [code, cents] of Object.entries(balances)) {
		const role = roleOf.get(code);
		const to = role ? chart[role].code : code;
		out[to] = (out[to] ?? 0) + cents;
	}
	return out;
}

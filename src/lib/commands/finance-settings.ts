// Finance settings in the catalog's `periods` map: the valuation method and the chart of
// accounts' codes. The method changes only at a period boundary: a change is recorded as the
// next method (`valuationMethodNext`) and the next close switches to it, so the month being
// closed is valued as it was and the new method starts from that close's carried layers. A
// workspace with nothing closed and no movement yet switches at once. Codes apply to every
// open voucher; a close records the codes it used, so renumbering carries opening balances.

import * as Y from 'yjs';
import {
	ACCOUNT_ROLES,
	accountCodesSchema,
	chartOfAccounts,
	codesOf,
	DEFAULT_ACCOUNT_CODES,
	duplicateCodes,
	type AccountRole
} from '../domain/accounting/accounts';
import { canWriteForClose } from '../domain/auth/roles';
import { ForbiddenError, InvalidFieldError } from '../domain/errors';
import { isValuationMethod, type ValuationMethod } from '../domain/valuation/types';
import { readLedgerMonths } from '../doc/catalog-doc';
import { readMovements } from '../doc/ledger-doc';
import { CATALOG } from '../doc/names';
import { periodsMap, readClosedThrough } from '../doc/period-doc';
import { assertWritableSchema, ensureSchema } from '../doc/schema';
import { commandOrigin, type CommandContext } from './context';
import { chartOf, valuationMethodOf } from './finance-book';

/** Who may change them: those who close the books. */
export const FINANCE_SETTERS = ['admin', 'finance'] as const;

export interface FinanceSettings {
	method: ValuationMethod;
	/** The method the next close switches to (null: no change pending). */
	nextMethod: ValuationMethod | null;
	closedThrough: string | null;
	/** Role → code in force, and the default's. */
	codes: Record<AccountRole, string>;
	defaults: Record<AccountRole, string>;
}

/** The method a close switches to, when it differs from the one in force. */
export function nextValuationMethodOf(catalog: Y.Doc): ValuationMethod | null {
	if (!catalog.share.has('periods')) return null;
	const value = periodsMap(catalog).get('valuationMethodNext');
	if (typeof value !== 'string' || !isValuationMethod(value)) return null;
	return value === valuationMethodOf(catalog) ? null : value;
}

export function readFinanceSettings(catalog: Y.Doc): FinanceSettings {
	return {
		method: valuationMethodOf(catalog),
		nextMethod: nextValuationMethodOf(catalog),
		closedThrough: readClosedThrough(catalog),
		codes: codesOf(chartOf(catalog)),
		defaults: { ...DEFAULT_ACCOUNT_CODES }
	};
}

function requireSetter(ctx: CommandContext, what: string): void {
	if (!(FINANCE_SETTERS as readonly string[]).includes(ctx.role))
		throw new ForbiddenError(ctx.role, what);
	if (!canWriteForClose(ctx.role, 'catalog')) throw new ForbiddenError(ctx.role, what);
	assertWritableSchema(ctx.docs.catalog, CATALOG);
}

/** Nothing closed and not one movement on any ledger: the method may change at once. */
function atTheStart(ctx: CommandContext): boolean {
	if (readClosedThrough(ctx.docs.catalog) !== null) return false;
	return readLedgerMonths(ctx.docs.catalog).every(
		(m) => readMovements(ctx.docs.ledger(m)).movements.length === 0
	);
}

/**
 * Sets the valuation method: at once at the very start, otherwise from the next close on.
 * Returns when it takes effect. Choosing the method in force cancels a pending change.
 */
export function setValuationMethod(
	ctx: CommandContext,
	method: ValuationMethod
): { effective: 'now' | 'next-close' } {
	requireSetter(ctx, 'change the valuation method');
	if (!isValuationMethod(method)) throw new InvalidFieldError('method', 'fifo or moving-average');
	const now = atTheStart(ctx);
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			const periods = periodsMap(doc);
			if (now) periods.set('valuationMethod', method);
			periods.set('valuationMethodNext', method);
		},
		commandOrigin(ctx, 'setValuationMethod')
	);
	return { effective: now ? 'now' : 'next-close' };
}

/**
 * Sets the account codes (role → code); roles left out or equal to the default are stored as
 * the default. Refuses a code two roles would share.
 */
export function setAccountCodes(
	ctx: CommandContext,
	codes: Partial<Record<AccountRole, string>>
): Record<AccountRole, string> {
	requireSetter(ctx, 'change the chart of accounts');
	const trimmed: Partial<Record<AccountRole, string>> = {};
	for (const role of ACCOUNT_ROLES) {
		const code = codes[role]?.trim();
		if (code && code !== DEFAULT_ACCOUNT_CODES[role]) trimmed[role] = code;
	}
	const parsed = accountCodesSchema.safeParse(trimmed);
	if (!parsed.success) {
		const role = String(parsed.error.issues[0]?.path[0] ?? 'codes');
		throw new InvalidFieldError(role, 'expected an account code (letters, digits, . or -)');
	}
	const chart = chartOfAccounts(parsed.data);
	const shared = duplicateCodes(chart);
	if (shared.length > 0)
		throw new InvalidFieldError('codes', `one code per account: ${shared.join(', ')}`);
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			periodsMap(doc).set('accountCodes', parsed.data);
		},
		commandOrigin(ctx, 'setAccountCodes')
	);
	return codesOf(chart);
}

/** Inside the close's catalog transaction: a pending method takes over from the next month. */
export function applyPendingMethod(catalog: Y.Doc): void {
	const next = nextValuationMethodOf(catalog);
	if (next !== null) periodsMap(catalog).set('valuationMethod', next);
}

// Filing movements into the ledgers: one transaction per month doc touched, plus one on the
// catalog when a month appears. A movement is filed under its stamp's month, except that a
// closed month takes nothing more: a stamp before the base month (a clock behind, a posting
// dated in a closed period) is filed in the base month, keeping its stamp, so it counts on
// top of the opening exactly once.
//
// `writeLedgerPostings` is for derived postings (stocktake adjustments, transfer legs and
// their reversals). Unlike recordMovementsBatch it does not check stock (a count may find less
// than the book — that is the point), and it skips movements whose id is already in a ledger:
// postings have deterministic ids, so writing them twice is a no-op.

import type { Movement } from '../domain/ledger/movement';
import { ledgerMonthsMap, readLedgerMonths } from '../doc/catalog-doc';
import { appendMovements } from '../doc/ledger-doc';
import { baseMonthOf } from '../doc/period-doc';
import { hasMovement } from './ledger-cache';
import { CATALOG, ledgerDocName, monthOfStamp } from '../doc/names';
import { ensureSchema } from '../doc/schema';
import { requireWrite } from './access';
import { commandOrigin, type CommandContext } from './context';

/** Files movements into their ledgers (see the header). Checks rights before writing anything. */
export function fileMovements(
	ctx: CommandContext,
	movements: readonly Movement[],
	command: string
): void {
	const base = baseMonthOf(ctx.docs.catalog);
	const byMonth = new Map<string, Movement[]>();
	for (const m of movements) {
		const stamped = monthOfStamp(m.at);
		const month = base !== null && stamped < base ? base : stamped;
		const list = byMonth.get(month);
		if (list) list.push(m);
		else byMonth.set(month, [m]);
	}
	for (const month of byMonth.keys()) requireWrite(ctx, ledgerDocName(month));
	const known = new Set(readLedgerMonths(ctx.docs.catalog));
	const newMonths = [...byMonth.keys()].filter((month) => !known.has(month));
	if (newMonths.length > 0) requireWrite(ctx, CATALOG);
	const origin = commandOrigin(ctx, command);
	for (const [month, list] of byMonth) {
		const doc = ctx.docs.ledger(month);
		doc.transact(() => {
			ensureSchema(doc, 'ledger', month);
			appendMovements(doc, list);
		}, origin);
	}
	if (newMonths.length > 0) {
		const catalog = ctx.docs.catalog;
		catalog.transact(() => {
			ensureSchema(catalog, 'catalog');
			const months = ledgerMonthsMap(catalog);
			for (const month of newMonths) months.set(month, true);
		}, origin);
	}
}

/** Returns the movements actually written (those not already present). */
export function writeLedgerPostings(
	ctx: CommandContext,
	movements: readonly Movement[],
	command: string
): Movement[] {
	const fresh = movements.filter((m) => !hasMovement(ctx, m.id));
	if (fresh.length > 0) fileMovements(ctx, fresh, command);
	return fresh;
}

/**
 * Drops postings stamped in a closed period: that period's postings are sealed in its close,
 * and a device that no longer holds the closed ledgers cannot tell which are already there.
 */
export function openPeriodPostings(
	ctx: Pick<CommandContext, 'docs'>,
	movements: readonly Movement[]
): Movement[] {
	const base = baseMonthOf(ctx.docs.catalog);
	return base === null ? [...movements] : movements.filter((m) => monthOfStamp(m.at) >= base);
}

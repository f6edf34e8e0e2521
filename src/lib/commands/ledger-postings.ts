// Writes derived postings (stocktake adjustments, transfer legs and their reversals) into the
// ledgers of their stamps' months. Unlike recordMovementsBatch it does not check stock (a count
// may find less than the book — that is the point), and it skips movements whose id is already
// in a ledger: postings have deterministic ids, so writing them twice is a no-op.

import type { Movement } from '../domain/ledger/movement';
import { ledgerMonthsMap, readLedgerMonths } from '../doc/catalog-doc';
import { appendMovements } from '../doc/ledger-doc';
import { hasMovement } from './ledger-cache';
import { CATALOG, ledgerDocName, monthOfStamp } from '../doc/names';
import { ensureSchema } from '../doc/schema';
import { requireWrite } from './access';
import { commandOrigin, type CommandContext } from './context';

/** Returns the movements actually written (those not already present). */
export function writeLedgerPostings(
	ctx: CommandContext,
	movements: readonly Movement[],
	command: string
): Movement[] {
	const fresh = movements.filter((m) => !hasMovement(ctx, m.id));
	const byMonth = new Map<string, Movement[]>();
	for (const m of fresh) {
		const month = monthOfStamp(m.at);
		byMonth.set(month, [...(byMonth.get(month) ?? []), m]);
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
	return fresh;
}

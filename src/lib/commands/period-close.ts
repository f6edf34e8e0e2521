// Closing a month (月結): its balances are folded into the next month's opening, the catalog
// records how far the books are closed, and from then on devices start from the opening
// instead of downloading and replaying the closed months. A closed month takes no more
// postings; anything that still reaches its ledger (an offline device posting across the
// close) is carried into the open period by whoever holds it, with its id and stamp unchanged,
// so every device counts it exactly once.

import type * as Y from 'yjs';
import { ForbiddenError, PeriodCloseBlockedError } from '../domain/errors';
import type { Movement } from '../domain/ledger/movement';
import { closeMonthBalances, nextMonth, type OpeningBalances } from '../domain/ledger/period';
import { ledgerMonthsMap, readLedgerMonths } from '../doc/catalog-doc';
import { readCountSessions } from '../doc/counts-doc';
import { readMovements } from '../doc/ledger-doc';
import {
	encodeLedgerState,
	lateMovements,
	readClosedThrough,
	readOpening,
	writeClosedThrough,
	writeOpening
} from '../doc/period-doc';
import { ensureSchema } from '../doc/schema';
import { closeValues, type CloseValues } from '../domain/accounting/book';
import { countResults } from '../domain/reports/finance-view';
import type { CountResult } from '../domain/reports/kpis';
import { bookOf, chartOf, valuationMethodOf } from './finance-book';
import { applyPendingMethod } from './finance-settings';
import { canWriteForClose } from '../domain/auth/roles';
import { assertWritableSchema } from '../doc/schema';
import { commandOrigin, type CommandContext } from './context';
import { writeLedgerPostings } from './ledger-postings';
import { CATALOG, ledgerDocName, monthOfStamp } from '../doc/names';

/** Who may close the books. The relay enforces the doc rights; this is the business rule. */
export const PERIOD_CLOSERS = ['admin', 'finance'] as const;

export type CloseBlocker =
	| { kind: 'current-month' }
	| { kind: 'earlier-month-open'; month: string }
	| { kind: 'already-closed' }
	| { kind: 'opening-missing' }
	| { kind: 'open-count'; number: string };

/** Why `month` cannot be closed right now (empty: it can). Reads only; no side effects. */
export function closeBlockers(
	ctx: CommandContext,
	month: string,
	nowMonth: string
): CloseBlocker[] {
	const closed = readClosedThrough(ctx.docs.catalog);
	if (closed !== null && month <= closed) return [{ kind: 'already-closed' }];
	const out: CloseBlocker[] = [];
	if (month >= nowMonth) out.push({ kind: 'current-month' });
	const expected = closed === null ? null : nextMonth(closed);
	if (expected !== null && month !== expected)
		out.push({ kind: 'earlier-month-open', month: expected });
	if (expected === null) {
		const earlier = readLedgerMonths(ctx.docs.catalog).find((m) => m < month);
		if (earlier) out.push({ kind: 'earlier-month-open', month: earlier });
	}
	if (closed !== null && expected === month) {
		if (!readOpening(ctx.docs.ledger(month), closed).opening) out.push({ kind: 'opening-missing' });
	}
	// A count still open with lines in the month would need the month's movements to post.
	for (const s of readCountSessions(ctx.docs.shared('counts')).sessions) {
		if (s.status !== 'opened' && s.status !== 'submitted') continue;
		if (s.lines.some((l) => monthOfStamp(l.at) <= month))
			out.push({ kind: 'open-count', number: s.number });
	}
	return out;
}

function describe(b: CloseBlocker): string {
	switch (b.kind) {
		case 'current-month':
			return 'the month is not over';
		case 'earlier-month-open':
			return `close ${b.month} first`;
		case 'already-closed':
			return 'already closed';
		case 'opening-missing':
			return 'its opening balances have not synced';
		case 'open-count':
			return `stocktake ${b.number} is still open`;
	}
}

/** Freezes the month's count accuracy into its figures: its postings leave with the close. */
function withCountTallies(
	values: CloseValues,
	month: string,
	counts: readonly CountResult[]
): CloseValues {
	let counted = 0;
	let matching = 0;
	for (const c of counts)
		if (monthOfStamp(c.approvedAt) === month) {
			counted += c.counted;
			matching += c.matching;
		}
	return {
		...values,
		months: values.months.map((f) =>
			f.month === month ? { ...f, countedLines: counted, matchingLines: matching } : f
		)
	};
}

/**
 * Closes `month`: writes its closing balances as the next month's opening and moves the
 * catalog's `closedThrough`. The caller makes sure this device holds the month's ledger fully
 * synced (the UI only offers it online with nothing pending).
 */
export function closePeriod(ctx: CommandContext, month: string): OpeningBalances {
	if (!(PERIOD_CLOSERS as readonly string[]).includes(ctx.role))
		throw new ForbiddenError(ctx.role, 'close a period');
	if (!canWriteForClose(ctx.role, 'catalog') || !canWriteForClose(ctx.role, 'ledger'))
		throw new ForbiddenError(ctx.role, 'close a period');
	assertWritableSchema(ctx.docs.catalog, CATALOG);
	assertWritableSchema(ctx.docs.ledger(month), ledgerDocName(month));
	const closedAt = ctx.clock.now();
	const blockers = closeBlockers(ctx, month, monthOfStamp(closedAt));
	if (blockers.length > 0)
		throw new PeriodCloseBlockedError(month, blockers.map(describe).join('; '));
	const ledger = ctx.docs.ledger(month);
	const closed = readClosedThrough(ctx.docs.catalog);
	const opening = closed === null ? null : readOpening(ledger, closed).opening;
	const movements = readMovements(ledger).movements;
	// Values: the month's book on top of the opening's values, closed as of its last day.
	const chart = chartOf(ctx.docs.catalog);
	const docs = { catalog: ctx.docs.catalog, orders: ctx.docs.shared('orders') };
	const filed = movements.map((movement) => ({ movement, month }));
	const book = bookOf(docs, chart, valuationMethodOf(ctx.docs.catalog), opening, filed);
	const values = withCountTallies(
		closeValues(book, chart, month),
		month,
		countResults(readCountSessions(ctx.docs.shared('counts')).sessions, filed, month)
	);
	const record = closeMonthBalances({
		month,
		opening,
		movements,
		stateVector: encodeLedgerState(ledger),
		closedAt,
		closedBy: ctx.user,
		values
	});
	const next = nextMonth(month);
	const origin = commandOrigin(ctx, 'closePeriod');
	const nextDoc = ctx.docs.ledger(next);
	// Opening first: a device that sees the catalog move before the opening arrives waits for
	// it (OpeningMissingError), never folds without it.
	nextDoc.transact(() => {
		ensureSchema(nextDoc, 'ledger', next);
		writeOpening(nextDoc, record);
	}, origin);
	ctx.docs.catalog.transact(() => {
		ensureSchema(ctx.docs.catalog, 'catalog');
		ledgerMonthsMap(ctx.docs.catalog).set(next, true);
		writeClosedThrough(ctx.docs.catalog, month);
		// A method change waits for a period boundary: this close is it (finance-settings.ts).
		applyPendingMethod(ctx.docs.catalog);
	}, origin);
	return record;
}

/**
 * Carries movements that reached closed ledgers after their close into the open period.
 * `closedLedgers` maps each closed month this device holds to its doc (in any order); a late
 * movement already filed in a later held ledger is not carried again. Returns what was written.
 */
export function carryForwardLate(
	ctx: CommandContext,
	closedLedgers: ReadonlyMap<string, Y.Doc>
): Movement[] {
	const months = [...closedLedgers.keys()].sort();
	const ids = new Map(
		months.map((m) => [
			m,
			new Set(readMovements(closedLedgers.get(m) as Y.Doc).movements.map((x) => x.id))
		])
	);
	const late: Movement[] = [];
	for (const [i, month] of months.entries()) {
		const doc = closedLedgers.get(month) as Y.Doc;
		const { opening } = readOpening(ctx.docs.ledger(nextMonth(month)), month);
		if (!opening) continue;
		const later = months.slice(i + 1).map((m) => ids.get(m) as Set<string>);
		for (const m of lateMovements(doc, opening)) {
			if (!later.some((set) => set.has(m.id))) late.push(m);
		}
	}
	if (late.length === 0) return [];
	return writeLedgerPostings(ctx, late, 'carryForward');
}

/**
 * Closes every ledger month before `month` that is still open, oldest first (the demo and the
 * benchmark close their history the way a company closing monthly would have). Returns them.
 */
export function closeMonthsBefore(ctx: CommandContext, month: string): string[] {
	const closed: string[] = [];
	const through = readClosedThrough(ctx.docs.catalog);
	for (const m of readLedgerMonths(ctx.docs.catalog)) {
		if (m >= month || (through !== null && m <= through)) continue;
		closePeriod(ctx, m);
		closed.push(m);
	}
	return closed;
}

export interface PeriodRow {
	month: string;
	closed: boolean;
	/** The close record (opening of the next month) when this device holds it. */
	close: OpeningBalances | null;
}

/** Every ledger month with whether it is closed, newest first. */
export function periodRows(ctx: CommandContext): PeriodRow[] {
	const closedThrough = readClosedThrough(ctx.docs.catalog);
	const months = new Set(readLedgerMonths(ctx.docs.catalog));
	const rows: PeriodRow[] = [];
	for (const month of [...months].sort().reverse()) {
		const closed = closedThrough !== null && month <= closedThrough;
		const close =
			closed && month === closedThrough
				? readOpening(ctx.docs.ledger(nextMonth(month)), month).opening
				: null;
		rows.push({ month, closed, close });
	}
	return rows;
}

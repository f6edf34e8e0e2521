// Approving a count: the `count` movements that bring each counted position to what was
// counted, taken against the book at each line's stamp; and re-checking an approved count when
// movements stamped before its lines arrive later. Far-stamped entries wait for an admin.

import { FarStampError, PeriodClosedError } from '../../domain/errors';
import type { Movement } from '../../domain/ledger/movement';
import { CountStatusError } from '../../domain/stocktake/errors';
import { farMovementsHoldingRecheck, farStampsOfCount } from '../../domain/stocktake/far-stamps';
import { pendingCountPostings } from '../../domain/stocktake/posting';
import type { CountSession } from '../../domain/stocktake/session';
import { appendCountEvent } from '../../doc/counts-doc';
import { monthOfStamp } from '../../doc/names';
import { baseMonthOf } from '../../doc/period-doc';
import { requireRecordWriter, requireWriteKind } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { ledgerMovements } from '../ledger-cache';
import { writeLedgerPostings } from '../ledger-postings';
import { COUNTS, countEvent, countsDoc, requireSession } from './session';

/**
 * The closed month a count's lines reach into, or null. Book quantities at a stamp inside a
 * closed period need that period's movements, which a device no longer has to hold.
 */
export function sealedMonthOf(
	ctx: Pick<CommandContext, 'docs'>,
	session: Pick<CountSession, 'lines'>
): string | null {
	const base = baseMonthOf(ctx.docs.catalog);
	if (base === null) return null;
	let earliest: string | null = null;
	for (const line of session.lines) {
		const month = monthOfStamp(line.at);
		if (month < base && (earliest === null || month < earliest)) earliest = month;
	}
	return earliest;
}

/** Every movement this device holds (all open ledgers). */
export function allMovements(ctx: CommandContext): Movement[] {
	return ledgerMovements(ctx);
}

/** The postings this session needs on top of what it already posted (see `countPostings`). */
export function pendingPostings(session: CountSession, movements: readonly Movement[]): Movement[] {
	return pendingCountPostings(session, movements);
}

export interface ApproveCountOptions {
	/**
	 * An admin confirms approving although entries bearing on the count are stamped far from
	 * the relay's time (FarStampError); ignored for other roles.
	 */
	confirmFarStamps?: boolean;
}

/**
 * Approves a submitted count and posts a `count` movement for every position whose latest
 * count differs from the book at that count's stamp. Returns the movements written.
 */
export function approveCount(
	ctx: CommandContext,
	countId: string,
	options: ApproveCountOptions = {}
): Movement[] {
	requireRecordWriter(ctx, COUNTS, 'count');
	requireWriteKind(ctx, 'ledger');
	const session = requireSession(ctx, countId);
	if (session.status !== 'submitted') throw new CountStatusError(session.status, 'approve');
	const sealed = sealedMonthOf(ctx, session);
	if (sealed !== null) throw new PeriodClosedError(sealed);
	const movements = allMovements(ctx);
	if (ctx.timeMs) {
		const far = farStampsOfCount(session, movements, ctx.timeMs());
		const mayConfirm = ctx.role === 'admin';
		if (far.length > 0 && !(mayConfirm && options.confirmFarStamps))
			throw new FarStampError(far.length, mayConfirm);
	}
	// Ledgers first: a crash between the two leaves a count that can be approved again, and the
	// second approval finds the postings already present and writes only what is missing.
	const written = writeLedgerPostings(ctx, pendingPostings(session, movements), 'approveCount');
	const doc = countsDoc(ctx);
	doc.transact(
		() => {
			appendCountEvent(doc, countId, countEvent(ctx, 'approved'));
		},
		commandOrigin(ctx, 'approveCount')
	);
	return written;
}

/**
 * Re-checks an approved count against everything this device now holds: a movement stamped
 * before a count line that arrived after approval changes that line's book@stamp, and the
 * difference is posted as a correction. Idempotent; a no-op when nothing changed.
 */
export function reconcileCount(
	ctx: CommandContext,
	countId: string,
	options: ApproveCountOptions = {}
): Movement[] {
	const session = requireSession(ctx, countId);
	if (session.status !== 'approved') return [];
	// A count in a closed period is final: late arrivals are carried into the open period.
	if (sealedMonthOf(ctx, session) !== null) return [];
	const movements = allMovements(ctx);
	const pending = pendingPostings(session, movements);
	if (pending.length === 0) return [];
	// Held while far-stamped movements would change the corrections: they would post where a
	// wrong clock put them (domain/stocktake/far-stamps.ts); an admin repairs them or confirms.
	if (ctx.timeMs && !(ctx.role === 'admin' && options.confirmFarStamps)) {
		const far = farMovementsHoldingRecheck(session, movements, ctx.timeMs());
		if (far.length > 0) throw new FarStampError(far.length, ctx.role === 'admin');
	}
	requireWriteKind(ctx, 'ledger');
	return writeLedgerPostings(ctx, pending, 'reconcileCount');
}

// Repairing a movement stamped by a wrong clock (the admin's clock page, issue 15): post its
// exact reversal stamped now (`reverses` = its id) and, when asked, the same movement again at
// the right time. Filed like every posting (writeLedgerPostings: no stock check — the reversal
// undoes what is already in the book; deterministic ids, so a repair is posted once).

import { formatStamp, stampWallMs } from '../domain/clock/hlc';
import {
	AlreadyRepairedError,
	ForbiddenError,
	NotRepairableError,
	PeriodClosedError,
	ReentryTimeError
} from '../domain/errors';
import { storedMovementSchema, type Movement } from '../domain/ledger/movement';
import {
	reentryIdOf,
	reentryRefusal,
	repairRefusal,
	reversalDraft,
	reversalIdOf
} from '../domain/ledger/repair';
import { parseOrThrow } from '../domain/parse';
import { baseMonthOf } from '../doc/period-doc';
import { monthOfStamp } from '../doc/names';
import { requireWriteKind } from './access';
import type { CommandContext } from './context';
import { ledgerMovements } from './ledger-cache';
import { writeLedgerPostings } from './ledger-postings';

export interface RepairStampInput {
	movementId: string;
	/** Re-enter the movement at this time (ms); omitted: only reverse it. */
	reenterAtMs?: number;
}

export interface RepairStampResult {
	reversal: Movement;
	reentry?: Movement;
}

/** Admins only: the clock page is theirs, and a reversal undoes someone else's entry. */
export function repairStamp(ctx: CommandContext, input: RepairStampInput): RepairStampResult {
	if (ctx.role !== 'admin') throw new ForbiddenError(ctx.role, 'repair a movement');
	requireWriteKind(ctx, 'ledger');
	const movements = ledgerMovements(ctx);
	const target = movements.find((m) => m.id === input.movementId && m.reason !== 'opening');
	if (!target) throw new NotRepairableError(input.movementId, 'unknown');
	const refusal = repairRefusal(target, movements);
	if (refusal === 'repaired') throw new AlreadyRepairedError(target.id);
	if (refusal !== null) throw new NotRepairableError(target.id, refusal);

	const reversal = stamped(ctx, reversalIdOf(target.id), ctx.clock.now(), {
		...reversalDraft(target)
	});
	const postings = [reversal];
	let reentry: Movement | undefined;
	if (input.reenterAtMs !== undefined) {
		const nowMs = stampWallMs(reversal.at);
		const why = reentryRefusal(input.reenterAtMs, nowMs);
		if (why !== null) throw new ReentryTimeError(why);
		// Now or later (within the minute a person picks a time to): the clock's next stamp, so it
		// sorts after the reversal; an earlier time is stamped as it is.
		const at =
			input.reenterAtMs >= nowMs
				? ctx.clock.now()
				: formatStamp({ wallMs: input.reenterAtMs, counter: 0, device: ctx.clock.device });
		const base = baseMonthOf(ctx.docs.catalog);
		if (base !== null && monthOfStamp(at) < base) throw new PeriodClosedError(monthOfStamp(at));
		reentry = stamped(ctx, reentryIdOf(target.id), at, copyOf(target));
		postings.push(reentry);
	}
	writeLedgerPostings(ctx, postings, 'repairStamp');
	return reentry ? { reversal, reentry } : { reversal };
}

/** The movement's content without its identity, stamp and author. */
function copyOf(m: Movement): Record<string, unknown> {
	const { id: _id, at: _at, device: _device, user: _user, ...rest } = m;
	return rest;
}

function stamped(
	ctx: CommandContext,
	id: string | null,
	at: string,
	draft: Record<string, unknown>
): Movement {
	return parseOrThrow(storedMovementSchema, {
		...draft,
		id: id ?? ctx.ids.next(),
		at,
		device: ctx.clock.device,
		user: ctx.user
	});
}

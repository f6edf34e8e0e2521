// The far-stamp gate on event logs (domain/clock/far-events.ts) as commands apply it: a new
// event on a transfer or a sales / purchase / work order whose latest event is stamped more than
// 5 minutes ahead of the relay's time is refused (FarStampError) unless an admin confirms; then
// it is stamped just after that event. Commands that write movements before their event check
// first, so a refusal writes nothing. Without the relay's time (CLI, tests) nothing is gated.

import type * as Y from 'yjs';
import type { Stamp } from '../domain/clock/hlc';
import { farEventVerdict, newEventStamp, type FarEventVerdict } from '../domain/clock/far-events';
import { FarStampError } from '../domain/errors';
import { recordEventStamps } from '../doc/stamped-entries';
import type { CommandContext } from './context';

function allowed(
	ctx: CommandContext,
	stamps: readonly Stamp[],
	confirmed: boolean
): Exclude<FarEventVerdict, { kind: 'refused' }> {
	if (!ctx.timeMs) return { kind: 'now' };
	const verdict = farEventVerdict(stamps, ctx.timeMs(), { admin: ctx.role === 'admin', confirmed });
	if (verdict.kind === 'refused') throw new FarStampError(1, verdict.mayConfirm);
	return verdict;
}

/** Throws FarStampError when a new event on a log stamped `stamps` must wait for an admin. */
export function checkFarEvents(
	ctx: CommandContext,
	stamps: readonly Stamp[],
	confirmed = ctx.confirmFarStamps === true
): void {
	allowed(ctx, stamps, confirmed);
}

/** The stamp of a new event on a log stamped `stamps`; throws as `checkFarEvents`. */
export function eventStampFor(
	ctx: CommandContext,
	stamps: readonly Stamp[],
	confirmed = ctx.confirmFarStamps === true
): Stamp {
	return newEventStamp(allowed(ctx, stamps, confirmed), ctx.clock.now(), ctx.clock.device);
}

/** What every event-log entry carries besides its type and payload, stamped `at` by this actor. */
export interface EventEnvelope<T extends string, P> {
	id: string;
	at: Stamp;
	type: T;
	by: string;
	device: string;
	payload: P;
}

/** A new event as this command's actor writes it, before the log's own schema parses it. */
export function eventEnvelope<T extends string, P>(
	ctx: CommandContext,
	at: Stamp,
	type: T,
	payload: P
): EventEnvelope<T, P> {
	return { id: ctx.ids.next(), at, type, by: ctx.user, device: ctx.clock.device, payload };
}

/** The stamps of a record's event log in the orders doc (`collection` → id → `events`). */
export function eventStampsOf(
	doc: Y.Doc,
	collection: 'salesOrders' | 'purchaseOrders' | 'workOrders',
	id: string
): Stamp[] {
	return recordEventStamps(doc.getMap<unknown>(collection).get(id));
}

/** A copy of `ctx` carrying an admin's confirmation (`confirmFarStamps`). */
export function withFarStampsConfirmed(ctx: CommandContext): CommandContext {
	return { ...ctx, confirmFarStamps: true };
}

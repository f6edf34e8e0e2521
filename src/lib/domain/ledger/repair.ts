// Repairing a movement stamped by a wrong clock (issue 15): the movement is never edited; an
// admin posts its exact reversal, stamped now and naming it in `reverses`, and may re-enter it
// at the right time. The pair (movement + reversal) then counts nowhere an order by stamp
// matters — the book at a count's stamp, valuation — because the reversal sorts before a
// movement stamped in the future, and a dip between the two would be a wrong book. In a plain
// sum (on hand) the pair cancels anyway.

import { STAMP_FLOOR_MS } from '../clock/stamp-trust';
import type { Movement, MovementReason } from './movement';

/** Reasons a person records directly (the movement form); others are repaired at their source. */
export const REPAIRABLE_REASONS: readonly MovementReason[] = ['receipt', 'issue', 'adjustment'];

/** A reversal is an adjustment of the opposite sign (as for an overruled transfer posting). */
export const REVERSAL_REASON: MovementReason = 'adjustment';

const MAX_ID = 64;

/** Deterministic ids, so two admins repairing the same movement offline post it once. */
export function reversalIdOf(movementId: string): string | null {
	const id = `${movementId}-r`;
	return id.length <= MAX_ID ? id : null;
}

export function reentryIdOf(movementId: string): string | null {
	const id = `${movementId}-n`;
	return id.length <= MAX_ID ? id : null;
}

type Position = Pick<Movement, 'itemId' | 'warehouseId' | 'locationId' | 'lot' | 'qty'>;

/** Whether `r` is the exact reversal of `m`: names it, same position, opposite quantity. */
export function isReversalOf(r: Movement, m: Movement): boolean {
	return (
		r.reverses === m.id &&
		r.itemId === m.itemId &&
		r.warehouseId === m.warehouseId &&
		(r.locationId ?? '') === (m.locationId ?? '') &&
		(r.lot ?? '') === (m.lot ?? '') &&
		r.qty === -m.qty
	);
}

/** Ids of every movement that is half of a repaired pair (the movement and its reversal). */
export function repairedPairIds(movements: Iterable<Movement>): Set<string> {
	const byId = new Map<string, Movement>();
	const reversals: Movement[] = [];
	for (const m of movements) {
		if (!byId.has(m.id)) byId.set(m.id, m);
		if (m.reverses !== undefined) reversals.push(m);
	}
	const out = new Set<string>();
	for (const r of reversals) {
		const target = r.reverses === undefined ? undefined : byId.get(r.reverses);
		// One reversal per movement: a second one (not deterministic ids) stays a plain movement.
		if (!target || out.has(target.id) || !isReversalOf(r, target)) continue;
		out.add(target.id);
		out.add(r.id);
	}
	return out;
}

/** The movements without repaired pairs; the same array when there are none. */
export function withoutRepaired<T extends Movement>(movements: readonly T[]): readonly T[] {
	if (!movements.some((m) => m.reverses !== undefined)) return movements;
	const pairs = repairedPairIds(movements);
	return pairs.size === 0 ? movements : movements.filter((m) => !pairs.has(m.id));
}

export type RepairRefusal = 'reason' | 'repaired' | 'reversal';

/** Why a movement cannot be repaired from the clock page, or null when it can. */
export function repairRefusal(m: Movement, movements: Iterable<Movement>): RepairRefusal | null {
	if (m.reverses !== undefined) return 'reversal';
	if (!REPAIRABLE_REASONS.includes(m.reason)) return 'reason';
	for (const other of movements) if (isReversalOf(other, m)) return 'repaired';
	return null;
}

/** What the reversal posts: the same position, the opposite quantity. */
export function reversalDraft(m: Movement): Position & {
	reason: MovementReason;
	reverses: string;
	ref?: string;
} {
	const draft: Position & { reason: MovementReason; reverses: string; ref?: string } = {
		itemId: m.itemId,
		warehouseId: m.warehouseId,
		qty: -m.qty,
		reason: REVERSAL_REASON,
		reverses: m.id
	};
	if (m.locationId !== undefined) draft.locationId = m.locationId;
	if (m.lot !== undefined) draft.lot = m.lot;
	if (m.ref !== undefined) draft.ref = m.ref;
	return draft;
}

export type ReentryRefusal = 'ahead' | 'behind';

/** A person picks a time to the minute: a re-entry up to this far past now is "now". */
export const REENTRY_SLACK_MS = 60_000;

/** A re-entry's time must be one a device would trust: not ahead of now, not before 2020. */
export function reentryRefusal(atMs: number, nowMs: number): ReentryRefusal | null {
	if (!Number.isFinite(atMs) || atMs < STAMP_FLOOR_MS) return 'behind';
	return atMs > nowMs + REENTRY_SLACK_MS ? 'ahead' : null;
}

/**
 * The time a movement most likely happened: its stamp minus how fast the stamping device's
 * clock was (when known), never after now. Without an offset, now.
 */
export function likelyTimeMs(stampMs: number, deviceFastMs: number | undefined, nowMs: number) {
	if (deviceFastMs === undefined) return nowMs;
	return Math.max(STAMP_FLOOR_MS, Math.min(nowMs, stampMs - deviceFastMs));
}

// Posting an approved count: one `count` movement per position whose latest line differs from
// the book at its stamp. Everything in the movement derives from the session and the line —
// the id from session + position, the stamp, device and user from the line — so two devices
// approving the same count offline write identical movements, and the folds' dedupe by id
// keeps one (docs/DECISIONS.md, "count postings are deterministic").

import { roundQty } from '../ledger/fold';
import type { Movement } from '../ledger/movement';
import { positionKey } from './positions';
import type { CountSession } from './session';
import { computeVariances, type Variance } from './variance';

/** FNV-1a 32-bit, seeded; two seeds give a 64-bit-ish digest without any crypto API. */
function fnv1a(text: string, seed: number): number {
	let h = seed >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** `cnt-<session id>-<digest of the position>`: ≤ 64 chars for any session id ≤ 40. */
export function countPostingId(sessionId: string, positionKey: string): string {
	const digest =
		fnv1a(positionKey, 0x811c9dc5).toString(36).padStart(7, '0') +
		fnv1a(positionKey, 0x9747b28c).toString(36).padStart(7, '0');
	return `cnt-${sessionId.slice(0, 40)}-${digest}`;
}

/** True for every movement a session's approval or reconciliation wrote. */
export function isPostingOf(sessionId: string, m: Pick<Movement, 'id'>): boolean {
	return m.id.startsWith(`cnt-${sessionId.slice(0, 40)}-`);
}

export function countPostingRef(session: Pick<CountSession, 'number'>): string {
	return session.number;
}

/**
 * The movements that bring this session's postings to the variances: on approval (nothing
 * posted yet) one per position with a difference; later, a correction per position whose
 * target moved because a movement stamped before the count arrived after approval. Ids derive
 * from the session, the position, the target and what was posted, so devices reconciling the
 * same state write the same movement (deduplicated by id) and any others converge on the
 * next reconciliation.
 */
export function countPostings(
	session: Pick<CountSession, 'id' | 'number' | 'warehouseId'>,
	variances: readonly Variance[],
	posted: readonly Movement[] = []
): Movement[] {
	const byKey = new Map<string, Movement[]>();
	for (const m of posted) {
		const k = positionKey({ itemId: m.itemId, locationId: m.locationId ?? '', lot: m.lot ?? '' });
		byKey.set(k, [...(byKey.get(k) ?? []), m]);
	}
	const out: Movement[] = [];
	for (const v of variances) {
		const already = dedupeById(byKey.get(v.key) ?? []);
		const sum = roundQty(already.reduce((total, m) => total + m.qty, 0));
		const qty = roundQty(v.delta - sum);
		if (qty === 0) continue;
		const base = countPostingId(session.id, v.key);
		const id =
			already.length === 0
				? base
				: `${base}-${fnv1a(
						`${v.delta}|${already
							.map((m) => m.id)
							.sort()
							.join(',')}`,
						0x811c9dc5
					).toString(36)}`;
		const m: Movement = {
			id,
			at: v.line.at,
			itemId: v.line.itemId,
			warehouseId: session.warehouseId,
			qty,
			reason: 'count',
			ref: countPostingRef(session),
			note: `${session.number}: ${v.bookAtStamp} → ${v.counted}`,
			device: v.line.device,
			user: v.line.by
		};
		if (v.line.locationId) m.locationId = v.line.locationId;
		if (v.line.lot) m.lot = v.line.lot;
		out.push(m);
	}
	return out;
}

function dedupeById(movements: readonly Movement[]): Movement[] {
	const seen = new Set<string>();
	return movements.filter((m) => !seen.has(m.id) && !!seen.add(m.id));
}

/** The postings a session needs on top of what it already posted (see `countPostings`). */
export function pendingCountPostings(
	session: Pick<CountSession, 'id' | 'number' | 'warehouseId' | 'lines'>,
	movements: readonly Movement[]
): Movement[] {
	const own = (m: Movement) => isPostingOf(session.id, m);
	const variances = computeVariances(session, movements, { exclude: own });
	return countPostings(session, variances, movements.filter(own));
}

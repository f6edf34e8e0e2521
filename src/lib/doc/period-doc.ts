// Where period closes live: the catalog's `periods` map says how far the books are closed
// (`closedThrough`: 'YYYY-MM'), and the ledger doc of the month after a close holds that close
// as its opening balances (`opening` map, key `balances`). A device reads the catalog, opens
// the ledgers from the base month (the month after the last close) on, and folds the base
// month's opening with them.

import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { openingBalancesSchema, nextMonth, type OpeningBalances } from '../domain/ledger/period';
import { storedMovementSchema, type Movement } from '../domain/ledger/movement';
import { isMonth } from './names';
import { valuesAppendedSince } from './ledger-doc';

export function periodsMap(catalog: Y.Doc): Y.Map<unknown> {
	return catalog.getMap<unknown>('periods');
}

/** Calls `onChange` after any change to the `periods` map; returns the unsubscribe. */
export function observePeriods(catalog: Y.Doc, onChange: () => void): () => void {
	const map = periodsMap(catalog);
	const handler = (): void => onChange();
	map.observe(handler);
	return () => map.unobserve(handler);
}

function openingMap(ledger: Y.Doc): Y.Map<unknown> {
	return ledger.getMap<unknown>('opening');
}

/** The last closed month, or null when no period was ever closed (or the value is garbage). */
export function readClosedThrough(catalog: Y.Doc): string | null {
	if (!catalog.share.has('periods')) return null;
	const value = periodsMap(catalog).get('closedThrough');
	return isMonth(value) ? value : null;
}

/** The first open month: the one after the last close; null when nothing is closed. */
export function baseMonthOf(catalog: Y.Doc): string | null {
	const closed = readClosedThrough(catalog);
	return closed === null ? null : nextMonth(closed);
}

/** Call inside a transaction. */
export function writeClosedThrough(catalog: Y.Doc, month: string): void {
	periodsMap(catalog).set('closedThrough', month);
}

export interface OpeningRead {
	opening: OpeningBalances | null;
	/** Entries that did not parse (a peer wrote garbage); they are ignored, never folded. */
	invalid: number;
}

const parsedCache = new WeakMap<object, OpeningBalances | null>();

function parseOpening(raw: unknown): OpeningBalances | null {
	if (typeof raw !== 'object' || raw === null) return null;
	if (parsedCache.has(raw)) return parsedCache.get(raw) ?? null;
	const parsed = openingBalancesSchema.safeParse(raw);
	const opening = parsed.success ? parsed.data : null;
	parsedCache.set(raw, opening);
	return opening;
}

/**
 * The opening balances a ledger doc carries for the close of `closedMonth`. Each close is its
 * own entry (keyed by month and stamp), so a garbage or concurrent write cannot clobber a good
 * one; when two admins closed concurrently, the later stamp wins on every device.
 */
export function readOpening(ledger: Y.Doc, closedMonth: string): OpeningRead {
	if (!ledger.share.has('opening')) return { opening: null, invalid: 0 };
	let best: OpeningBalances | null = null;
	let invalid = 0;
	for (const raw of openingMap(ledger).values()) {
		const opening = parseOpening(raw);
		if (!opening) invalid++;
		else if (opening.closedMonth === closedMonth && (!best || opening.closedAt > best.closedAt))
			best = opening;
	}
	return { opening: best, invalid };
}

/** Call inside a transaction on the ledger of the month after `opening.closedMonth`. */
export function writeOpening(ledger: Y.Doc, opening: OpeningBalances): void {
	openingMap(ledger).set(`${opening.closedMonth}@${opening.closedAt}`, opening);
}

export function encodeLedgerState(ledger: Y.Doc): string {
	return toBase64(Y.encodeStateVector(ledger));
}

/**
 * Movements that reached a closed month's ledger after it was closed (an offline device
 * posting across the close): they are not in the opening and must be carried forward.
 */
export function lateMovements(ledger: Y.Doc, opening: OpeningBalances): Movement[] {
	let sv: Uint8Array;
	try {
		sv = fromBase64(opening.stateVector);
	} catch {
		return [];
	}
	const out: Movement[] = [];
	for (const value of valuesAppendedSince(ledger, sv).values) {
		const parsed = storedMovementSchema.safeParse(value);
		if (parsed.success) out.push(parsed.data);
	}
	return out;
}

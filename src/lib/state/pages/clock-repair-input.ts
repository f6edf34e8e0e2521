// Plain helpers of the clock page's repair (no runes): the datetime-local value of a time, and
// every movement of the open ledgers by id.

import type * as Y from 'yjs';
import type { Movement } from '../../domain/ledger/movement';
import { readMovements } from '../../doc/ledger-doc';

/** "YYYY-MM-DDTHH:mm" in local time, as a datetime-local input shows it. */
export function toLocalInput(ms: number): string {
	const d = new Date(ms);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A datetime-local value as ms (local time), NaN when empty or malformed. */
export function fromLocalInput(value: string): number {
	return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? new Date(value).getTime() : Number.NaN;
}

/** Every movement of these ledgers by id (the first copy of an id carried into two months). */
export function movementsById(ledgers: readonly Y.Doc[]): Map<string, Movement> {
	const out = new Map<string, Movement>();
	for (const doc of ledgers)
		for (const m of readMovements(doc).movements) if (!out.has(m.id)) out.set(m.id, m);
	return out;
}

// Bookkeeping of local changes the relay has not confirmed yet. After each local command
// transaction we note `{doc, clientID, clock}` (the doc's own clock after the transaction); the
// entry is confirmed once the relay's state vector for that doc has clientID at ≥ clock. The
// clientID stays valid across reloads: y-indexeddb restores the structs under it, and the
// relay receives them under it.

import { z } from 'zod';

export interface PendingEntry {
	doc: string;
	clientID: number;
	clock: number;
}

const entrySchema = z.object({
	doc: z.string().min(1).max(64),
	clientID: z.number().int().nonnegative(),
	clock: z.number().int().nonnegative()
});

export function isConfirmed(entry: PendingEntry, serverSV: ReadonlyMap<number, number>): boolean {
	return (serverSV.get(entry.clientID) ?? 0) >= entry.clock;
}

/** Entries of `doc` (or of every doc when omitted) that `serverSV` does not cover yet. */
export function countUnconfirmed(
	entries: readonly PendingEntry[],
	serverSV: ReadonlyMap<number, number>,
	doc?: string
): number {
	let n = 0;
	for (const e of entries)
		if ((doc === undefined || e.doc === doc) && !isConfirmed(e, serverSV)) n++;
	return n;
}

/** Drops the entries of `doc` that the relay's state vector confirms. */
export function confirmEntries(
	entries: readonly PendingEntry[],
	doc: string,
	serverSV: ReadonlyMap<number, number>
): { remaining: PendingEntry[]; confirmed: number } {
	const remaining = entries.filter((e) => e.doc !== doc || !isConfirmed(e, serverSV));
	return { remaining, confirmed: entries.length - remaining.length };
}

export function serializePending(entries: readonly PendingEntry[]): string {
	return JSON.stringify(entries);
}

/** Parses stored entries; anything malformed is dropped (the count may under-report, never block). */
export function parsePending(text: string | null): PendingEntry[] {
	if (text === null) return [];
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return [];
	}
	if (!Array.isArray(raw)) return [];
	const entries: PendingEntry[] = [];
	for (const value of raw) {
		const parsed = entrySchema.safeParse(value);
		if (parsed.success) entries.push(parsed.data);
	}
	return entries;
}

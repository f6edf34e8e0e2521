// Every stamped entry of a workspace's open docs, for the clock page (domain/clock/flagged.ts):
// movements of the open ledgers, counted lines and count events, the events of every order
// kind (sales, purchase, work orders, transfers, RFQs, requisitions) and the audit trail.

import * as Y from 'yjs';
import type { StampedEntry } from '../domain/clock/flagged';
import type { Stamp } from '../domain/clock/hlc';
import { entryStamp } from '../domain/clock/stamp-trust';
import { readAudit } from './audit-doc';
import { readCountSessions } from './counts-doc';
import { readMovements } from './ledger-doc';

export interface StampedDocs {
	ledgers: readonly Y.Doc[];
	counts: Y.Doc;
	orders: Y.Doc;
	catalog: Y.Doc;
}

export function* stampedEntries(docs: StampedDocs): Generator<StampedEntry> {
	for (const ledger of docs.ledgers)
		for (const m of readMovements(ledger).movements)
			yield {
				kind: 'movement',
				id: m.id,
				at: m.at,
				ref: m.ref ?? '',
				user: m.user,
				itemId: m.itemId
			};
	for (const s of readCountSessions(docs.counts).sessions) {
		for (const l of s.lines)
			yield {
				kind: 'count-line',
				id: l.id,
				at: l.at,
				ref: s.number,
				user: l.by,
				itemId: l.itemId
			};
		for (const e of s.events)
			yield { kind: 'event', id: `${s.id}:${e.type}`, at: e.at, ref: s.number, user: e.by };
	}
	yield* orderEvents(docs.orders);
	for (const a of readAudit(docs.catalog).entries)
		yield { kind: 'audit', id: a.id, at: a.at, ref: a.recordId, user: a.user };
}

/** The orders doc's collections whose records carry an `events` log (see docs/DATA-MODEL.md). */
const ORDER_COLLECTIONS = [
	'salesOrders',
	'transfers',
	'purchaseOrders',
	'workOrders',
	'rfqs',
	'requisitions'
] as const;

/** Events of every record of every order collection, read without parsing their kind. */
function* orderEvents(doc: Y.Doc): Generator<StampedEntry> {
	for (const collection of ORDER_COLLECTIONS) {
		for (const [id, record] of doc.getMap<unknown>(collection)) {
			if (!(record instanceof Y.Map)) continue;
			const events: unknown = record.get('events');
			if (!(events instanceof Y.Array)) continue;
			const number: unknown = record.get('number');
			const ref = typeof number === 'string' ? number : id;
			const list: unknown[] = events.toArray();
			for (let i = 0; i < list.length; i++) {
				const value = list[i];
				const at = entryStamp(value);
				if (at === null) continue;
				const by: unknown = (value as { by?: unknown }).by;
				yield { kind: 'event', id: `${id}:${i}`, at, ref, user: typeof by === 'string' ? by : '' };
			}
		}
	}
}

/**
 * The stamps of one record's event log (a sales / purchase / work order or a transfer: its
 * `events` array), read without parsing the events: an event this app cannot fold still sorts.
 */
export function recordEventStamps(record: unknown): Stamp[] {
	if (!(record instanceof Y.Map)) return [];
	const events: unknown = record.get('events');
	if (!(events instanceof Y.Array)) return [];
	const out: Stamp[] = [];
	for (const value of events.toArray() as unknown[]) {
		const at = entryStamp(value);
		if (at !== null) out.push(at);
	}
	return out;
}

// Requests for quotation in the `orders` doc: `rfqs` is `Y.Map<rfqId, Y.Map>` holding the
// header fields, `lines` (`Y.Array` of plain objects, written once with the request) and
// `events` (`Y.Array` of plain immutable objects, append-only). Everything read is parsed;
// bad entries are skipped and counted, events of a newer app are kept and not folded.

import * as Y from 'yjs';
import { nestedArray } from './nested';
import { classifyEvent, type UnknownEvent } from '../domain/events/unknown-event';
import {
	RFQ_EVENT_TYPES,
	parseRfqEvent,
	rfqHeaderSchema,
	rfqLineSchema,
	type Rfq,
	type RfqEvent,
	type RfqHeader,
	type RfqLine
} from '../domain/purchasing/rfq';

export const RFQS = 'rfqs';

export function rfqsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(RFQS);
}

function parseRfqMap(id: string, map: Y.Map<unknown>): { rfq: Rfq | null; invalid: number } {
	const fields: Record<string, unknown> = { id };
	for (const key of Object.keys(rfqHeaderSchema.shape))
		if (key !== 'id') fields[key] = map.get(key);
	const header = rfqHeaderSchema.safeParse(fields);
	if (!header.success) return { rfq: null, invalid: 1 };
	let invalid = 0;
	const lines: RfqLine[] = [];
	const lineArray = map.get('lines');
	if (lineArray instanceof Y.Array)
		for (const entry of lineArray.toArray()) {
			const parsed = rfqLineSchema.safeParse(entry);
			if (parsed.success) lines.push(parsed.data);
			else invalid++;
		}
	const events: RfqEvent[] = [];
	const unknownEvents: UnknownEvent[] = [];
	const seen = new Set<string>();
	const eventArray = map.get('events');
	if (eventArray instanceof Y.Array)
		for (const entry of eventArray.toArray()) {
			const c = classifyEvent(entry, {
				knownTypes: RFQ_EVENT_TYPES,
				parse: parseRfqEvent,
				idRequired: true
			});
			if (c.kind === 'malformed') invalid++;
			else if (!seen.has(c.event.id ?? '')) {
				seen.add(c.event.id ?? '');
				if (c.kind === 'known') events.push(c.event);
				else unknownEvents.push(c.event);
			}
		}
	return { rfq: { ...header.data, lines, events, unknownEvents }, invalid };
}

/** Every valid request, newest first. */
export function readRfqs(doc: Y.Doc): { rfqs: Rfq[]; invalid: number } {
	const rfqs: Rfq[] = [];
	let invalid = 0;
	for (const [id, entry] of rfqsMap(doc).entries()) {
		if (!(entry instanceof Y.Map)) {
			invalid++;
			continue;
		}
		const r = parseRfqMap(id, entry);
		invalid += r.invalid;
		if (r.rfq) rfqs.push(r.rfq);
	}
	rfqs.sort((a, b) =>
		a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id < b.id ? -1 : 1
	);
	return { rfqs, invalid };
}

/** Creates the request map with header, lines and an empty event log. Inside a transaction. */
export function writeNewRfq(doc: Y.Doc, header: RfqHeader, lines: readonly RfqLine[]): void {
	const map = new Y.Map<unknown>();
	rfqsMap(doc).set(header.id, map);
	for (const [k, v] of Object.entries(header)) if (k !== 'id') map.set(k, v);
	const array = new Y.Array<unknown>();
	array.push(lines.map((l) => ({ ...l })));
	map.set('lines', array);
	map.set('events', new Y.Array<unknown>());
}

export function appendRfqEvent(doc: Y.Doc, rfqId: string, event: RfqEvent): boolean {
	const map = rfqsMap(doc).get(rfqId);
	if (!(map instanceof Y.Map)) return false;
	nestedArray(map, 'events').push([JSON.parse(JSON.stringify(event)) as unknown]);
	return true;
}

// The `counts` doc: stocktake sessions. `sessions` is a `Y.Map<id, Y.Map>`; each session map
// holds its header fields as plain values plus two append-only arrays, `events` (status
// history) and `lines` (counted quantities). Reads parse everything with zod; an entry that
// fails is skipped and counted (a peer may have written anything).

import * as Y from 'yjs';
import { classifyEvent, type UnknownEvent } from '../domain/events/unknown-event';
import {
	COUNT_EVENT_TYPES,
	buildSession,
	countEventSchema,
	countHeaderSchema,
	countLineSchema,
	type CountEvent,
	type CountHeader,
	type CountLine,
	type CountSession
} from '../domain/stocktake/session';

const HEADER_FIELDS = [
	'number',
	'warehouseId',
	'kind',
	'blind',
	'scopeLocationIds',
	'scopeItemIds',
	'note'
] as const;

export function sessionsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>('sessions');
}

/** Creates a session with its first event. Call inside a transaction. */
export function writeNewSession(doc: Y.Doc, header: CountHeader, opened: CountEvent): void {
	const session = new Y.Map<unknown>();
	for (const field of HEADER_FIELDS) {
		const value = header[field];
		session.set(field, Array.isArray(value) ? [...value] : value);
	}
	const events = new Y.Array<unknown>();
	events.push([{ ...opened }]);
	session.set('events', events);
	session.set('lines', new Y.Array<unknown>());
	sessionsMap(doc).set(header.id, session);
}

function sessionYMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const value = sessionsMap(doc).get(id);
	return value instanceof Y.Map ? value : null;
}

function arrayOf(session: Y.Map<unknown>, key: 'events' | 'lines'): Y.Array<unknown> | null {
	const value = session.get(key);
	return value instanceof Y.Array ? value : null;
}

/** Appends a status event; false when the session is missing. Call inside a transaction. */
export function appendCountEvent(doc: Y.Doc, sessionId: string, event: CountEvent): boolean {
	const session = sessionYMap(doc, sessionId);
	const events = session && arrayOf(session, 'events');
	if (!events) return false;
	events.push([{ ...event }]);
	return true;
}

/** Appends counted lines; false when the session is missing. Call inside a transaction. */
export function appendCountLines(
	doc: Y.Doc,
	sessionId: string,
	lines: readonly CountLine[]
): boolean {
	const session = sessionYMap(doc, sessionId);
	const array = session && arrayOf(session, 'lines');
	if (!array) return false;
	if (lines.length > 0) array.push(lines.map((l) => ({ ...l })));
	return true;
}

// Status events carry no id. Types from a newer app are kept and listed apart (unknown-event.ts).
const COUNT_EVENTS = {
	knownTypes: COUNT_EVENT_TYPES,
	parse: (raw: unknown): CountEvent | null => {
		const parsed = countEventSchema.safeParse(raw);
		return parsed.success ? parsed.data : null;
	},
	idRequired: false
};

function parseSession(
	id: string,
	map: Y.Map<unknown>
): { session: CountSession | null; invalid: number } {
	const raw: Record<string, unknown> = { id };
	for (const field of HEADER_FIELDS) raw[field] = map.get(field);
	const header = countHeaderSchema.safeParse(raw);
	if (!header.success) return { session: null, invalid: 1 };
	let invalid = 0;
	const events: CountEvent[] = [];
	const unknownEvents: UnknownEvent[] = [];
	for (const value of arrayOf(map, 'events') ?? []) {
		const c = classifyEvent(value, COUNT_EVENTS);
		if (c.kind === 'known') events.push(c.event);
		else if (c.kind === 'unknown') unknownEvents.push(c.event);
		else invalid++;
	}
	const lines: CountLine[] = [];
	for (const value of arrayOf(map, 'lines') ?? []) {
		const parsed = countLineSchema.safeParse(value);
		if (parsed.success) lines.push(parsed.data);
		else invalid++;
	}
	if (events.length === 0) return { session: null, invalid: invalid + 1 };
	return { session: { ...buildSession(header.data, events, lines), unknownEvents }, invalid };
}

/** Every valid session, newest first (by the `opened` stamp). */
export function readCountSessions(doc: Y.Doc): { sessions: CountSession[]; invalid: number } {
	const sessions: CountSession[] = [];
	let invalid = 0;
	if (!doc.share.has('sessions')) return { sessions, invalid };
	for (const [id, value] of sessionsMap(doc)) {
		if (!(value instanceof Y.Map)) {
			invalid++;
			continue;
		}
		const r = parseSession(id, value);
		invalid += r.invalid;
		if (r.session) sessions.push(r.session);
	}
	sessions.sort((a, b) => (a.openedAt > b.openedAt ? -1 : a.openedAt < b.openedAt ? 1 : 0));
	return { sessions, invalid };
}

export function readCountSession(doc: Y.Doc, id: string): CountSession | null {
	if (!doc.share.has('sessions')) return null;
	const map = sessionYMap(doc, id);
	return map ? parseSession(id, map).session : null;
}

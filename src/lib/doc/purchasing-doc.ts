// Purchase orders and requisitions in the `orders` doc. `purchaseOrders` is
// `Y.Map<poId, Y.Map>` shaped like `salesOrders`: header fields, `lines` (`Y.Array<Y.Map>`) and
// `events` (`Y.Array` of plain immutable objects, append-only; status is folded from it).
// `requisitions` is `Y.Map<id, Y.Map>`: the requisition's fields plus its own `events` array.
// Everything read is parsed; bad entries are skipped and counted.

import * as Y from 'yjs';
import { nestedArray, replaceLines } from './nested';
import { classifyEvent, type UnknownEvent } from '../domain/events/unknown-event';
import {
	PO_EVENT_TYPES,
	parsePoEvent,
	poHeaderSchema,
	poLineSchema,
	type PoEvent,
	type PoHeader,
	type PoLine,
	type PurchaseOrder
} from '../domain/purchasing/purchase-order';
import {
	REQUISITION_EVENT_TYPES,
	parseRequisitionEvent,
	requisitionSchema,
	type Requisition,
	type RequisitionEvent
} from '../domain/purchasing/requisition';

export const PURCHASE_ORDERS = 'purchaseOrders';
export const REQUISITIONS = 'requisitions';

export function purchaseOrdersMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(PURCHASE_ORDERS);
}

export function requisitionsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(REQUISITIONS);
}

interface EventsRead<E> {
	events: E[];
	unknownEvents: UnknownEvent[];
	invalid: number;
}

function readEvents<E extends { id: string }>(
	array: unknown,
	knownTypes: readonly string[],
	parse: (raw: unknown) => E | null
): EventsRead<E> {
	const read: EventsRead<E> = { events: [], unknownEvents: [], invalid: 0 };
	if (!(array instanceof Y.Array)) return read;
	const seen = new Set<string>();
	for (const entry of array.toArray()) {
		const c = classifyEvent(entry, { knownTypes, parse, idRequired: true });
		if (c.kind === 'malformed') read.invalid++;
		else if (!seen.has(c.event.id ?? '')) {
			seen.add(c.event.id ?? '');
			if (c.kind === 'known') read.events.push(c.event);
			else read.unknownEvents.push(c.event);
		}
	}
	return read;
}

function parsePoMap(
	id: string,
	map: Y.Map<unknown>
): { po: PurchaseOrder | null; invalid: number } {
	const fields: Record<string, unknown> = { id };
	for (const key of Object.keys(poHeaderSchema.shape)) if (key !== 'id') fields[key] = map.get(key);
	const header = poHeaderSchema.safeParse(fields);
	if (!header.success) return { po: null, invalid: 1 };
	const lines: PoLine[] = [];
	let invalid = 0;
	const array = map.get('lines');
	if (array instanceof Y.Array)
		for (const entry of array.toArray()) {
			const parsed = poLineSchema.safeParse(entry instanceof Y.Map ? entry.toJSON() : entry);
			if (parsed.success) lines.push(parsed.data);
			else invalid++;
		}
	const events = readEvents<PoEvent>(map.get('events'), PO_EVENT_TYPES, parsePoEvent);
	return {
		po: { ...header.data, lines, events: events.events, unknownEvents: events.unknownEvents },
		invalid: invalid + events.invalid
	};
}

type Parsed = ReturnType<typeof parsePoMap>;
/**
 * Each PO map's parse, dropped when anything inside the map changes: a year of POs is read
 * on every change of the orders doc, and almost none of them changed.
 */
const parsed = new WeakMap<Y.Map<unknown>, Parsed>();

function cachedParse(id: string, map: Y.Map<unknown>): Parsed {
	const hit = parsed.get(map);
	if (hit) return hit;
	const r = parsePoMap(id, map);
	parsed.set(map, r);
	const drop = (): void => {
		parsed.delete(map);
		map.unobserveDeep(drop);
	};
	map.observeDeep(drop);
	return r;
}

/** The PO maps whose parse is not cached yet (all of them on a first read of the doc). */
export function unparsedPurchaseOrders(doc: Y.Doc): [string, Y.Map<unknown>][] {
	const out: [string, Y.Map<unknown>][] = [];
	for (const [id, entry] of purchaseOrdersMap(doc).entries())
		if (entry instanceof Y.Map && !parsed.has(entry)) out.push([id, entry]);
	return out;
}

/** One PO map, parsed into the cache readPurchaseOrders reads (null when invalid). */
export function parsePurchaseOrderMap(id: string, map: Y.Map<unknown>): PurchaseOrder | null {
	return cachedParse(id, map).po;
}

export interface PurchaseOrdersRead {
	orders: PurchaseOrder[];
	invalid: number;
}

/** Every valid PO, sorted by creation stamp then id. */
export function readPurchaseOrders(doc: Y.Doc): PurchaseOrdersRead {
	const orders: PurchaseOrder[] = [];
	let invalid = 0;
	for (const [id, entry] of purchaseOrdersMap(doc).entries()) {
		if (!(entry instanceof Y.Map)) {
			invalid++;
			continue;
		}
		const r = cachedParse(id, entry);
		invalid += r.invalid;
		if (r.po) orders.push(r.po);
	}
	orders.sort((a, b) =>
		a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1
	);
	return { orders, invalid };
}

export function purchaseOrderMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const entry = purchaseOrdersMap(doc).get(id);
	return entry instanceof Y.Map ? entry : null;
}

/** Creates the PO map with header, lines and an empty event log. Inside a transaction. */
export function writeNewPurchaseOrder(
	doc: Y.Doc,
	header: PoHeader,
	lines: readonly PoLine[]
): void {
	const map = new Y.Map<unknown>();
	purchaseOrdersMap(doc).set(header.id, map);
	for (const [k, v] of Object.entries(header)) if (k !== 'id') map.set(k, v);
	map.set('lines', new Y.Array<unknown>());
	map.set('events', new Y.Array<unknown>());
	replaceLines(map, lines);
}

/** Draft edits: changed header fields and lines (by id). The command checks the status. */
export function writePurchaseOrderDraft(
	map: Y.Map<unknown>,
	fields: Partial<Omit<PoHeader, 'id'>>,
	lines: readonly PoLine[]
): void {
	for (const [k, v] of Object.entries(fields))
		if (v !== undefined && map.get(k) !== v) map.set(k, v);
	replaceLines(map, lines);
}

export function appendPoEvent(map: Y.Map<unknown>, event: PoEvent): void {
	nestedArray(map, 'events').push([JSON.parse(JSON.stringify(event)) as unknown]);
}

export interface RequisitionRecord extends Requisition {
	events: RequisitionEvent[];
}

export function readRequisitions(doc: Y.Doc): {
	requisitions: RequisitionRecord[];
	invalid: number;
} {
	const requisitions: RequisitionRecord[] = [];
	let invalid = 0;
	for (const [id, entry] of requisitionsMap(doc).entries()) {
		if (!(entry instanceof Y.Map)) {
			invalid++;
			continue;
		}
		const fields: Record<string, unknown> = { id };
		for (const [k, v] of entry.entries()) if (k !== 'events') fields[k] = v;
		const parsed = requisitionSchema.safeParse(fields);
		if (!parsed.success) {
			invalid++;
			continue;
		}
		const events = readEvents<RequisitionEvent>(
			entry.get('events'),
			REQUISITION_EVENT_TYPES,
			parseRequisitionEvent
		);
		invalid += events.invalid;
		requisitions.push({ ...parsed.data, events: events.events });
	}
	// In the order they were raised: a batch shares one stamp, so its numbers (sequential in the
	// order the lines were given) decide, and the random id only between two devices' equal ones.
	requisitions.sort(
		(a, b) =>
			compareText(a.createdAt, b.createdAt) ||
			compareText(a.number, b.number) ||
			compareText(a.id, b.id)
	);
	return { requisitions, invalid };
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function writeNewRequisition(doc: Y.Doc, requisition: Requisition): void {
	const map = new Y.Map<unknown>();
	requisitionsMap(doc).set(requisition.id, map);
	for (const [k, v] of Object.entries(requisition)) if (k !== 'id') map.set(k, v);
	map.set('events', new Y.Array<unknown>());
}

export function appendRequisitionEvent(
	doc: Y.Doc,
	requisitionId: string,
	event: RequisitionEvent
): boolean {
	const map = requisitionsMap(doc).get(requisitionId);
	if (!(map instanceof Y.Map)) return false;
	nestedArray(map, 'events').push([JSON.parse(JSON.stringify(event)) as unknown]);
	return true;
}

export function observePurchasing(doc: Y.Doc, onChange: () => void): () => void {
	const maps = [purchaseOrdersMap(doc), requisitionsMap(doc)];
	const handler = (): void => onChange();
	for (const m of maps) m.observeDeep(handler);
	return () => {
		for (const m of maps) m.unobserveDeep(handler);
	};
}

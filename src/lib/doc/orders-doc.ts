// Sales orders in the `orders` doc: `salesOrders` is `Y.Map<orderId, Y.Map>`; each order map
// holds its header fields, `lines` (`Y.Array<Y.Map>`, one map per line so concurrent edits of
// different lines or fields merge) and `events` (`Y.Array` of plain, immutable objects —
// append-only; status is folded from it). Everything read is parsed; bad entries are skipped
// and counted.

import * as Y from 'yjs';
import { nestedArray, replaceLines } from './nested';
import type { UnknownEvent } from '../domain/events/unknown-event';
import { classifyEvent } from '../domain/events/unknown-event';
import {
	ORDER_EVENT_TYPES,
	orderHeaderSchema,
	orderLineSchema,
	parseOrderEvent,
	type Order,
	type OrderEvent,
	type OrderHeader,
	type OrderLine
} from '../domain/orders/order';
import { SCHEMA_VERSION, assertWritableSchema } from './schema';

export const SALES_ORDERS = 'salesOrders';

export function salesOrdersMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(SALES_ORDERS);
}

/** Stamps `meta.schemaVersion` when absent (inside the writing transaction). */
export function ensureOrdersSchema(doc: Y.Doc): void {
	assertWritableSchema(doc, 'orders');
	const meta = doc.getMap<unknown>('meta');
	if (!meta.has('schemaVersion')) meta.set('schemaVersion', SCHEMA_VERSION);
}

export interface OrdersRead {
	orders: Order[];
	/** Orders, lines and events skipped because they failed to parse. */
	invalid: number;
	/** Events of types from a newer app, over all orders (kept in the doc, not folded). */
	unknownEvents: number;
}

function readLines(array: unknown): { lines: OrderLine[]; invalid: number } {
	const lines: OrderLine[] = [];
	let invalid = 0;
	if (!(array instanceof Y.Array)) return { lines, invalid: 0 };
	for (const entry of array.toArray()) {
		const parsed = orderLineSchema.safeParse(entry instanceof Y.Map ? entry.toJSON() : entry);
		if (parsed.success) lines.push(parsed.data);
		else invalid++;
	}
	return { lines, invalid };
}

interface EventsRead {
	events: OrderEvent[];
	unknownEvents: UnknownEvent[];
	invalid: number;
}

const ORDER_EVENTS = { knownTypes: ORDER_EVENT_TYPES, parse: parseOrderEvent, idRequired: true };

function readEvents(array: unknown): EventsRead {
	const read: EventsRead = { events: [], unknownEvents: [], invalid: 0 };
	if (!(array instanceof Y.Array)) return read;
	const seen = new Set<string>();
	for (const entry of array.toArray()) {
		const c = classifyEvent(entry, ORDER_EVENTS);
		if (c.kind === 'malformed') read.invalid++;
		else if (!seen.has(c.event.id ?? '')) {
			seen.add(c.event.id ?? '');
			if (c.kind === 'known') read.events.push(c.event);
			else read.unknownEvents.push(c.event);
		}
	}
	return read;
}

export function readOrder(doc: Y.Doc, id: string): Order | null {
	const entry = salesOrdersMap(doc).get(id);
	return entry instanceof Y.Map ? parseOrderMap(id, entry).order : null;
}

function parseOrderMap(id: string, map: Y.Map<unknown>): { order: Order | null; invalid: number } {
	const header = orderHeaderSchema.safeParse({
		id,
		number: map.get('number'),
		customerId: map.get('customerId'),
		warehouseId: map.get('warehouseId'),
		requestedDate: map.get('requestedDate'),
		notes: map.get('notes'),
		createdAt: map.get('createdAt'),
		createdBy: map.get('createdBy')
	});
	if (!header.success) return { order: null, invalid: 1 };
	const { lines, invalid: badLines } = readLines(map.get('lines'));
	const { events, unknownEvents, invalid: badEvents } = readEvents(map.get('events'));
	return { order: { ...header.data, lines, events, unknownEvents }, invalid: badLines + badEvents };
}

/** One order's number (for labels such as who is looking at it); undefined when unknown. */
export function orderNumberOf(doc: Y.Doc, orderId: string): string | undefined {
	const entry = salesOrdersMap(doc).get(orderId);
	if (!(entry instanceof Y.Map)) return undefined;
	const parsed = orderHeaderSchema.shape.number.safeParse(entry.get('number'));
	return parsed.success ? parsed.data : undefined;
}

/** Every valid order, sorted by creation stamp then id. */
export function readOrders(doc: Y.Doc): OrdersRead {
	const orders: Order[] = [];
	let invalid = 0;
	let unknownEvents = 0;
	for (const [id, entry] of salesOrdersMap(doc).entries()) {
		if (!(entry instanceof Y.Map)) {
			invalid++;
			continue;
		}
		const r = parseOrderMap(id, entry);
		invalid += r.invalid;
		if (r.order) orders.push(r.order);
		unknownEvents += r.order?.unknownEvents?.length ?? 0;
	}
	orders.sort((a, b) =>
		a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1
	);
	return { orders, invalid, unknownEvents };
}

/** The order's Y.Map, or null. Commands use it to write inside their transaction. */
export function orderMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const entry = salesOrdersMap(doc).get(id);
	return entry instanceof Y.Map ? entry : null;
}

/** Creates the order map with its header, lines and an empty event log. Inside a transaction. */
export function writeNewOrder(doc: Y.Doc, header: OrderHeader, lines: readonly OrderLine[]): void {
	const map = new Y.Map<unknown>();
	salesOrdersMap(doc).set(header.id, map);
	for (const [k, v] of Object.entries(header)) if (k !== 'id') map.set(k, v);
	map.set('lines', new Y.Array<unknown>());
	map.set('events', new Y.Array<unknown>());
	replaceLines(map, lines);
}

/** Header fields that changed are set; unchanged ones are left alone (merge-friendly). */
export function writeHeader(map: Y.Map<unknown>, fields: Partial<Omit<OrderHeader, 'id'>>): void {
	for (const [k, v] of Object.entries(fields))
		if (v !== undefined && map.get(k) !== v) map.set(k, v);
}

/** Appends one immutable event. Inside a transaction. */
export function appendOrderEvent(map: Y.Map<unknown>, event: OrderEvent): void {
	nestedArray(map, 'events').push([{ ...event, payload: { ...event.payload } }]);
}

export function observeOrders(doc: Y.Doc, onChange: () => void): () => void {
	const map = salesOrdersMap(doc);
	const handler = (): void => onChange();
	map.observeDeep(handler);
	return () => map.unobserveDeep(handler);
}

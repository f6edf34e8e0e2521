// Work orders in the `orders` doc: `workOrders` is `Y.Map<id, Y.Map>` like `salesOrders`; each
// holds its header fields (the BOM snapshot `materials` and `steps` as plain arrays, written
// once) and `events`, an append-only `Y.Array` of plain objects that status is folded from.

import * as Y from 'yjs';
import { nestedArray } from './nested';
import { classifyEvent, type UnknownEvent } from '../domain/events/unknown-event';
import {
	parseWoEvent,
	WO_EVENT_TYPES,
	workOrderSchema,
	type WoEvent,
	type WorkOrder,
	type WorkOrderHeader
} from '../domain/production/work-order';

export const WORK_ORDERS = 'workOrders';

export function workOrdersMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(WORK_ORDERS);
}

const WO_EVENTS = { knownTypes: WO_EVENT_TYPES, parse: parseWoEvent, idRequired: true };

function readEvents(array: unknown): {
	events: WoEvent[];
	unknown: UnknownEvent[];
	invalid: number;
} {
	const out = { events: [] as WoEvent[], unknown: [] as UnknownEvent[], invalid: 0 };
	if (!(array instanceof Y.Array)) return out;
	const seen = new Set<string>();
	for (const entry of array.toArray()) {
		const c = classifyEvent(entry, WO_EVENTS);
		if (c.kind === 'malformed') out.invalid++;
		else if (!seen.has(c.event.id ?? '')) {
			seen.add(c.event.id ?? '');
			if (c.kind === 'known') out.events.push(c.event);
			else out.unknown.push(c.event);
		}
	}
	return out;
}

function parseWorkOrder(
	id: string,
	map: Y.Map<unknown>
): { order: WorkOrder | null; invalid: number } {
	const fields: Record<string, unknown> = {};
	for (const [k, v] of map.entries()) if (k !== 'events') fields[k] = v;
	const header = workOrderSchema.safeParse({ ...fields, id });
	if (!header.success) return { order: null, invalid: 1 };
	const { events, unknown, invalid } = readEvents(map.get('events'));
	return {
		order: { ...header.data, events, ...(unknown.length > 0 ? { unknownEvents: unknown } : {}) },
		invalid
	};
}

export interface WorkOrdersRead {
	orders: WorkOrder[];
	invalid: number;
}

/** Every valid work order, sorted by creation stamp then id. */
export function readWorkOrders(doc: Y.Doc): WorkOrdersRead {
	const orders: WorkOrder[] = [];
	let invalid = 0;
	for (const [id, entry] of workOrdersMap(doc).entries()) {
		if (!(entry instanceof Y.Map)) {
			invalid++;
			continue;
		}
		const r = parseWorkOrder(id, entry);
		invalid += r.invalid;
		if (r.order) orders.push(r.order);
	}
	orders.sort((a, b) =>
		a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1
	);
	return { orders, invalid };
}

/** Creates the work order map with its header and an empty log. Inside a transaction. */
export function writeNewWorkOrder(doc: Y.Doc, header: WorkOrderHeader): void {
	const map = new Y.Map<unknown>();
	workOrdersMap(doc).set(header.id, map);
	for (const [k, v] of Object.entries(header))
		if (k !== 'id') map.set(k, Array.isArray(v) ? v.map((x: object) => ({ ...x })) : v);
	map.set('events', new Y.Array<unknown>());
}

/** Appends one immutable event. Inside a transaction. */
export function appendWoEvent(doc: Y.Doc, woId: string, event: WoEvent): void {
	const map = workOrdersMap(doc).get(woId);
	if (!(map instanceof Y.Map)) throw new Error(`no work order ${woId}`);
	nestedArray(map, 'events').push([{ ...event, payload: structuredClone(event.payload) }]);
}

export function observeWorkOrders(doc: Y.Doc, onChange: () => void): () => void {
	const map = workOrdersMap(doc);
	const handler = (): void => onChange();
	map.observeDeep(handler);
	return () => map.unobserveDeep(handler);
}

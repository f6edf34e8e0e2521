// Transfers between warehouses in the `orders` doc: `transfers` is `Y.Map<transferId, Y.Map>`;
// each transfer map holds its header fields, `lines` (plain planned lines, written once at
// creation) and `events` (`Y.Array` of plain, immutable objects — append-only; the status is
// folded from it). Everything read is parsed; bad entries are skipped and counted.

import * as Y from 'yjs';
import { nestedArray } from './nested';
import { classifyEvent, type UnknownEvent } from '../domain/events/unknown-event';
import {
	TRANSFER_EVENT_TYPES,
	parseTransferEvent,
	plannedLineSchema,
	transferHeaderSchema,
	type PlannedLine,
	type Transfer,
	type TransferEvent,
	type TransferHeader
} from '../domain/transfers/transfer';

export const TRANSFERS = 'transfers';

export function transfersMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(TRANSFERS);
}

export interface TransfersRead {
	transfers: Transfer[];
	/** Transfers, lines and events skipped because they failed to parse. */
	invalid: number;
}

// Events of types from a newer app are kept and listed apart (unknown-event.ts).
const TRANSFER_EVENTS = {
	knownTypes: TRANSFER_EVENT_TYPES,
	parse: parseTransferEvent,
	idRequired: true
};

function parseTransferMap(
	id: string,
	map: Y.Map<unknown>
): { transfer: Transfer | null; invalid: number } {
	const header = transferHeaderSchema.safeParse({
		id,
		number: map.get('number'),
		fromWarehouseId: map.get('fromWarehouseId'),
		toWarehouseId: map.get('toWarehouseId'),
		note: map.get('note'),
		createdAt: map.get('createdAt'),
		createdBy: map.get('createdBy')
	});
	if (!header.success) return { transfer: null, invalid: 1 };
	let invalid = 0;
	const lines: PlannedLine[] = [];
	const rawLines = map.get('lines');
	if (rawLines instanceof Y.Array)
		for (const entry of rawLines.toArray()) {
			const parsed = plannedLineSchema.safeParse(entry);
			if (parsed.success) lines.push(parsed.data);
			else invalid++;
		}
	const events: TransferEvent[] = [];
	const unknownEvents: UnknownEvent[] = [];
	const seen = new Set<string>();
	const rawEvents = map.get('events');
	if (rawEvents instanceof Y.Array)
		for (const entry of rawEvents.toArray()) {
			const c = classifyEvent(entry, TRANSFER_EVENTS);
			if (c.kind === 'malformed') invalid++;
			else if (!seen.has(c.event.id ?? '')) {
				seen.add(c.event.id ?? '');
				if (c.kind === 'known') events.push(c.event);
				else unknownEvents.push(c.event);
			}
		}
	return { transfer: { ...header.data, lines, events, unknownEvents }, invalid };
}

export function readTransfer(doc: Y.Doc, id: string): Transfer | null {
	const entry = transfersMap(doc).get(id);
	return entry instanceof Y.Map ? parseTransferMap(id, entry).transfer : null;
}

/** Every valid transfer, newest first (creation stamp, then id). */
export function readTransfers(doc: Y.Doc): TransfersRead {
	const transfers: Transfer[] = [];
	let invalid = 0;
	for (const [id, entry] of transfersMap(doc).entries()) {
		if (!(entry instanceof Y.Map)) {
			invalid++;
			continue;
		}
		const r = parseTransferMap(id, entry);
		invalid += r.invalid;
		if (r.transfer) transfers.push(r.transfer);
	}
	transfers.sort((a, b) =>
		a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id < b.id ? 1 : -1
	);
	return { transfers, invalid };
}

/** Creates the transfer map with its header, planned lines and an empty log. In a transaction. */
export function writeNewTransfer(
	doc: Y.Doc,
	header: TransferHeader,
	lines: readonly PlannedLine[]
): void {
	const map = new Y.Map<unknown>();
	transfersMap(doc).set(header.id, map);
	for (const [k, v] of Object.entries(header)) if (k !== 'id') map.set(k, v);
	const array = new Y.Array<unknown>();
	array.push(lines.map((l) => ({ ...l })));
	map.set('lines', array);
	map.set('events', new Y.Array<unknown>());
}

/** Appends one immutable event. Inside a transaction. */
export function appendTransferEvent(doc: Y.Doc, transferId: string, event: TransferEvent): void {
	const map = transfersMap(doc).get(transferId);
	if (!(map instanceof Y.Map)) throw new Error(`transfer ${transferId} is not a map`);
	nestedArray(map, 'events').push([JSON.parse(JSON.stringify(event)) as unknown]);
}

// A work order (工單) as stored: a header with a snapshot of the BOM version it was planned
// from (materials per unit, routing steps), and an append-only event log. Status, progress,
// issued material and completion are folded from the events (wo-state-machine.ts).

import { z } from 'zod';
import { isStamp } from '../clock/hlc';
import type { UnknownEvent } from '../events/unknown-event';

const id = z.string().min(1).max(64);
const stamp = z.string().refine(isStamp, 'not a clock stamp');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const qty = z.number().finite().positive();

export const woMaterialSchema = z.object({
	itemId: id,
	/** Per unit of the work order's item, scrap included. */
	qtyPer: qty
});
export type WoMaterial = z.infer<typeof woMaterialSchema>;

export const woStepSchema = z.object({
	id,
	seq: z.number().int().nonnegative(),
	name: z.string().max(100).default(''),
	workCenterId: id,
	minutesPerUnit: z.number().finite().nonnegative()
});
export type WoStep = z.infer<typeof woStepSchema>;

export const WO_SOURCES = ['manual', 'mrp'] as const;

export const workOrderSchema = z.object({
	id,
	number: z.string().min(1).max(40),
	itemId: id,
	qty,
	warehouseId: id,
	/** The BOM version the snapshot was taken from ('' = none). */
	bomId: z.string().max(64).default(''),
	startDate: isoDate,
	dueDate: isoDate,
	source: z.enum(WO_SOURCES).default('manual'),
	materials: z.array(woMaterialSchema).max(500),
	steps: z.array(woStepSchema).max(100).default([]),
	note: z.string().max(500).default(''),
	createdAt: stamp,
	createdBy: z.string().max(128).default('')
});
export type WorkOrderHeader = z.infer<typeof workOrderSchema>;

export const WO_EVENT_TYPES = [
	'release',
	'progress',
	'issue',
	'complete',
	'close',
	'cancel'
] as const;
export type WoEventType = (typeof WO_EVENT_TYPES)[number];

const issuedLines = z.array(z.object({ itemId: id, qty }));

export const WO_EVENT_PAYLOADS = {
	release: z.object({}),
	/** One report from the floor: good and scrapped units through one routing step. */
	progress: z.object({
		stepId: z.string().max(64).default(''),
		good: z.number().finite().nonnegative(),
		scrap: z.number().finite().nonnegative().default(0)
	}),
	/** Material issued to the order (the `issue` movements carry ref = the order's number). */
	issue: z.object({ lines: issuedLines, backflush: z.boolean().default(false) }),
	/** Finished goods received (the `production` movement) and the backflushed material. */
	complete: z.object({
		good: qty,
		lot: z.string().max(64).default(''),
		backflushed: issuedLines.default([])
	}),
	close: z.object({}),
	cancel: z.object({ reason: z.string().max(300).default('') })
} as const satisfies Record<WoEventType, z.ZodType>;

export type WoEventPayload<T extends WoEventType> = z.infer<(typeof WO_EVENT_PAYLOADS)[T]>;

const envelope = { id, at: stamp, by: z.string().max(128), device: z.string().max(64) };
const eventOf = <T extends WoEventType>(type: T) =>
	z.object({ ...envelope, type: z.literal(type), payload: WO_EVENT_PAYLOADS[type] });

export const woEventSchema = z.discriminatedUnion('type', [
	eventOf('release'),
	eventOf('progress'),
	eventOf('issue'),
	eventOf('complete'),
	eventOf('close'),
	eventOf('cancel')
]);
export type WoEvent = z.infer<typeof woEventSchema>;

export function parseWoEvent(raw: unknown): WoEvent | null {
	const parsed = woEventSchema.safeParse(raw);
	return parsed.success ? parsed.data : null;
}

export interface WorkOrder extends WorkOrderHeader {
	events: WoEvent[];
	unknownEvents?: UnknownEvent[];
}

/** WO-<year>-<device tag>-<nnnn>: unique per device without coordination, like order numbers. */
export function nextWorkOrderNumbers(
	existing: readonly string[],
	deviceTag: string,
	year: number,
	count: number
): string[] {
	const prefix = `WO-${year}-${deviceTag}-`;
	let max = 0;
	for (const n of existing)
		if (n.startsWith(prefix)) {
			const k = Number(n.slice(prefix.length));
			if (Number.isInteger(k) && k > max) max = k;
		}
	return Array.from(
		{ length: count },
		(_, i) => `${prefix}${String(max + i + 1).padStart(4, '0')}`
	);
}

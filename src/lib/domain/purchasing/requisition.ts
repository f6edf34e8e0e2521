// Purchase requisitions (請購單): a need for one item in one warehouse by a date, from a
// reorder-point proposal, from planning (MRP) or typed by hand. Status is folded from a small
// event log: open until converted into a purchase order or cancelled; when two devices act on
// one requisition offline the earliest stamp wins and the other is reported as a conflict.

import { z } from 'zod';
import { compareStamps, isStamp } from '../clock/hlc';
import { numberScheme } from '../orders/number';
import { isoDateSchema } from './supplier';

const id = z.string().min(1).max(64);
const stamp = z.string().refine(isStamp, 'not a clock stamp');

export const REQUISITION_SOURCES = ['reorder', 'mrp', 'manual'] as const;
export type RequisitionSource = (typeof REQUISITION_SOURCES)[number];

export const requisitionSchema = z.object({
	id,
	number: z.string().min(1).max(40),
	itemId: id,
	warehouseId: id,
	qty: z.number().finite().positive(),
	needDate: isoDateSchema,
	/** Suggested supplier ('' = none known). */
	supplierId: z.string().max(64).default(''),
	source: z.enum(REQUISITION_SOURCES).default('manual'),
	note: z.string().trim().max(500).default(''),
	createdAt: stamp,
	createdBy: z.string().max(128).default('')
});
export type Requisition = z.infer<typeof requisitionSchema>;

const envelope = { id, at: stamp, by: z.string().max(128), device: z.string().max(64) };
export const requisitionEventSchema = z.discriminatedUnion('type', [
	z.object({
		...envelope,
		type: z.literal('convert'),
		payload: z.object({ poId: id, poNumber: z.string().max(40) })
	}),
	z.object({
		...envelope,
		type: z.literal('cancel'),
		payload: z.object({ reason: z.string().max(300).default('') })
	})
]);
export type RequisitionEvent = z.infer<typeof requisitionEventSchema>;
export const REQUISITION_EVENT_TYPES = ['convert', 'cancel'] as const;

export function parseRequisitionEvent(raw: unknown): RequisitionEvent | null {
	const parsed = requisitionEventSchema.safeParse(raw);
	return parsed.success ? parsed.data : null;
}

export type RequisitionStatus = 'open' | 'converted' | 'cancelled';

export interface RequisitionFold {
	status: RequisitionStatus;
	poId: string | null;
	poNumber: string | null;
	/** Events overruled by an earlier one (a second conversion made a duplicate draft PO). */
	conflicts: RequisitionEvent[];
}

export function foldRequisition(events: readonly RequisitionEvent[]): RequisitionFold {
	const sorted = [...events].sort(
		(a, b) => compareStamps(a.at, b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	const fold: RequisitionFold = { status: 'open', poId: null, poNumber: null, conflicts: [] };
	for (const e of sorted) {
		if (fold.status !== 'open') {
			fold.conflicts.push(e);
			continue;
		}
		if (e.type === 'convert') {
			fold.status = 'converted';
			fold.poId = e.payload.poId;
			fold.poNumber = e.payload.poNumber;
		} else fold.status = 'cancelled';
	}
	return fold;
}

const REQUISITION_NUMBERS = numberScheme('PR');

/** Next free `PR-<year>-<device tag>-<seq>` numbers, `count` of them (a batch of proposals). */
export function nextRequisitionNumbers(
	existing: Iterable<string>,
	tag: string,
	year: number,
	count: number
): string[] {
	return REQUISITION_NUMBERS.next(existing, tag, year, count);
}

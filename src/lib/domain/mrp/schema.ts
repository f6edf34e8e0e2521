// Parsing an MRP problem that came from outside (the CLI's stdin, a file): zod for the shapes and
// defaults, then the cross-references zod cannot see. Every error names the field and the item,
// e.g. `items[2] ("B").leadTime: must be a whole number ≥ 0`.

import { z } from 'zod';
import { InvalidFieldError } from '../errors';
import type { LotSizing, MrpProblem } from './types';

/** Enough for two years of days; a bigger horizon is almost surely a mistake. */
export const MAX_BUCKETS = 1000;

/** "is required" for a missing field, "must be a number" for anything else that is not one. */
const numberError = (issue: { input?: unknown }): string =>
	issue.input === undefined ? 'is required' : 'must be a number';

const qty = z.number({ error: numberError }).min(0, { error: 'must be ≥ 0' });
const positive = z.number({ error: numberError }).positive({ error: 'must be > 0' });
const whole = z
	.number({ error: numberError })
	.int({ error: 'must be a whole number' })
	.min(0, { error: 'must be a whole number ≥ 0' });
const bucket = z
	.number({ error: numberError })
	.int({ error: 'must be a whole bucket number' })
	.min(1, { error: 'buckets are numbered from 1' });
const id = z
	.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
	.min(1, { error: 'must not be empty' });
const ref = z.string({ error: 'must be a string' }).optional();

const lotSizingSchema = z
	.discriminatedUnion(
		'rule',
		[
			z.strictObject({ rule: z.literal('lot-for-lot') }),
			z.strictObject({ rule: z.literal('fixed'), qty: positive }),
			z.strictObject({
				rule: z.literal('min-multiple'),
				min: qty.optional(),
				multiple: positive.optional()
			})
		],
		{ error: 'rule must be lot-for-lot, fixed or min-multiple' }
	)
	.refine((l) => l.rule !== 'min-multiple' || l.min !== undefined || l.multiple !== undefined, {
		error: 'min-multiple needs min, multiple or both'
	})
	.transform((l): LotSizing => {
		if (l.rule !== 'min-multiple') return l;
		return l.multiple === undefined
			? { rule: l.rule, min: l.min ?? 0 }
			: { rule: l.rule, min: l.min ?? 0, multiple: l.multiple };
	});

export const mrpProblemSchema = z.strictObject({
	buckets: z
		.number({ error: numberError })
		.int({ error: 'must be a whole number' })
		.min(1, { error: 'must be at least 1' })
		.max(MAX_BUCKETS, { error: `must be at most ${MAX_BUCKETS}` }),
	items: z.array(
		z.strictObject({
			id,
			onHand: qty,
			safetyStock: qty.default(0),
			leadTime: whole,
			lotSizing: lotSizingSchema.default({ rule: 'lot-for-lot' })
		})
	),
	bom: z
		.array(
			z.strictObject({
				parent: id,
				child: id,
				qtyPer: positive,
				scrapPct: qty.max(99.99, { error: 'must be below 100' }).default(0)
			})
		)
		.default([]),
	demand: z.array(z.strictObject({ itemId: id, bucket, qty, ref })).default([]),
	scheduledReceipts: z.array(z.strictObject({ itemId: id, bucket, qty, ref })).default([])
});

/** Throws InvalidFieldError naming the first bad field (with its item) or unknown item id. */
export function parseMrpProblem(input: unknown): MrpProblem {
	const parsed = mrpProblemSchema.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InvalidFieldError(
			issue ? describePath(input, issue.path) : 'problem',
			issue?.message ?? 'invalid'
		);
	}
	const problem = parsed.data;
	const known = new Set<string>();
	problem.items.forEach((item, i) => {
		if (known.has(item.id)) {
			throw new InvalidFieldError(describePath(input, ['items', i, 'id']), 'duplicate item id');
		}
		known.add(item.id);
	});
	const check = (path: (string | number)[], itemId: string): void => {
		if (!known.has(itemId)) {
			throw new InvalidFieldError(describePath(input, path), `unknown item "${itemId}"`);
		}
	};
	problem.bom.forEach((line, i) => {
		check(['bom', i, 'parent'], line.parent);
		check(['bom', i, 'child'], line.child);
	});
	const inHorizon = (list: 'demand' | 'scheduledReceipts') =>
		problem[list].forEach((entry, i) => {
			check([list, i, 'itemId'], entry.itemId);
			if (entry.bucket > problem.buckets) {
				throw new InvalidFieldError(
					describePath(input, [list, i, 'bucket']),
					`bucket ${entry.bucket} is after the last bucket (${problem.buckets})`
				);
			}
		});
	inHorizon('demand');
	inHorizon('scheduledReceipts');
	return problem;
}

/** `items[2] ("B").leadTime`, `bom[0] ("A" → "B").qtyPer`, `demand[1] (item "C").bucket`. */
function describePath(input: unknown, path: readonly PropertyKey[]): string {
	let text = '';
	let at: unknown = input;
	path.forEach((key, depth) => {
		at = isRecord(at) || Array.isArray(at) ? (at as Record<PropertyKey, unknown>)[key] : undefined;
		text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
		if (depth === 1 && typeof key === 'number' && isRecord(at)) text += label(at);
	});
	return text || 'problem';
}

function label(entry: Record<string, unknown>): string {
	const str = (v: unknown): string | undefined =>
		typeof v === 'string' ? JSON.stringify(v) : undefined;
	const itemId = str(entry.id);
	if (itemId) return ` (${itemId})`;
	const parent = str(entry.parent);
	const child = str(entry.child);
	if (parent || child) return ` (${parent ?? '?'} → ${child ?? '?'})`;
	const of = str(entry.itemId);
	return of ? ` (item ${of})` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

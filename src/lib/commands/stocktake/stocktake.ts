// Stocktake commands: open a count, record counted lines, submit and cancel. Each is one
// transaction on the `counts` doc. Approval, which posts the adjustments to the ledgers, is in
// approval.ts. Status checks use this device's merged view; the fold settles races.

import { stampWallMs } from '../../domain/clock/hlc';
import { dayTaggedNumber } from '../../domain/ids';
import { InvalidFieldError } from '../../domain/errors';
import { resolvePlace, resolveTarget } from '../../domain/ledger/validate';
import { parseOrThrow } from '../../domain/parse';
import { CountStatusError } from '../../domain/stocktake/errors';
import {
	acceptsLines,
	countHeaderSchema,
	countLineSchema,
	type CountEventType,
	type CountHeader,
	type CountKind,
	type CountLine,
	type CountSession
} from '../../domain/stocktake/session';
import { appendCountEvent, appendCountLines, writeNewSession } from '../../doc/counts-doc';
import { SCHEMA_VERSION } from '../../doc/schema';
import { catalogIndexOf, requireRecordWriter } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { COUNTS, countEvent, countsDoc, requireSession } from './session';

export interface OpenCountInput {
	warehouseId: string;
	kind: CountKind;
	blind: boolean;
	scopeLocationIds?: string[];
	scopeItemIds?: string[];
	note?: string;
}

function stampMeta(ctx: CommandContext): void {
	const meta = countsDoc(ctx).getMap<unknown>('meta');
	if (!meta.has('schemaVersion')) meta.set('schemaVersion', SCHEMA_VERSION);
}

export function openCount(ctx: CommandContext, input: OpenCountInput): CountHeader {
	requireRecordWriter(ctx, COUNTS, 'count');
	const catalog = catalogIndexOf(ctx);
	resolvePlace(catalog, { warehouseId: input.warehouseId });
	for (const locationId of input.scopeLocationIds ?? [])
		resolvePlace(catalog, { warehouseId: input.warehouseId, locationId });
	for (const itemId of input.scopeItemIds ?? [])
		resolveTarget(catalog, { itemId, warehouseId: input.warehouseId });
	if (input.kind === 'cycle' && !input.scopeLocationIds?.length && !input.scopeItemIds?.length)
		throw new InvalidFieldError('scope', 'a cycle count needs bins or items');
	const opened = countEvent(ctx, 'opened');
	const id = ctx.ids.next();
	const header = parseOrThrow(countHeaderSchema, {
		id,
		number: dayTaggedNumber('CNT', id, stampWallMs(opened.at)),
		warehouseId: input.warehouseId,
		kind: input.kind,
		blind: input.blind,
		scopeLocationIds: input.kind === 'cycle' ? (input.scopeLocationIds ?? []) : [],
		scopeItemIds: input.kind === 'cycle' ? (input.scopeItemIds ?? []) : [],
		note: input.note?.trim() ?? ''
	});
	const doc = countsDoc(ctx);
	doc.transact(
		() => {
			stampMeta(ctx);
			writeNewSession(doc, header, opened);
		},
		commandOrigin(ctx, 'openCount')
	);
	return header;
}

export interface CountLineInput {
	itemId: string;
	/** '' or absent = no bin. */
	locationId?: string;
	lot?: string;
	countedQty: number;
}

/** Records counted quantities, each stamped now: the book is taken at this stamp. */
export function recordCountLines(
	ctx: CommandContext,
	countId: string,
	inputs: readonly CountLineInput[]
): CountLine[] {
	requireRecordWriter(ctx, COUNTS, 'count');
	const session = requireSession(ctx, countId);
	if (!acceptsLines(session.status)) throw new CountStatusError(session.status, 'record counts');
	const catalog = catalogIndexOf(ctx);
	const lines = inputs.map((input) => {
		const { item } = resolveTarget(catalog, {
			itemId: input.itemId,
			warehouseId: session.warehouseId,
			locationId: input.locationId || undefined
		});
		if (!Number.isFinite(input.countedQty) || input.countedQty < 0)
			throw new InvalidFieldError('countedQty', 'must be 0 or more');
		return parseOrThrow(countLineSchema, {
			id: ctx.ids.next(),
			at: ctx.clock.now(),
			itemId: item.id,
			locationId: input.locationId ?? '',
			lot: item.lotTracked ? (input.lot?.trim() ?? '') : '',
			countedQty: input.countedQty,
			by: ctx.user,
			device: ctx.clock.device
		});
	});
	const doc = countsDoc(ctx);
	doc.transact(
		() => {
			appendCountLines(doc, countId, lines);
		},
		commandOrigin(ctx, 'recordCountLines')
	);
	return lines;
}

function transition(
	ctx: CommandContext,
	countId: string,
	type: CountEventType,
	allowed: readonly CountSession['status'][]
): CountSession {
	requireRecordWriter(ctx, COUNTS, 'count');
	const session = requireSession(ctx, countId);
	if (!allowed.includes(session.status)) throw new CountStatusError(session.status, type);
	const doc = countsDoc(ctx);
	doc.transact(
		() => {
			appendCountEvent(doc, countId, countEvent(ctx, type));
		},
		commandOrigin(ctx, `count:${type}`)
	);
	return session;
}

export function submitCount(ctx: CommandContext, countId: string): void {
	transition(ctx, countId, 'submitted', ['opened']);
}

export function cancelCount(ctx: CommandContext, countId: string): void {
	transition(ctx, countId, 'cancelled', ['opened', 'submitted']);
}

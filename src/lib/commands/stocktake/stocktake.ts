// Stocktake commands: open a count, record counted lines, submit, approve (posts the
// adjustments) and cancel. Each is one transaction on the `counts` doc (approval also writes
// the ledgers). Status checks use this device's merged view; the fold settles races.

import { stampWallMs } from '../../domain/clock/hlc';
import { FarStampError, InvalidFieldError, PeriodClosedError } from '../../domain/errors';
import type { Movement } from '../../domain/ledger/movement';
import { resolvePlace, resolveTarget } from '../../domain/ledger/validate';
import { parseOrThrow } from '../../domain/parse';
import { CountStatusError, UnknownCountError } from '../../domain/stocktake/errors';
import { farStampsOfCount } from '../../domain/stocktake/far-stamps';
import { countPostings, isPostingOf } from '../../domain/stocktake/posting';
import {
	acceptsLines,
	countEventSchema,
	countHeaderSchema,
	countLineSchema,
	type CountEventType,
	type CountHeader,
	type CountKind,
	type CountLine,
	type CountSession
} from '../../domain/stocktake/session';
import { computeVariances } from '../../domain/stocktake/variance';
import {
	appendCountEvent,
	appendCountLines,
	readCountSession,
	writeNewSession
} from '../../doc/counts-doc';
import { monthOfStamp } from '../../doc/names';
import { baseMonthOf } from '../../doc/period-doc';
import { SCHEMA_VERSION } from '../../doc/schema';
import { catalogIndexOf, requireRecordWriter, requireWriteKind } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { writeLedgerPostings } from '../ledger-postings';
import { ledgerMovements } from '../ledger-cache';

const COUNTS = 'counts';

export interface OpenCountInput {
	warehouseId: string;
	kind: CountKind;
	blind: boolean;
	scopeLocationIds?: string[];
	scopeItemIds?: string[];
	note?: string;
}

function countsDoc(ctx: CommandContext) {
	return ctx.docs.shared('counts');
}

function stampMeta(ctx: CommandContext): void {
	const meta = countsDoc(ctx).getMap<unknown>('meta');
	if (!meta.has('schemaVersion')) meta.set('schemaVersion', SCHEMA_VERSION);
}

function event(ctx: CommandContext, type: CountEventType) {
	return parseOrThrow(countEventSchema, {
		type,
		at: ctx.clock.now(),
		by: ctx.user,
		device: ctx.clock.device
	});
}

function requireSession(ctx: CommandContext, countId: string): CountSession {
	const session = readCountSession(countsDoc(ctx), countId);
	if (!session) throw new UnknownCountError(countId);
	return session;
}

/** `CNT-YYYYMMDD-XXXX`: the UTC day of the stamp and the id's last 4 chars. */
function countNumber(id: string, stamp: string): string {
	const day = new Date(stampWallMs(stamp)).toISOString().slice(0, 10).replaceAll('-', '');
	return `CNT-${day}-${id.slice(-4).toUpperCase()}`;
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
	const opened = event(ctx, 'opened');
	const id = ctx.ids.next();
	const header = parseOrThrow(countHeaderSchema, {
		id,
		number: countNumber(id, opened.at),
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
			appendCountEvent(doc, countId, event(ctx, type));
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

/**
 * The closed month a count's lines reach into, or null. Book quantities at a stamp inside a
 * closed period need that period's movements, which a device no longer has to hold.
 */
export function sealedMonthOf(
	ctx: Pick<CommandContext, 'docs'>,
	session: Pick<CountSession, 'lines'>
): string | null {
	const base = baseMonthOf(ctx.docs.catalog);
	if (base === null) return null;
	let earliest: string | null = null;
	for (const line of session.lines) {
		const month = monthOfStamp(line.at);
		if (month < base && (earliest === null || month < earliest)) earliest = month;
	}
	return earliest;
}

/**
 * A re-check whose corrections would differ without the far-stamped movements bearing on the
 * count waits for an admin (FarStampError): those movements sort where a wrong clock put them.
 * Far-stamped movements that change nothing (one stamped ahead, after every line) do not hold it.
 */
function requireNoFarChange(
	session: CountSession,
	movements: readonly Movement[],
	pending: readonly Movement[],
	nowMs: number,
	mayConfirm: boolean
): void {
	const far = farStampsOfCount(session, movements, nowMs).filter((f) => f.kind === 'movement');
	if (far.length === 0) return;
	const farIds = new Set(far.map((f) => f.id));
	const without = pendingPostings(
		session,
		movements.filter((m) => !farIds.has(m.id))
	);
	const key = (ms: readonly Movement[]) =>
		ms
			.map((m) => `${m.id}:${m.qty}`)
			.sort()
			.join('|');
	if (key(without) !== key(pending)) throw new FarStampError(far.length, mayConfirm);
}

/** Every movement this device holds (all open ledgers). */
export function allMovements(ctx: CommandContext): Movement[] {
	return ledgerMovements(ctx);
}

/** The postings this session needs on top of what it already posted (see `countPostings`). */
export function pendingPostings(session: CountSession, movements: readonly Movement[]): Movement[] {
	const own = (m: Movement) => isPostingOf(session.id, m);
	const variances = computeVariances(session, movements, { exclude: own });
	return countPostings(session, variances, movements.filter(own));
}

export interface ApproveCountOptions {
	/**
	 * An admin confirms approving although entries bearing on the count are stamped far from
	 * the relay's time (FarStampError); ignored for other roles.
	 */
	confirmFarStamps?: boolean;
}

/**
 * Approves a submitted count and posts a `count` movement for every position whose latest
 * count differs from the book at that count's stamp. Returns the movements written.
 */
export function approveCount(
	ctx: CommandContext,
	countId: string,
	options: ApproveCountOptions = {}
): Movement[] {
	requireRecordWriter(ctx, COUNTS, 'count');
	requireWriteKind(ctx, 'ledger');
	const session = requireSession(ctx, countId);
	if (session.status !== 'submitted') throw new CountStatusError(session.status, 'approve');
	const sealed = sealedMonthOf(ctx, session);
	if (sealed !== null) throw new PeriodClosedError(sealed);
	const movements = allMovements(ctx);
	if (ctx.timeMs) {
		const far = farStampsOfCount(session, movements, ctx.timeMs());
		const mayConfirm = ctx.role === 'admin';
		if (far.length > 0 && !(mayConfirm && options.confirmFarStamps))
			throw new FarStampError(far.length, mayConfirm);
	}
	// Ledgers first: a crash between the two leaves a count that can be approved again, and the
	// second approval finds the postings already present and writes only what is missing.
	const written = writeLedgerPostings(ctx, pendingPostings(session, movements), 'approveCount');
	const doc = countsDoc(ctx);
	doc.transact(
		() => {
			appendCountEvent(doc, countId, event(ctx, 'approved'));
		},
		commandOrigin(ctx, 'approveCount')
	);
	return written;
}

/**
 * Re-checks an approved count against everything this device now holds: a movement stamped
 * before a count line that arrived after approval changes that line's book@stamp, and the
 * difference is posted as a correction. Idempotent; a no-op when nothing changed.
 */
export function reconcileCount(
	ctx: CommandContext,
	countId: string,
	options: ApproveCountOptions = {}
): Movement[] {
	const session = requireSession(ctx, countId);
	if (session.status !== 'approved') return [];
	// A count in a closed period is final: late arrivals are carried into the open period.
	if (sealedMonthOf(ctx, session) !== null) return [];
	const movements = allMovements(ctx);
	const pending = pendingPostings(session, movements);
	if (pending.length === 0) return [];
	if (ctx.timeMs && !(ctx.role === 'admin' && options.confirmFarStamps))
		requireNoFarChange(session, movements, pending, ctx.timeMs(), ctx.role === 'admin');
	requireWriteKind(ctx, 'ledger');
	return writeLedgerPostings(ctx, pending, 'reconcileCount');
}

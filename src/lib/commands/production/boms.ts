// BOM and work-centre commands: save one BOM version (items, work centres and the cycle check
// validated against the whole catalog first), save a work centre, and import BOM lines from a
// CSV/XLSX file through the tabular pipeline, all or nothing.

import { normalizeCode, type Item } from '../../domain/catalog/entities';
import { InvalidFieldError, UnknownItemError } from '../../domain/errors';
import { parseOrThrow } from '../../domain/parse';
import { assertNoBomCycle, bomSchema, type Bom, type BomInput } from '../../domain/production/bom';
import {
	bomImporter,
	bomImportRowsOf,
	bomRowKey,
	type BomImportRow
} from '../../domain/production/bom-import';
import {
	workCenterSchema,
	type WorkCenter,
	type WorkCenterInput
} from '../../domain/production/work-center';
import { planImport, previewImport, type ImportPreview } from '../../domain/tabular/importer';
import { readCsv, type Source } from '../../domain/tabular/source';
import { readItems } from '../../doc/catalog-doc';
import { CATALOG } from '../../doc/names';
import { readBoms, readWorkCenters, writeBom, writeWorkCenter } from '../../doc/production-doc';
import { ensureSchema } from '../../doc/schema';
import { commandOrigin, type CommandContext } from '../context';
import { requireProduction } from './access';

/** Everything a BOM must agree with: its items exist, its work centres exist, no cycles. */
function checkBoms(ctx: CommandContext, all: readonly Bom[], changed: readonly Bom[]): void {
	const items = new Set(readItems(ctx.docs.catalog).map((i) => i.id));
	const centers = new Set(readWorkCenters(ctx.docs.catalog).map((c) => c.id));
	for (const bom of changed) {
		if (!items.has(bom.itemId)) throw new UnknownItemError(bom.itemId);
		if (bom.lines.length === 0) throw new InvalidFieldError('lines', 'required');
		const children = new Set<string>();
		for (const line of bom.lines) {
			if (!items.has(line.childId)) throw new UnknownItemError(line.childId);
			if (children.has(line.childId))
				throw new InvalidFieldError('lines', `component ${line.childId} listed twice`);
			children.add(line.childId);
		}
		for (const step of bom.steps)
			if (!centers.has(step.workCenterId))
				throw new InvalidFieldError('workCenterId', `unknown work centre ${step.workCenterId}`);
		if (bom.effectiveTo !== '' && bom.effectiveFrom !== '' && bom.effectiveTo <= bom.effectiveFrom)
			throw new InvalidFieldError('effectiveTo', 'must be after effectiveFrom');
		const twin = all.find(
			(b) => b.id !== bom.id && b.itemId === bom.itemId && b.version === bom.version
		);
		if (twin) throw new InvalidFieldError('version', `version ${bom.version} already exists`);
	}
	assertNoBomCycle(all);
}

function writeBoms(ctx: CommandContext, boms: readonly Bom[], command: string): void {
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			for (const bom of boms) writeBom(doc, bom);
		},
		commandOrigin(ctx, command)
	);
}

type WithOptionalId<T> = Omit<T, 'id'> & { id?: string };

export type SaveBomInput = WithOptionalId<Omit<BomInput, 'lines' | 'steps'>> & {
	lines: WithOptionalId<BomInput['lines'][number]>[];
	steps?: WithOptionalId<NonNullable<BomInput['steps']>[number]>[];
};

/**
 * Creates (no id) or replaces one BOM version; new lines and steps get fresh ids, so two
 * devices adding a component each keep both. Throws BomCycleError on a cycle.
 */
export function saveBom(ctx: CommandContext, input: SaveBomInput): Bom {
	requireProduction(ctx, CATALOG);
	const bom = parseOrThrow(bomSchema, {
		...input,
		id: input.id ?? ctx.ids.next(),
		lines: input.lines.map((l) => ({ ...l, id: l.id ?? ctx.ids.next() })),
		steps: (input.steps ?? []).map((s) => ({ ...s, id: s.id ?? ctx.ids.next() }))
	});
	const others = readBoms(ctx.docs.catalog).filter((b) => b.id !== bom.id);
	checkBoms(ctx, [...others, bom], [bom]);
	writeBoms(ctx, [bom], 'saveBom');
	return bom;
}

export function saveWorkCenter(
	ctx: CommandContext,
	input: Omit<WorkCenterInput, 'id'> & { id?: string }
): WorkCenter {
	requireProduction(ctx, CATALOG);
	const center = parseOrThrow(workCenterSchema, { ...input, id: input.id ?? ctx.ids.next() });
	const clash = readWorkCenters(ctx.docs.catalog).find(
		(c) => c.id !== center.id && normalizeCode(c.code) === normalizeCode(center.code)
	);
	if (clash) throw new InvalidFieldError('code', `work centre code ${center.code} already in use`);
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			writeWorkCenter(doc, center);
		},
		commandOrigin(ctx, 'saveWorkCenter')
	);
	return center;
}

function itemCodes(items: readonly Item[]): {
	codeOf: (id: string) => string | undefined;
	idOf: (code: string) => string | undefined;
} {
	const byId = new Map(items.map((i) => [i.id, i.code]));
	const byCode = new Map(items.map((i) => [normalizeCode(i.code), i.id]));
	return { codeOf: (id) => byId.get(id), idOf: (code) => byCode.get(normalizeCode(code)) };
}

export type BomImportPreview = ImportPreview<BomImportRow>;

export function previewBomImport(ctx: CommandContext, source: Source | string): BomImportPreview {
	requireProduction(ctx, CATALOG);
	const records = typeof source === 'string' ? readCsv(source) : source;
	const { codeOf } = itemCodes(readItems(ctx.docs.catalog));
	return previewImport(bomImporter, records, bomImportRowsOf(readBoms(ctx.docs.catalog), codeOf));
}

/**
 * Writes the preview's lines: each (parent, version) becomes one BOM version, created when
 * new, otherwise its named lines are added or updated (lines the file does not name stay).
 * Unknown codes, duplicate components and cycles are refused before anything is written.
 */
export function importBoms(
	ctx: CommandContext,
	preview: BomImportPreview
): { boms: number; lines: number } {
	requireProduction(ctx, CATALOG);
	const existing = readBoms(ctx.docs.catalog);
	const { codeOf, idOf } = itemCodes(readItems(ctx.docs.catalog));
	const planned = planImport(bomImporter, preview, bomImportRowsOf(existing, codeOf), () =>
		ctx.ids.next()
	);
	const byKey = new Map(existing.map((b) => [`${b.itemId}|${b.version}`, structuredClone(b)]));
	const changed = new Map<string, Bom>();
	for (const { record, id } of planned) {
		const parentId = idOf(record.parentCode);
		const childId = idOf(record.childCode);
		if (!parentId) throw new UnknownItemError(record.parentCode);
		if (!childId) throw new UnknownItemError(record.childCode);
		const key = `${parentId}|${record.version}`;
		let bom = byKey.get(key);
		if (!bom) {
			bom = parseOrThrow(bomSchema, {
				id: ctx.ids.next(),
				itemId: parentId,
				version: record.version,
				effectiveFrom: record.effectiveFrom,
				lines: []
			});
			byKey.set(key, bom);
		}
		const lineId = id.includes('|') ? id.slice(id.indexOf('|') + 1) : id;
		const line = { id: lineId, childId, qtyPer: record.qtyPer, scrapPct: record.scrapPct };
		const at = bom.lines.findIndex((l) => l.childId === childId);
		if (at >= 0) bom.lines[at] = { ...line, id: bom.lines[at]!.id };
		else bom.lines.push(line);
		changed.set(key, bom);
	}
	checkBoms(ctx, [...byKey.values()], [...changed.values()]);
	writeBoms(ctx, [...changed.values()], 'importBoms');
	return { boms: changed.size, lines: planned.length };
}

export { bomRowKey };

// Bills of materials (物料清單): per manufactured item, versions with an effective date range;
// each version lists components (quantity per unit of the parent, scrap %) and optional routing
// steps (work centre, minutes per unit). Pure: effective version, explosion, where-used and the
// cycle check, which reuses the MRP engine's low-level codes so planning and saving agree.

import { z } from 'zod';
import { BomCycleError, buildBomGraph, lowLevelCodes } from '../mrp/low-level-codes';
import type { MrpBomLine } from '../mrp/types';

const id = z.string().min(1).max(64);
/** '' = no bound. */
const optionalDate = z.union([
	z.literal(''),
	z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
]);

export const bomLineSchema = z.object({
	id,
	childId: id,
	qtyPer: z.number().finite().positive(),
	/** Percent added for losses: 5 means 5 %. */
	scrapPct: z.number().min(0).max(100).default(0)
});
export type BomLine = z.infer<typeof bomLineSchema>;

export const routingStepSchema = z.object({
	id,
	/** Order of the step in the routing (10, 20 …). */
	seq: z.number().int().nonnegative(),
	name: z.string().trim().max(100).default(''),
	workCenterId: id,
	minutesPerUnit: z.number().finite().nonnegative()
});
export type RoutingStep = z.infer<typeof routingStepSchema>;

export const bomSchema = z.object({
	id,
	itemId: id,
	version: z.string().trim().min(1).max(20),
	/** First day this version applies ('' = always). */
	effectiveFrom: optionalDate.default(''),
	/** First day it no longer applies ('' = open-ended). */
	effectiveTo: optionalDate.default(''),
	lines: z.array(bomLineSchema).max(500),
	steps: z.array(routingStepSchema).max(100).default([]),
	note: z.string().trim().max(500).default(''),
	active: z.boolean().default(true)
});
export type Bom = z.infer<typeof bomSchema>;
export type BomInput = z.input<typeof bomSchema>;

function appliesOn(bom: Bom, date: string): boolean {
	return (
		bom.active &&
		(bom.effectiveFrom === '' || bom.effectiveFrom <= date) &&
		(bom.effectiveTo === '' || date < bom.effectiveTo)
	);
}

/**
 * The version of an item's BOM in force on `date`: the applicable one with the latest start,
 * then the highest version string (so two overlapping versions pick the same one everywhere).
 */
export function effectiveBom(boms: readonly Bom[], itemId: string, date: string): Bom | null {
	let best: Bom | null = null;
	for (const bom of boms) {
		if (bom.itemId !== itemId || !appliesOn(bom, date)) continue;
		if (
			!best ||
			bom.effectiveFrom > best.effectiveFrom ||
			(bom.effectiveFrom === best.effectiveFrom && bom.version > best.version)
		)
			best = bom;
	}
	return best;
}

/** The effective BOM of every item that has one on `date`, by item id. */
export function effectiveBoms(boms: readonly Bom[], date: string): Map<string, Bom> {
	const out = new Map<string, Bom>();
	for (const itemId of new Set(boms.map((b) => b.itemId))) {
		const bom = effectiveBom(boms, itemId, date);
		if (bom) out.set(itemId, bom);
	}
	return out;
}

/** The effective BOMs as the MRP engine's parent → child lines. */
export function mrpBomLines(boms: readonly Bom[], date: string): MrpBomLine[] {
	const out: MrpBomLine[] = [];
	for (const bom of effectiveBoms(boms, date).values())
		for (const line of bom.lines)
			out.push({
				parent: bom.itemId,
				child: line.childId,
				qtyPer: line.qtyPer,
				scrapPct: line.scrapPct
			});
	return out;
}

/**
 * Throws BomCycleError (naming the items, e.g. A → B → A) when the active BOMs, every version
 * together, contain a cycle. Checking all versions at once is stricter than per date, and a
 * version that could only be cyclic with another one's dates is still a data error worth fixing.
 */
export function assertNoBomCycle(boms: readonly Bom[]): void {
	const ids: string[] = [];
	const index = new Map<string, number>();
	const at = (itemId: string): number => {
		let i = index.get(itemId);
		if (i === undefined) {
			i = ids.length;
			ids.push(itemId);
			index.set(itemId, i);
		}
		return i;
	};
	const edges: { parent: number; child: number }[] = [];
	for (const bom of boms)
		if (bom.active)
			for (const line of bom.lines) edges.push({ parent: at(bom.itemId), child: at(line.childId) });
	lowLevelCodes(buildBomGraph(ids.length, edges), ids);
}

export { BomCycleError };

export interface BomNode {
	itemId: string;
	/** Per unit of the direct parent, scrap included. */
	qtyPer: number;
	/** For the exploded quantity of the root. */
	qty: number;
	level: number;
	/** The effective BOM version of this node, when it is made rather than bought. */
	version: string | null;
	children: BomNode[];
}

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

/** A line's quantity per unit with its scrap added (36 at 5 % → 37.8). */
export function qtyWithScrap(line: Pick<BomLine, 'qtyPer' | 'scrapPct'>): number {
	return round(line.qtyPer * (1 + line.scrapPct / 100));
}

/**
 * Multi-level explosion of `qty` of `itemId` through the BOMs in force on `date`; `root`, when
 * given, is the version used for the top level (a version page shows its own lines even when
 * another version is in force), the levels below stay with the versions in force.
 */
export function explodeBom(
	boms: readonly Bom[],
	itemId: string,
	qty: number,
	date: string,
	root?: Bom
): BomNode {
	assertNoBomCycle(boms);
	const byItem = effectiveBoms(boms, date);
	const walk = (id: string, qtyPer: number, need: number, level: number): BomNode => {
		const bom = (level === 0 && root ? root : byItem.get(id)) ?? null;
		return {
			itemId: id,
			qtyPer,
			qty: round(need),
			level,
			version: bom?.version ?? null,
			children: (bom?.lines ?? []).map((line) => {
				const per = qtyWithScrap(line);
				return walk(line.childId, per, need * per, level + 1);
			})
		};
	};
	return walk(itemId, 1, qty, 0);
}

export interface WhereUsedEntry {
	/** The item that uses the component (directly at level 1, through others below). */
	parentId: string;
	bomId: string;
	version: string;
	qtyPer: number;
	level: number;
}

/**
 * Every BOM version (active ones) that uses `itemId`, directly (level 1) and through the
 * assemblies that use those parents (level 2 …), breadth first, each parent once per version.
 */
export function whereUsed(boms: readonly Bom[], itemId: string): WhereUsedEntry[] {
	const out: WhereUsedEntry[] = [];
	const seen = new Set<string>();
	let frontier = [itemId];
	for (let level = 1; frontier.length > 0 && level <= 50; level++) {
		const next: string[] = [];
		for (const child of frontier)
			for (const bom of boms) {
				if (!bom.active) continue;
				const line = bom.lines.find((l) => l.childId === child);
				if (!line || seen.has(`${bom.id}|${child}`)) continue;
				seen.add(`${bom.id}|${child}`);
				out.push({
					parentId: bom.itemId,
					bomId: bom.id,
					version: bom.version,
					qtyPer: line.qtyPer,
					level
				});
				next.push(bom.itemId);
			}
		frontier = [...new Set(next)];
	}
	return out;
}

/** Minutes of work per unit of the item on each work centre, from its routing. */
export function minutesByWorkCenter(bom: Bom): Map<string, number> {
	const out = new Map<string, number>();
	for (const step of bom.steps)
		out.set(step.workCenterId, round((out.get(step.workCenterId) ?? 0) + step.minutesPerUnit));
	return out;
}

// Ledger movements valued by the valuation engine, for the books: the opening layers a close
// carried, the open months' movements in stamp order (a late movement carried into an open
// month is valued at the start of that month, after the opening, so the closed month keeps its
// numbers), customer returns and inbound transfer legs linked to what they reverse.

import { stampWallMs } from '../clock/hlc';
import type { Movement } from '../ledger/movement';
import { repairedPairIds } from '../ledger/repair';
import { createValuationEngine } from '../valuation/engine';
import { mulDiv } from '../valuation/fixed';
import type { ValuationMethod, ValuationMovement } from '../valuation/types';
import {
	applyLandedCharges,
	splitLateCharges,
	type LandedCharge,
	type LateCharge
} from './landed-cost';
import { applyMaterialCost, linkCompletions, MAX_COSTING_RUNS } from './production-cost';

/** One carried layer: [itemId, qtyMicro, valueMicro, since stamp]. */
export type ValueLayer = [string, number, number, string];

export interface ValueOpening {
	closedMonth: string;
	method: ValuationMethod;
	layers: ValueLayer[];
}

/** A movement and the month whose ledger it is filed in. */
export interface FiledMovement {
	movement: Movement;
	month: string;
}

export interface CostedMovement {
	movement: Movement;
	/** The accounting month: the ledger month it is filed in. */
	month: string;
	qtyMicro: number;
	valueChangeMicro: number;
	/** The item's value after it, and the change in whole cents (telescoping, so cents sum). */
	valueAfterMicro: number;
	centsChange: number;
	/** Completions of a work order: the conversion part of the value, in cents. */
	conversionCents?: number;
	/** Receipts: landed costs (freight, duty) allocated onto them, in cents. */
	landedCents?: number;
}

export interface ItemPosition {
	itemId: string;
	qtyMicro: number;
	valueMicro: number;
	/** [qtyMicro, valueMicro, since] oldest first (FIFO); one layer under the moving average. */
	layers: [number, number, string][];
}

export interface Costing {
	method: ValuationMethod;
	/** In (effective stamp, id) order. */
	movements: CostedMovement[];
	positions: Map<string, ItemPosition>;
	/** Landed charges on receipts of closed months (posted in the open period on their own). */
	lateCharges: LateCharge[];
	/** Ids of the charges spread over receipts valued here. */
	appliedCharges: string[];
	/** Charges naming something other than costed receipts (set aside, not applied). */
	invalidCharges: string[];
}

export const MICRO = 1_000_000;

/** Micro-currency to cents, half away from zero. */
export function microToCents(micro: number): number {
	return Math.sign(micro) * Math.round(Math.abs(micro) / 10_000);
}

/** The UTC month of a stamp (`YYYY-MM`). */
export function monthOfStampUtc(stamp: string): string {
	return new Date(stampWallMs(stamp)).toISOString().slice(0, 7);
}

/** Sorts after every stamp of earlier months and before every real stamp of `month`. */
function monthStartKey(month: string, at: string): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return `${String(Date.UTC(y, m - 1, 1) - 1).padStart(15, '0')}-999999-~${at}`;
}

/** The stamp a movement is valued at: its own, or the start of the later month it is filed in. */
export function effectiveAt(f: FiledMovement): string {
	return monthOfStampUtc(f.movement.at) < f.month
		? monthStartKey(f.month, f.movement.at)
		: f.movement.at;
}

/** A repaired pair (a wrong clock's entry and its reversal) is valued as if it never happened. */
function withoutRepairedFiled(filed: FiledMovement[]): FiledMovement[] {
	const pairs = repairedPairIds(filed.map((f) => f.movement));
	return pairs.size === 0 ? filed : filed.filter((f) => !pairs.has(f.movement.id));
}

/** The same id filed in several months (a late movement carried forward) counts in the latest. */
export function dedupeFiled(filed: readonly FiledMovement[]): FiledMovement[] {
	const byId = new Map<string, FiledMovement>();
	for (const f of filed) {
		const prev = byId.get(f.movement.id);
		if (!prev || f.month > prev.month) byId.set(f.movement.id, f);
	}
	return [...byId.values()];
}

function compare(a: { at: string; id: string }, b: { at: string; id: string }): number {
	if (a.at !== b.at) return a.at < b.at ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Links a movement to the one it reverses: a return to its order's shipment, a transfer leg. */
function linker(): (m: Movement) => string | undefined {
	const outs = new Map<string, string[]>();
	return (m) => {
		if (m.ref === undefined) return undefined;
		const key = `${m.itemId}\u0000${m.ref}`;
		if (m.reason === 'issue' || m.reason === 'transfer-out') {
			const list = outs.get(key) ?? [];
			list.push(m.id);
			outs.set(key, list);
			return undefined;
		}
		if (m.reason === 'return' || m.reason === 'transfer-in') return outs.get(key)?.at(-1);
		return undefined;
	};
}

export interface CostingInput {
	method: ValuationMethod;
	opening: ValueOpening | null;
	movements: readonly FiledMovement[];
	/** Freight, duty… to spread over receipts (landed-cost.ts). */
	landedCharges?: readonly LandedCharge[];
	/** Charges a close already posted (left out). */
	postedCharges?: ReadonlySet<string>;
}

/** Values the opening and the movements; pure and deterministic (same input, same result). */
export function costMovements(input: CostingInput): Costing {
	let engine = createValuationEngine({ method: input.method });
	const val: ValuationMovement[] = [];
	for (const [i, [itemId, qtyMicro, valueMicro, since]] of (
		input.opening?.layers ?? []
	).entries()) {
		const id = `~open:${String(i).padStart(7, '0')}`;
		if (qtyMicro > 0) val.push({ id, at: since, itemId, qtyMicro, valueMicro });
		else if (qtyMicro < 0) {
			// A shortage carried in: units in at the shortage's rate, then twice as many out, so the
			// position goes negative at exactly that rate (the engine's own negative-stock rule).
			val.push({ id, at: since, itemId, qtyMicro: -qtyMicro, valueMicro: Math.abs(valueMicro) });
			val.push({ id: `${id}x`, at: since, itemId, qtyMicro: 2 * qtyMicro });
		}
	}
	const filed = withoutRepairedFiled(dedupeFiled(input.movements))
		.map((f) => ({ m: f.movement, month: f.month, at: effectiveAt(f) }))
		.sort((a, b) => compare({ at: a.at, id: a.m.id }, { at: b.at, id: b.m.id }));
	const link = linker();
	for (const { m, at } of filed) {
		if (m.reason === 'opening') continue;
		const v: ValuationMovement = {
			id: m.id,
			at,
			itemId: m.itemId,
			qtyMicro: Math.round(m.qty * MICRO)
		};
		if (m.unitCostCents !== undefined && m.qty > 0) v.unitCostMicro = m.unitCostCents * 10_000;
		const reverses = link(m);
		if (reverses !== undefined) v.reverses = reverses;
		val.push(v);
	}
	const byId = new Map(val.map((v) => [v.id, v]));
	const completions = linkCompletions(
		filed.map((f) => ({ m: f.m, at: f.at })),
		byId
	);
	const posted = input.postedCharges;
	const charges = splitLateCharges(
		(input.landedCharges ?? []).filter((c) => !posted?.has(c.id)),
		byId
	);
	const landed = applyLandedCharges(charges.current, byId);
	engine.add(val);
	for (let runs = 1; runs < MAX_COSTING_RUNS && applyMaterialCost(completions, engine); runs++) {
		engine = createValuationEngine({ method: input.method });
		engine.add(val);
	}
	const conversion = new Map(completions.map((c) => [c.v.id, c.conversionMicro]));
	const movements: CostedMovement[] = [];
	const items = new Set<string>(val.map((v) => v.itemId));
	for (const { m, month } of filed) {
		const r = engine.get(m.id);
		if (!r) continue;
		const before = r.valueAfterMicro - r.valueChangeMicro;
		const conversionMicro = conversion.get(m.id);
		const landedCents = landed.get(m.id);
		movements.push({
			movement: m,
			month,
			qtyMicro: Math.round(m.qty * MICRO),
			valueChangeMicro: r.valueChangeMicro,
			valueAfterMicro: r.valueAfterMicro,
			centsChange: microToCents(r.valueAfterMicro) - microToCents(before),
			...(conversionMicro !== undefined ? { conversionCents: microToCents(conversionMicro) } : {}),
			...(landedCents !== undefined ? { landedCents } : {})
		});
	}
	const positions = new Map<string, ItemPosition>();
	for (const itemId of [...items].sort()) {
		const p = engine.position(itemId);
		const layers: [number, number, string][] =
			input.method === 'fifo'
				? p.layers.map(([q, v], i) => [q, v, p.layerSince[i] ?? ''])
				: p.qtyMicro === 0
					? []
					: [[p.qtyMicro, p.valueMicro, lastStamp(val, itemId)]];
		positions.set(itemId, { itemId, qtyMicro: p.qtyMicro, valueMicro: p.valueMicro, layers });
	}
	return {
		method: input.method,
		movements,
		positions,
		lateCharges: charges.late,
		appliedCharges: charges.current.map((c) => c.id),
		invalidCharges: charges.invalid.map((c) => c.id)
	};
}

/** The item's last valued stamp (opening layers first, then movements in stamp order). */
function lastStamp(val: readonly ValuationMovement[], itemId: string): string {
	for (let i = val.length - 1; i >= 0; i--) {
		const v = val[i] as ValuationMovement;
		if (v.itemId === itemId) return v.at;
	}
	return '';
}

/** The layers a close carries: every item's, sorted by item (the record is deterministic). */
export function closingLayers(costing: Costing): ValueLayer[] {
	const out: ValueLayer[] = [];
	for (const p of [...costing.positions.values()].sort((a, b) => (a.itemId < b.itemId ? -1 : 1)))
		for (const [q, v, since] of p.layers) out.push([p.itemId, q, v, since]);
	return out;
}

/** Unit value of an item in micro-currency per unit (0 when none on hand). */
export function unitValueMicro(p: ItemPosition): number {
	return p.qtyMicro === 0 ? 0 : mulDiv(p.valueMicro, MICRO, p.qtyMicro);
}

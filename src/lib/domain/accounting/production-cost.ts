// Production costing: finished goods come in at the cost of the material issued to their work
// order plus conversion (labour and overhead, `unitCostCents` per unit on the production
// movement). A work order's material is every `issue` movement whose ref is its number, from
// the previous completion of the same order (exclusive) up to this one; material issued after
// the last completion stays in work in process. Finished goods can be another order's material
// (multi-level), so the valuation runs again until no completion's value changes — one more run
// per BOM level, from scratch each time (the engine's incremental links are within one item).

import type { Movement } from '../ledger/movement';
import type { ValuationEngine } from '../valuation/engine';
import { mulDiv } from '../valuation/fixed';
import type { ValuationMovement } from '../valuation/types';

export const MICRO = 1_000_000;
/** At most this many runs (BOM levels + 1); deeper structures keep the last run's values. */
export const MAX_COSTING_RUNS = 8;

export interface Completion {
	/** The production movement's valuation input, whose `valueMicro` this module sets. */
	v: ValuationMovement;
	/** Conversion cost in micro-currency (qty × unitCostCents). */
	conversionMicro: number;
	/** Ids of the material issues this completion absorbs. */
	materials: string[];
}

/** `at` is the movement's effective stamp (what it is valued at). */
export interface Stamped {
	m: Movement;
	at: string;
}

/**
 * Links each completion (reason `production` with a ref) to its material issues. `byId` maps a
 * movement id to its valuation input; completions get `valueMicro` = conversion to start with.
 */
export function linkCompletions(
	filed: readonly Stamped[],
	byId: ReadonlyMap<string, ValuationMovement>
): Completion[] {
	const sorted = [...filed].sort((a, b) =>
		a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0
	);
	const open = new Map<string, string[]>();
	const out: Completion[] = [];
	for (const { m } of sorted) {
		if (m.ref === undefined) continue;
		if (m.reason === 'issue' && m.qty < 0) {
			const list = open.get(m.ref) ?? [];
			list.push(m.id);
			open.set(m.ref, list);
		} else if (m.reason === 'production' && m.qty > 0) {
			const v = byId.get(m.id);
			if (!v) continue;
			const conversionMicro =
				m.unitCostCents === undefined ? 0 : mulDiv(v.qtyMicro, m.unitCostCents * 10_000, MICRO);
			delete v.unitCostMicro;
			v.valueMicro = conversionMicro;
			out.push({ v, conversionMicro, materials: open.get(m.ref) ?? [] });
			open.set(m.ref, []);
		}
	}
	return out;
}

/**
 * Sets each completion's value from the engine's values of its material; true when any value
 * changed (the valuation must run again).
 */
export function applyMaterialCost(
	completions: readonly Completion[],
	engine: ValuationEngine
): boolean {
	let changed = false;
	for (const c of completions) {
		let value = c.conversionMicro;
		for (const id of c.materials) value += engine.get(id)?.movedValueMicro ?? 0;
		if (value !== c.v.valueMicro) {
			c.v.valueMicro = value;
			changed = true;
		}
	}
	return changed;
}

// A deliberately plain valuation, the oracle of reference.spec.ts: every movement of the ledger
// sorted by (at, id) once and valued in that order, positions as objects in a Map, FIFO layers
// as an array of objects taken from the front with shift(). No checkpoints, no columns, nothing
// incremental — what the engine must equal however movements arrive. Test code only.

import { MICRO, mulDiv } from './fixed';
import type { MovementValue, Slice, ValuationMovement } from './types';
import type { ValuationOptions } from './engine';

interface Layer {
	qty: number;
	value: number;
	/** Stamp the units first came in at. */
	since: string;
	/** Id of the movement that put the layer here. */
	source: string;
}

interface Position {
	qty: number;
	value: number;
	/** Prevailing rate (value / qty) a shortage from zero stock is valued at. */
	rateValue: number;
	rateQty: number;
	layers: Layer[];
}

interface Valued {
	m: ValuationMovement;
	result: MovementValue;
}

const before = (a: ValuationMovement, b: ValuationMovement): boolean =>
	a.at !== b.at ? a.at < b.at : a.id < b.id;

/** Every movement's value, keyed by id (ids must be unique). */
export function referenceValuation(
	movements: readonly ValuationMovement[],
	options: ValuationOptions
): Map<string, MovementValue> {
	const fifo = options.method === 'fifo';
	const seen = new Set<string>();
	const unique = movements.filter((m) => {
		const key = `${m.id}\u0000${m.at}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	const sorted = [...unique].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
	const positions = new Map<string, Position>();
	const valued = new Map<string, Valued>();
	const results = new Map<string, MovementValue>();

	const positionOf = (m: ValuationMovement): Position => {
		const key =
			options.scope === 'warehouse' ? `${m.itemId}\u0000${m.warehouseId ?? ''}` : m.itemId;
		let p = positions.get(key);
		if (!p) {
			p = { qty: 0, value: 0, rateValue: 0, rateQty: 0, layers: [] };
			positions.set(key, p);
		}
		return p;
	};

	const receive = (p: Position, qty: number, value: number, since: string, source: string) => {
		if (p.qty < 0) {
			const filled = Math.min(qty, -p.qty);
			const shortageShare = filled === -p.qty ? p.value : mulDiv(p.value, filled, -p.qty);
			p.qty += filled;
			p.value -= shortageShare;
			if (fifo) {
				const negative = p.layers[0] as Layer;
				negative.qty += filled;
				negative.value -= shortageShare;
				if (negative.qty === 0) p.layers = [];
			}
			const absorbed = filled === qty ? value : mulDiv(value, filled, qty);
			qty -= filled;
			value -= absorbed;
		}
		if (qty === 0) return;
		p.qty += qty;
		p.value += value;
		if (fifo) {
			let i = p.layers.length;
			while (i > 0 && (p.layers[i - 1] as Layer).since > since) i--;
			p.layers.splice(i, 0, { qty, value, since, source });
			p.rateValue = value;
			p.rateQty = qty;
		} else if (p.qty > 0) {
			p.rateValue = p.value;
			p.rateQty = p.qty;
		}
	};

	const take = (p: Position, layer: Layer, qty: number, slices: Slice[]): number => {
		const taken = Math.min(qty, layer.qty);
		const value = taken === layer.qty ? layer.value : mulDiv(layer.value, taken, layer.qty);
		layer.qty -= taken;
		layer.value -= value;
		p.qty -= taken;
		p.value -= value;
		slices.push({ qty: taken, value, since: layer.since });
		return qty - taken;
	};

	const issue = (p: Position, qty: number, m: ValuationMovement, slices: Slice[]) => {
		if (fifo) {
			while (qty > 0 && p.layers.length > 0 && (p.layers[0] as Layer).qty > 0) {
				const oldest = p.layers[0] as Layer;
				p.rateValue = oldest.value;
				p.rateQty = oldest.qty;
				qty = take(p, oldest, qty, slices);
				if (oldest.qty === 0) p.layers.shift();
			}
		} else if (p.qty > 0) {
			p.rateValue = p.value;
			p.rateQty = p.qty;
			const taken = Math.min(qty, p.qty);
			const value = taken === p.qty ? p.value : mulDiv(p.value, taken, p.qty);
			p.qty -= taken;
			p.value -= value;
			qty -= taken;
		}
		if (qty === 0) return;
		// Past the stock on hand: negative at the shortage's rate, else the prevailing one.
		const value =
			p.qty < 0
				? mulDiv(p.value, qty, p.qty)
				: p.rateQty === 0
					? 0
					: mulDiv(p.rateValue, qty, p.rateQty);
		p.qty -= qty;
		p.value -= value;
		if (fifo) {
			const first = p.layers[0];
			if (first && first.qty < 0) {
				first.qty -= qty;
				first.value -= value;
			} else p.layers.push({ qty: -qty, value: -value, since: m.at, source: m.id });
			slices.push({ qty, value, since: m.at });
		}
	};

	/** The earlier, opposite-sign movement of the same item that `m` reverses, if any. */
	const targetOf = (m: ValuationMovement): Valued | undefined => {
		if (m.reverses === undefined || m.reverses === '') return undefined;
		const t = valued.get(m.reverses);
		if (!t || t.m.itemId !== m.itemId || !before(t.m, m)) return undefined;
		return Math.sign(t.m.qtyMicro) === -Math.sign(m.qtyMicro) ? t : undefined;
	};

	for (const m of sorted) {
		const p = positionOf(m);
		const qty = m.qtyMicro;
		const valueBefore = p.value;
		const slices: Slice[] = [];
		let movedValue = 0;
		if (qty > 0) {
			const cost =
				m.valueMicro !== undefined
					? m.valueMicro
					: m.unitCostMicro !== undefined
						? mulDiv(qty, m.unitCostMicro, MICRO)
						: undefined;
			const t = cost === undefined ? targetOf(m) : undefined;
			if (cost !== undefined) {
				movedValue = cost;
				receive(p, qty, cost, m.at, m.id);
			} else if (t) {
				// The next units of what left with t (after earlier returns), each at its cost.
				let offset = 0;
				for (const o of sorted) {
					if (o === m) break;
					if (o.reverses === t.m.id && o.itemId === m.itemId && o.qtyMicro > 0 && before(t.m, o))
						offset += o.qtyMicro;
				}
				const end = offset + qty;
				let start = 0;
				for (const s of t.result.slices ?? []) {
					const lo = Math.max(offset, start);
					const hi = Math.min(end, start + s.qty);
					if (hi > lo) {
						const value = share(s.value, hi - start, s.qty) - share(s.value, lo - start, s.qty);
						receive(p, hi - lo, value, s.since, m.id);
						movedValue += value;
					}
					start += s.qty;
				}
				if (end > start) {
					const lo = Math.max(offset, start);
					const { movedQtyMicro: q, movedValueMicro: v } = t.result;
					const value = q === 0 ? 0 : share(v, end, q) - share(v, lo, q);
					receive(p, end - lo, value, t.m.at, m.id);
					movedValue += value;
				}
			} else {
				movedValue =
					p.qty !== 0
						? mulDiv(p.value, qty, p.qty)
						: p.rateQty === 0
							? 0
							: mulDiv(p.rateValue, qty, p.rateQty);
				receive(p, qty, movedValue, m.at, m.id);
			}
		} else if (qty < 0) {
			let remaining = -qty;
			const t = fifo ? targetOf(m) : undefined;
			if (t) {
				// A purchase return takes the reversed receipt's own layers first.
				for (const layer of [...p.layers]) {
					if (remaining === 0) break;
					if (layer.source !== t.m.id || layer.qty <= 0) continue;
					remaining = take(p, layer, remaining, slices);
					if (layer.qty === 0) p.layers.splice(p.layers.indexOf(layer), 1);
				}
			}
			if (remaining > 0) issue(p, remaining, m, slices);
			movedValue = valueBefore - p.value;
		}
		const result: MovementValue = {
			id: m.id,
			qtyAfterMicro: p.qty,
			valueAfterMicro: p.value,
			valueChangeMicro: p.value - valueBefore,
			movedQtyMicro: Math.abs(qty),
			movedValueMicro: movedValue
		};
		if (fifo && qty < 0) result.slices = slices;
		if (fifo && options.keepQueues) result.queue = p.layers.map((l) => [l.qty, l.value]);
		valued.set(m.id, { m, result });
		results.set(m.id, result);
	}
	return results;
}

/** Value of the first `part` of `whole` units worth `value`. */
function share(value: number, part: number, whole: number): number {
	if (part === whole) return value;
	return part === 0 ? 0 : mulDiv(value, part, whole);
}

// The incremental valuation engine: movements arrive in any order and in any batches (a warehouse
// syncs a day late); each position keeps its movements in (at, id) order with a checkpoint of
// its state every CHECKPOINT_EVERY movements, so a movement stamped in the past re-values only
// that position from the checkpoint before it, and the result equals a run from scratch.

import { mulDiv } from './fixed';
import {
	clonePosition,
	emptyPosition,
	issue,
	receive,
	takeFromSource,
	valueAtCurrentRate,
	type PositionState
} from './position';
import type {
	MovementValue,
	Slice,
	ValuationMethod,
	ValuationMovement,
	ValuationScope
} from './types';

const CHECKPOINT_EVERY = 32;

export interface ValuationOptions {
	method: ValuationMethod;
	/** Company-wide per item (default) or per item and warehouse. */
	scope?: ValuationScope;
	/** FIFO: keep the layers left after every movement in its result (for the CLI). */
	keepQueues?: boolean;
}

export interface AddReport {
	added: number;
	/** Ids already present: a movement delivered twice counts once (the first copy). */
	duplicates: number;
	/** Movements valued (again) by this call, the measure of incremental work. */
	revalued: number;
}

export interface PositionValue {
	qtyMicro: number;
	valueMicro: number;
	layers: [number, number][];
	/** Stamp each layer's units first came in at (FIFO; the order of `layers`). */
	layerSince: string[];
}

export interface ValuationEngine {
	add(movements: Iterable<ValuationMovement>): AddReport;
	get(id: string): MovementValue | undefined;
	position(itemId: string, warehouseId?: string): PositionValue;
}

interface Node {
	m: ValuationMovement;
	pos: Position;
	r: MovementValue | undefined;
	/** The movements that name this one in `reverses` (shared with `reversalsOf`). */
	dependents: Node[] | undefined;
	/** The movements naming the same target as this one does, this one included. */
	siblings: Node[] | undefined;
}

interface Position {
	nodes: Node[];
	/** checkpoints[c]: state before nodes[c * CHECKPOINT_EVERY]; [0] is the empty state. */
	checkpoints: PositionState[];
}

function compareNodes(a: Node, b: Node): number {
	const x = a.m;
	const y = b.m;
	if (x.at !== y.at) return x.at < y.at ? -1 : 1;
	return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

export function createValuationEngine(options: ValuationOptions): ValuationEngine {
	const fifo = options.method === 'fifo';
	const byWarehouse = options.scope === 'warehouse';
	const keepQueues = options.keepQueues === true && fifo;
	const byId = new Map<string, Node>();
	const positions = new Map<string, Position>();
	/** Movement id → the movements that name it in `reverses` (in any position). */
	const reversalsOf = new Map<string, Node[]>();
	/** Position → earliest node that must be valued again. */
	const dirty = new Map<Position, Node>();

	const keyOf = (itemId: string, warehouseId: string | undefined): string =>
		byWarehouse ? `${itemId}\u0000${warehouseId ?? ''}` : itemId;

	function positionFor(key: string): Position {
		let pos = positions.get(key);
		if (!pos) {
			pos = { nodes: [], checkpoints: [emptyPosition()] };
			positions.set(key, pos);
		}
		return pos;
	}

	function markDirty(pos: Position, node: Node): void {
		const current = dirty.get(pos);
		if (!current || compareNodes(node, current) < 0) dirty.set(pos, node);
	}

	function indexOf(nodes: Node[], node: Node): number {
		let lo = 0;
		let hi = nodes.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (compareNodes(nodes[mid] as Node, node) < 0) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** The movement `node` reverses, if that link counts: same item, earlier, opposite sign. */
	function reversed(node: Node): Node | undefined {
		const ref = node.m.reverses;
		if (ref === undefined) return undefined;
		const target = byId.get(ref);
		if (!target || target.r === undefined || target.m.itemId !== node.m.itemId) return undefined;
		if (compareNodes(target, node) >= 0) return undefined;
		if (Math.sign(target.m.qtyMicro) !== -Math.sign(node.m.qtyMicro)) return undefined;
		return target;
	}

	/** Units of `target` already returned by movements naming it that come before `node`. */
	function returnedBefore(target: Node, node: Node): number {
		let qty = 0;
		for (const other of target.dependents ?? []) {
			if (other === node || other.m.qtyMicro <= 0 || other.m.itemId !== target.m.itemId) continue;
			if (compareNodes(other, node) < 0 && compareNodes(target, other) < 0) qty += other.m.qtyMicro;
		}
		return qty;
	}

	function valueNode(node: Node, s: PositionState): MovementValue {
		const m = node.m;
		const qty = m.qtyMicro;
		const valueBefore = s.value;
		let movedValue = 0;
		let slices: Slice[] | undefined;
		if (qty > 0) {
			const target =
				m.unitCostMicro === undefined && m.valueMicro === undefined ? reversed(node) : undefined;
			if (m.valueMicro !== undefined) {
				movedValue = m.valueMicro;
				receive(s, fifo, qty, movedValue, m.at, m.id);
			} else if (m.unitCostMicro !== undefined) {
				movedValue = mulDiv(qty, m.unitCostMicro, 1_000_000);
				receive(s, fifo, qty, movedValue, m.at, m.id);
			} else if (target) {
				for (const piece of returnedPieces(target, returnedBefore(target, node), qty)) {
					receive(s, fifo, piece.qty, piece.value, piece.since, m.id);
					movedValue += piece.value;
				}
			} else {
				movedValue = valueAtCurrentRate(s, qty);
				receive(s, fifo, qty, movedValue, m.at, m.id);
			}
		} else if (qty < 0) {
			const taken: Slice[] = [];
			let remaining = -qty;
			if (fifo) {
				const target = reversed(node);
				if (target) remaining = takeFromSource(s, target.m.id, remaining, taken);
			}
			if (remaining > 0) issue(s, fifo, remaining, m.at, m.id, taken);
			for (const slice of taken) movedValue += slice.value;
			// Under the moving average the units that left are one slice at the movement's own
			// cost, which its moved quantity and value already say.
			if (fifo) slices = taken;
		}
		const r: MovementValue = {
			id: m.id,
			qtyAfterMicro: s.qty,
			valueAfterMicro: s.value,
			valueChangeMicro: s.value - valueBefore,
			movedQtyMicro: Math.abs(qty),
			movedValueMicro: movedValue
		};
		if (slices) r.slices = slices;
		if (keepQueues) r.queue = s.layers.map((l) => [l.qty, l.value]);
		return r;
	}

	/** Re-values `pos` from `from` on, resuming at the last checkpoint before it. */
	function revalue(pos: Position, from: Node): number {
		const nodes = pos.nodes;
		const start = indexOf(nodes, from);
		const c = Math.floor(start / CHECKPOINT_EVERY);
		pos.checkpoints.length = c + 1;
		const s = clonePosition(pos.checkpoints[c] as PositionState);
		for (let i = c * CHECKPOINT_EVERY; i < nodes.length; i++) {
			if (i % CHECKPOINT_EVERY === 0 && i > c * CHECKPOINT_EVERY)
				pos.checkpoints.push(clonePosition(s));
			const node = nodes[i] as Node;
			node.r = valueNode(node, s);
			if (i >= start && (node.dependents || node.siblings)) markDependents(pos, node);
		}
		return nodes.length - c * CHECKPOINT_EVERY;
	}

	/** Movements in other positions whose value depends on `node` (per-warehouse transfers). */
	function markDependents(pos: Position, node: Node): void {
		// Only later movements can depend on this one, so marking always moves forward in stamp
		// order and the work list ends.
		for (const other of node.dependents ?? []) {
			if (other.pos !== pos && compareNodes(node, other) < 0) markDirty(other.pos, other);
		}
		for (const sibling of node.siblings ?? []) {
			if (sibling.pos !== pos && compareNodes(node, sibling) < 0) markDirty(sibling.pos, sibling);
		}
	}

	return {
		add(movements) {
			let added = 0;
			let duplicates = 0;
			for (const m of movements) {
				if (byId.has(m.id)) {
					duplicates++;
					continue;
				}
				const pos = positionFor(keyOf(m.itemId, m.warehouseId));
				const dependents = reversalsOf.get(m.id);
				const node: Node = { m, pos, r: undefined, dependents, siblings: undefined };
				byId.set(m.id, node);
				const nodes = pos.nodes;
				const last = nodes[nodes.length - 1];
				if (!last || compareNodes(last, node) < 0) nodes.push(node);
				else nodes.splice(indexOf(nodes, node), 0, node);
				markDirty(pos, node);
				if (m.reverses !== undefined) {
					let list = reversalsOf.get(m.reverses);
					if (list) list.push(node);
					else {
						list = [node];
						reversalsOf.set(m.reverses, list);
						const target = byId.get(m.reverses);
						if (target) target.dependents = list;
					}
					node.siblings = list;
				}
				// Movements that named this one before it arrived are valued again.
				for (const other of dependents ?? [])
					if (compareNodes(node, other) < 0) markDirty(other.pos, other);
				added++;
			}
			let revalued = 0;
			while (dirty.size > 0) {
				const [pos, from] = dirty.entries().next().value as [Position, Node];
				dirty.delete(pos);
				revalued += revalue(pos, from);
			}
			return { added, duplicates, revalued };
		},
		get(id) {
			return byId.get(id)?.r;
		},
		position(itemId, warehouseId) {
			const pos = positions.get(keyOf(itemId, warehouseId));
			const last = pos?.nodes[pos.nodes.length - 1];
			if (!pos || !last) return { qtyMicro: 0, valueMicro: 0, layers: [], layerSince: [] };
			const c = pos.checkpoints.length - 1;
			const s = clonePosition(pos.checkpoints[c] as PositionState);
			// Replaying from the last checkpoint gives the layers without storing them per movement.
			for (let i = c * CHECKPOINT_EVERY; i < pos.nodes.length; i++)
				valueNode(pos.nodes[i] as Node, s);
			return {
				qtyMicro: s.qty,
				valueMicro: s.value,
				layers: s.layers.map((l) => [l.qty, l.value]),
				layerSince: s.layers.map((l) => l.since)
			};
		}
	};
}

/**
 * The units an inbound movement brings back from the outbound `target`: the next `qty` units of
 * what left with it, after the `offset` units earlier returns took, each at the cost it left at.
 * Returning more than left is valued at the target's average unit cost.
 */
function returnedPieces(target: Node, offset: number, qty: number): Slice[] {
	const r = target.r as MovementValue;
	const pieces: Slice[] = [];
	let start = 0;
	const end = offset + qty;
	for (const slice of r.slices ?? []) {
		const lo = Math.max(offset, start);
		const hi = Math.min(end, start + slice.qty);
		if (hi > lo) {
			const value =
				cumulative(slice.value, hi - start, slice.qty) -
				cumulative(slice.value, lo - start, slice.qty);
			pieces.push({ qty: hi - lo, value, since: slice.since });
		}
		start += slice.qty;
	}
	if (end > start) {
		const lo = Math.max(offset, start);
		const value =
			r.movedQtyMicro === 0
				? 0
				: cumulative(r.movedValueMicro, end, r.movedQtyMicro) -
					cumulative(r.movedValueMicro, lo, r.movedQtyMicro);
		pieces.push({ qty: end - lo, value, since: target.m.at });
	}
	return pieces;
}

/** Value of the first `part` of `whole` units worth `value`; exact at `part === whole`. */
function cumulative(value: number, part: number, whole: number): number {
	if (part === whole) return value;
	return part === 0 ? 0 : mulDiv(value, part, whole);
}

/** From scratch: every movement's value, keyed by id. */
export function valueMovements(
	movements: Iterable<ValuationMovement>,
	options: ValuationOptions
): ValuationEngine {
	const engine = createValuationEngine(options);
	engine.add(movements);
	return engine;
}

// Low-level codes: an item's deepest level in any BOM (end items 0, their components 1, …), so
// planning level by level sees every parent's planned orders before netting a component.
// A cycle in the BOM has no such order; it is reported with the items that form it.

import { StockflowError } from '../errors';

/** The BOM contains a cycle, e.g. ['A', 'B', 'A']: A needs B, which needs A. */
export class BomCycleError extends StockflowError {
	readonly cycle: readonly string[];

	constructor(cycle: readonly string[]) {
		const path = cycle.join(' → ');
		super('invalid-field', `BOM cycle: ${path}`, { field: 'bom', reason: `cycle ${path}` });
		this.cycle = cycle;
	}
}

/** Parent → child edges by item index, with each item's children and parents as index ranges. */
export interface BomGraph {
	itemCount: number;
	/** Children of item i are childOf[childStart[i] … childStart[i + 1] − 1]. */
	childStart: Int32Array;
	childOf: Int32Array;
	/** The BOM line (index into the problem's bom) behind each entry of childOf. */
	lineOf: Int32Array;
}

export function buildBomGraph(
	itemCount: number,
	lines: readonly { parent: number; child: number }[]
): BomGraph {
	const childStart = new Int32Array(itemCount + 1);
	for (const line of lines) childStart[line.parent + 1]! += 1;
	for (let i = 0; i < itemCount; i++) childStart[i + 1]! += childStart[i]!;
	const fill = childStart.slice(0, itemCount);
	const childOf = new Int32Array(lines.length);
	const lineOf = new Int32Array(lines.length);
	lines.forEach((line, index) => {
		const at = fill[line.parent]!++;
		childOf[at] = line.child;
		lineOf[at] = index;
	});
	return { itemCount, childStart, childOf, lineOf };
}

/**
 * Low-level code per item index (Kahn's topological order: a child's code is one more than its
 * deepest parent's). Throws BomCycleError naming one cycle if there is any.
 */
export function lowLevelCodes(graph: BomGraph, itemIds: readonly string[]): Int32Array {
	const { itemCount, childStart, childOf } = graph;
	const parentsLeft = new Int32Array(itemCount);
	for (let e = 0; e < childOf.length; e++) parentsLeft[childOf[e]!]! += 1;
	const codes = new Int32Array(itemCount);
	const queue = new Int32Array(itemCount);
	let head = 0;
	let tail = 0;
	for (let i = 0; i < itemCount; i++) if (parentsLeft[i] === 0) queue[tail++] = i;
	while (head < tail) {
		const parent = queue[head++]!;
		const childCode = codes[parent]! + 1;
		for (let e = childStart[parent]!; e < childStart[parent + 1]!; e++) {
			const child = childOf[e]!;
			if (codes[child]! < childCode) codes[child] = childCode;
			if (--parentsLeft[child]! === 0) queue[tail++] = child;
		}
	}
	if (tail < itemCount) throw new BomCycleError(findCycle(graph, parentsLeft, itemIds));
	return codes;
}

/**
 * Items still with unprocessed parents after Kahn's pass each have such a parent, so walking from
 * one of them to an unprocessed parent, again and again, must revisit an item: that is a cycle.
 */
function findCycle(graph: BomGraph, parentsLeft: Int32Array, itemIds: readonly string[]): string[] {
	const { itemCount, childStart, childOf } = graph;
	const unprocessedParent = new Int32Array(itemCount).fill(-1);
	for (let parent = 0; parent < itemCount; parent++) {
		if (parentsLeft[parent] === 0) continue;
		for (let e = childStart[parent]!; e < childStart[parent + 1]!; e++) {
			unprocessedParent[childOf[e]!] = parent;
		}
	}
	const start = parentsLeft.findIndex((left) => left > 0);
	const seenAt = new Map<number, number>();
	const walk: number[] = [];
	let at = start;
	while (!seenAt.has(at)) {
		seenAt.set(at, walk.length);
		walk.push(at);
		at = unprocessedParent[at]!;
	}
	// walk goes child → parent; the cycle in BOM order runs parent → child.
	const cycle = walk.slice(seenAt.get(at)).reverse();
	cycle.push(cycle[0]!);
	return cycle.map((i) => itemIds[i] ?? String(i));
}

import { describe, expect, it } from 'vitest';
import { BomCycleError, buildBomGraph, lowLevelCodes } from './low-level-codes';
import { StockflowError } from '../errors';

function codes(ids: string[], edges: [string, string][]): Record<string, number> {
	const at = (id: string) => ids.indexOf(id);
	const graph = buildBomGraph(
		ids.length,
		edges.map(([p, c]) => ({ parent: at(p), child: at(c) }))
	);
	const result = lowLevelCodes(graph, ids);
	return Object.fromEntries(ids.map((id, i) => [id, result[i] ?? -1]));
}

function cycleOf(ids: string[], edges: [string, string][]): readonly string[] {
	try {
		codes(ids, edges);
	} catch (err) {
		if (err instanceof BomCycleError) return err.cycle;
		throw err;
	}
	throw new Error('no cycle reported');
}

describe('lowLevelCodes', () => {
	it('gives an item its deepest level in any BOM', () => {
		// D is in B (level 2) and in F, itself in C (level 3); X stands alone.
		const ids = ['A', 'B', 'C', 'D', 'F', 'X'];
		const edges: [string, string][] = [
			['A', 'B'],
			['A', 'C'],
			['B', 'D'],
			['C', 'F'],
			['F', 'D']
		];
		expect(codes(ids, edges)).toEqual({ A: 0, B: 1, C: 1, D: 3, F: 2, X: 0 });
	});

	it('lists the items of a cycle in BOM order, back to the first', () => {
		const cycle = cycleOf(
			['TOP', 'A', 'B', 'C'],
			[
				['TOP', 'A'],
				['A', 'B'],
				['B', 'C'],
				['C', 'A']
			]
		);
		expect(cycle).toHaveLength(4);
		expect(cycle[0]).toBe(cycle[3]);
		// Any rotation of A → B → C → A.
		const rotations = ['A,B,C,A', 'B,C,A,B', 'C,A,B,C'];
		expect(rotations).toContain(cycle.join(','));
	});

	it('finds a cycle below items that are not in it', () => {
		const cycle = cycleOf(
			['P', 'Q', 'R', 'S'],
			[
				['P', 'Q'],
				['Q', 'R'],
				['R', 'S'],
				['S', 'R']
			]
		);
		expect(['R,S,R', 'S,R,S']).toContain(cycle.join(','));
	});

	it('reports an item that contains itself', () => {
		expect(cycleOf(['A'], [['A', 'A']])).toEqual(['A', 'A']);
	});

	it('is an error by kind naming the cycle', () => {
		let caught: unknown;
		try {
			codes(
				['A', 'B'],
				[
					['A', 'B'],
					['B', 'A']
				]
			);
		} catch (err) {
			caught = err;
		}
		expect(caught).toBeInstanceOf(StockflowError);
		expect((caught as Error).message).toMatch(/^BOM cycle: (A → B → A|B → A → B)$/);
	});
});

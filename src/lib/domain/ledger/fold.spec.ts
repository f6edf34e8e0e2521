import { describe, expect, it } from 'vitest';
import { formatStamp } from '../clock/hlc';
import { createPrng } from '../random/prng';
import { applyMovement, foldBalances, onHandOf, type Balance } from './fold';
import type { Movement } from './movement';

let seq = 0;
function mv(
	partial: Partial<Movement> & { qty: number; wallMs?: number; device?: string }
): Movement {
	const { wallMs = 1000 + seq, ...rest } = partial;
	seq++;
	return {
		id: `m${String(seq).padStart(4, '0')}`,
		at: formatStamp({ wallMs, counter: 0, device: rest.device ?? 'd1' }),
		itemId: 'i1',
		warehouseId: 'w1',
		reason: rest.qty > 0 ? 'receipt' : 'issue',
		device: 'd1',
		user: 'u',
		...rest
	};
}

function snapshot(balances: Map<string, Balance>): [string, Balance][] {
	return [...balances.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('foldBalances', () => {
	it('sums per item × warehouse × location × lot', () => {
		const balances = foldBalances([
			mv({ qty: 10 }),
			mv({ qty: 5, locationId: 'A-01' }),
			mv({ qty: 3, locationId: 'A-01', lot: 'L1' }),
			mv({ qty: -2, locationId: 'A-01', lot: 'L1' }),
			mv({ qty: 7, warehouseId: 'w2' }),
			mv({ qty: 1, itemId: 'i2' })
		]);
		expect(balances.size).toBe(5);
		expect(balances.get('i1|w1||')?.qty).toBe(10);
		expect(balances.get('i1|w1|A-01|')?.qty).toBe(5);
		expect(balances.get('i1|w1|A-01|L1')?.qty).toBe(1);
		expect(onHandOf(balances, { itemId: 'i1' })).toBe(23);
		expect(onHandOf(balances, { itemId: 'i1', warehouseId: 'w1' })).toBe(16);
		expect(onHandOf(balances, { itemId: 'i1', warehouseId: 'w1', locationId: 'A-01' })).toBe(6);
		expect(onHandOf(balances, { itemId: 'i1', warehouseId: 'w1', locationId: '' })).toBe(10);
		expect(onHandOf(balances, { itemId: 'i1', lot: 'L1' })).toBe(1);
		expect(onHandOf(balances, { itemId: 'nope' })).toBe(0);
	});

	it('keeps positions that went back to zero, with qty 0', () => {
		const balances = foldBalances([mv({ qty: 4, lot: 'L9' }), mv({ qty: -4, lot: 'L9' })]);
		expect(balances.get('i1|w1||L9')).toMatchObject({ qty: 0 });
		expect(Object.is(balances.get('i1|w1||L9')?.qty, -0)).toBe(false);
	});

	it('records the latest stamp as lastAt, whatever the array order', () => {
		const late = mv({ qty: 1, wallMs: 9000 });
		const early = mv({ qty: 2, wallMs: 100 });
		expect(foldBalances([late, early]).get('i1|w1||')?.lastAt).toBe(late.at);
		expect(foldBalances([early, late]).get('i1|w1||')?.lastAt).toBe(late.at);
	});

	it('orders equal stamps by id', () => {
		const a = {
			...mv({ qty: 1 }),
			at: formatStamp({ wallMs: 5, counter: 0, device: 'x' }),
			id: 'b'
		};
		const b = { ...a, id: 'a', qty: 2 };
		expect(foldBalances([a, b]).get('i1|w1||')).toEqual(foldBalances([b, a]).get('i1|w1||'));
	});

	it.each([1, 2, 3, 4, 5, 6, 7, 8])(
		'folds shuffled movements to the same result (seed %i)',
		(seed) => {
			const prng = createPrng(seed);
			const movements: Movement[] = [];
			for (let i = 0; i < 300; i++) {
				movements.push(
					mv({
						qty: prng.chance(0.5) ? prng.int(1, 50) : -prng.int(1, 50) / 4 - 0.1,
						itemId: prng.pick(['i1', 'i2', 'i3']),
						warehouseId: prng.pick(['w1', 'w2']),
						locationId: prng.pick([undefined, 'A', 'B']),
						lot: prng.pick([undefined, 'L1', 'L2']),
						wallMs: prng.int(0, 100),
						device: prng.pick(['d1', 'd2', 'd3'])
					})
				);
			}
			const expected = snapshot(foldBalances(movements));
			expect(snapshot(foldBalances(prng.shuffle(movements)))).toEqual(expected);
			expect(snapshot(foldBalances([...movements].reverse()))).toEqual(expected);
			// The incremental path used by projections agrees with the full fold.
			const incremental = new Map<string, Balance>();
			for (const m of prng.shuffle(movements)) applyMovement(incremental, m);
			expect(snapshot(incremental)).toEqual(expected);
		}
	);

	it('adds fractional quantities without float drift', () => {
		const balances = foldBalances([mv({ qty: 0.1 }), mv({ qty: 0.2 }), mv({ qty: -0.3 })]);
		expect(balances.get('i1|w1||')?.qty).toBe(0);
		expect(foldBalances([mv({ qty: 0.1 }), mv({ qty: 0.2 })]).get('i1|w1||')?.qty).toBe(0.3);
	});

	it('counts a movement id seen twice once (two devices appended the same movement)', () => {
		const approval = mv({ qty: 8, reason: 'adjustment', locationId: 'A-01' });
		const other = mv({ qty: 2, locationId: 'A-01' });
		// The same deterministic movement written by a second device, in another month's doc.
		const copy = { ...approval, device: 'd2' };
		const balances = foldBalances([approval, other, copy, approval]);
		expect(balances.get('i1|w1|A-01|')?.qty).toBe(10);
		expect(onHandOf(balances, { itemId: 'i1' })).toBe(10);
		// A different id with the same content is a different movement.
		expect(onHandOf(foldBalances([approval, { ...approval, id: 'other' }]), { itemId: 'i1' })).toBe(
			16
		);
	});

	it('returns an empty map for no movements', () => {
		expect(foldBalances([]).size).toBe(0);
	});
});

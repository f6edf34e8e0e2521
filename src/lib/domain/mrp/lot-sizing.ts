// Lot sizing: how much to order for a net requirement (always > 0 when called).

import { roundQty, unitsToCover } from './quantity';
import type { LotSizing } from './types';

/**
 * - lot-for-lot: exactly the net requirement;
 * - fixed: whole lots of `qty`, as many as the net requirement needs (ceil(net / qty) × qty);
 * - min-multiple: max(net, min) rounded up to a multiple of `multiple` when one is given, so a
 *   minimum that is not itself a multiple still yields an orderable quantity.
 */
export function lotSize(net: number, lotSizing: LotSizing): number {
	switch (lotSizing.rule) {
		case 'lot-for-lot':
			return net;
		case 'fixed':
			return roundQty(unitsToCover(net, lotSizing.qty) * lotSizing.qty);
		case 'min-multiple': {
			const atLeast = Math.max(net, lotSizing.min);
			const multiple = lotSizing.multiple;
			return multiple === undefined
				? atLeast
				: roundQty(unitsToCover(atLeast, multiple) * multiple);
		}
		default:
			return assertNever(lotSizing);
	}
}

function assertNever(value: never): never {
	throw new Error(`Unknown lot sizing rule ${JSON.stringify(value)}`);
}

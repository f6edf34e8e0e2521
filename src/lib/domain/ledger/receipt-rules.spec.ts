import { describe, expect, it } from 'vitest';
import { receiptProblems } from './receipt-rules';

const item = (lotTracked: boolean, shelfLifeDays = 0) => ({ code: 'X', lotTracked, shelfLifeDays });

describe('receiptProblems', () => {
	it.each([
		{ name: 'plain item, nothing asked', it: item(false), d: {}, out: {} },
		{ name: 'lot-tracked, no lot', it: item(true), d: {}, out: { lot: 'lot-required' } },
		{
			name: 'lot-tracked, blank lot',
			it: item(true),
			d: { lot: ' ' },
			out: { lot: 'lot-required' }
		},
		{
			name: 'shelf life, no expiry',
			it: item(true, 30),
			d: { lot: 'L' },
			out: { expiry: 'expiry-required' }
		},
		{
			name: 'shelf life with expiry',
			it: item(true, 30),
			d: { lot: 'L', expiry: '2026-01-01' },
			out: {}
		},
		{ name: 'cost left unset', it: item(false), d: {}, out: {} },
		{
			name: 'zero cost not confirmed',
			it: item(false),
			d: { unitCostCents: 0 },
			out: { cost: 'zero-cost-unconfirmed' }
		},
		{
			name: 'zero cost confirmed',
			it: item(false),
			d: { unitCostCents: 0, zeroCostConfirmed: true },
			out: {}
		}
	])('$name', ({ it: i, d, out }) => expect(receiptProblems(i, d)).toEqual(out));
});

import { describe, expect, it } from 'vitest';
import { AtpIndex, reservationsOf } from './atp';
import { lineProgress } from './line-progress';
import { foldOrder } from './state-machine';
import { ev, line, stampAt } from './test-events';

const lines = [line('l1', 'i1', 10)];
const confirm = () => ev('confirm', 1, { reserved: [{ lineId: 'l1', qty: 10 }], backordered: [] });
const ship = (qty: number, ms = 2) =>
	ev('ship', ms, { lines: [{ lineId: 'l1', qty }], carrier: '', tracking: '' });

describe('reservations end when shipped, closed short or cancelled', () => {
	const cases = [
		{ name: 'confirmed', events: [confirm()], reserved: 10, shipped: 0 },
		{ name: 'partly shipped', events: [confirm(), ship(6)], reserved: 4, shipped: 6 },
		{ name: 'shipped in full', events: [confirm(), ship(10)], reserved: 0, shipped: 10 },
		{
			name: 'delivered',
			events: [confirm(), ship(10), ev('deliver', 3, { signedBy: 'x', signedAt: '2026-01-02' })],
			reserved: 0,
			shipped: 10
		},
		{
			name: 'closed short',
			events: [confirm(), ship(6), ev('close-short', 3, { reason: 'no more' })],
			reserved: 0,
			shipped: 6
		},
		{
			name: 'cancelled',
			events: [confirm(), ev('cancel', 2, { reason: '' })],
			reserved: 0,
			shipped: 0
		}
	];
	it.each(cases)('$name: the line shows $reserved reserved', ({ events, reserved, shipped }) => {
		const fold = foldOrder(lines, events);
		const [l] = lines;
		expect(lineProgress(fold, l!)).toMatchObject({ reserved, shipped });
		// ATP subtracts exactly what the line shows as reserved.
		const atp = new AtpIndex(
			[{ itemId: 'i1', warehouseId: 'w1', locationId: '', lot: '', qty: 20, lastAt: stampAt(1) }],
			reservationsOf([{ id: 'o', warehouseId: 'w1', lines, fold }])
		);
		expect(atp.of('i1', 'w1').reserved).toBe(reserved);
	});
});

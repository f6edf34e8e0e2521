import { describe, expect, it } from 'vitest';
import {
	backorderQty,
	canCloseShort,
	foldOrder,
	nextStatus,
	openReservedQty,
	ORDER_STATUSES,
	TRANSITIONS,
	type OrderStatus,
	type StatusEventType
} from './state-machine';
import { ev, line, stampAt } from './test-events';

const L = [line('l1', 'i1', 10), line('l2', 'i2', 5)];
const confirm = (ms: number, by = 'ann', device = 'd1') =>
	ev(
		'confirm',
		ms,
		{
			reserved: [
				{ lineId: 'l1', qty: 10 },
				{ lineId: 'l2', qty: 5 }
			],
			backordered: []
		},
		by,
		device
	);
const shipAll = (ms: number, by = 'bob', device = 'd2') =>
	ev(
		'ship',
		ms,
		{
			lines: [
				{ lineId: 'l1', qty: 10 },
				{ lineId: 'l2', qty: 5 }
			],
			carrier: '',
			tracking: ''
		},
		by,
		device
	);

describe('transition table', () => {
	const table: [OrderStatus, StatusEventType, OrderStatus | null][] = [
		['draft', 'confirm', 'confirmed'],
		['draft', 'ship', null],
		['draft', 'cancel', 'cancelled'],
		['confirmed', 'start-picking', 'picking'],
		['confirmed', 'ship', 'shipped'],
		['picking', 'pack', 'packed'],
		['picking', 'confirm', null],
		['packed', 'ship', 'shipped'],
		['packed', 'cancel', 'cancelled'],
		['partially-shipped', 'ship', 'shipped'],
		['partially-shipped', 'cancel', null],
		['shipped', 'deliver', 'delivered'],
		['shipped', 'cancel', null],
		['delivered', 'cancel', null],
		['cancelled', 'confirm', null],
		['partially-shipped', 'close-short', 'closed-short'],
		['picking', 'close-short', 'closed-short'],
		['packed', 'close-short', 'closed-short'],
		['confirmed', 'close-short', null],
		['draft', 'close-short', null],
		['shipped', 'close-short', null],
		['closed-short', 'ship', null],
		['closed-short', 'cancel', null],
		['closed-short', 'deliver', 'delivered']
	];
	it.each(table)('%s + %s → %s', (from, event, to) => {
		expect(nextStatus(from, event)).toBe(to);
	});
	it('has a row for every status, and terminal states go nowhere', () => {
		for (const s of ORDER_STATUSES) expect(TRANSITIONS[s]).toBeDefined();
		expect(Object.keys(TRANSITIONS.delivered)).toEqual([]);
		expect(Object.keys(TRANSITIONS.cancelled)).toEqual([]);
	});
});

describe('foldOrder', () => {
	it('walks the happy path and records the delivery', () => {
		const f = foldOrder(L, [
			confirm(1),
			ev('start-picking', 2, {}),
			ev('pack', 3, { packages: 2 }),
			shipAll(4),
			ev('deliver', 5, { signedBy: '王小明', signedAt: '2026-11-20 14:00' })
		]);
		expect(f.status).toBe('delivered');
		expect(f.delivery?.signedBy).toBe('王小明');
		expect(f.conflicts).toEqual([]);
	});

	it('is independent of the order events arrive in', () => {
		const events = [
			confirm(1),
			ev('start-picking', 2, {}),
			shipAll(4),
			ev('cancel', 3, { reason: '' })
		];
		const a = foldOrder(L, events);
		const b = foldOrder(L, [...events].reverse());
		expect(b.status).toBe(a.status);
		expect(b.conflicts.map((c) => c.event.id)).toEqual(a.conflicts.map((c) => c.event.id));
	});

	it('a shipment wins over a cancel stamped before it, and the cancel shows as a conflict', () => {
		const cancel = ev('cancel', 5, { reason: 'customer called' }, 'carol', 'd3');
		const ship = shipAll(9);
		const f = foldOrder(L, [confirm(1), cancel, ship]);
		expect(f.status).toBe('shipped');
		expect(f.conflicts).toHaveLength(1);
		expect(f.conflicts[0]?.event.by).toBe('carol');
		expect(f.conflicts[0]?.winner?.id).toBe(ship.id);
	});

	it('a cancel wins over a later-stamped picking (earliest stamp wins)', () => {
		const f = foldOrder(L, [
			confirm(1),
			ev('cancel', 2, { reason: '' }, 'carol'),
			ev('start-picking', 3, {}, 'dan')
		]);
		expect(f.status).toBe('cancelled');
		expect(f.conflicts.map((c) => c.event.by)).toEqual(['dan']);
		expect(openReservedQty(f, 'l1')).toBe(0);
	});

	it('two devices confirming the same draft: the first counts, the second is a quiet duplicate', () => {
		const first = confirm(1, 'ann', 'd1');
		const second = ev(
			'confirm',
			2,
			{ reserved: [{ lineId: 'l1', qty: 3 }], backordered: [] },
			'bob',
			'd2'
		);
		const f = foldOrder(L, [second, first]);
		expect(f.confirmedAt).toBe(first.at);
		expect(f.lines.get('l1')?.reserved).toBe(10);
		expect(f.duplicates.map((e) => e.id)).toEqual([second.id]);
		expect(f.conflicts).toEqual([]);
	});

	it('partial shipment leaves the rest open; back-order counts what is neither reserved nor shipped', () => {
		const f = foldOrder(L, [
			ev('confirm', 1, {
				reserved: [
					{ lineId: 'l1', qty: 6 },
					{ lineId: 'l2', qty: 5 }
				],
				backordered: [{ lineId: 'l1', qty: 4 }]
			}),
			ev('ship', 2, {
				lines: [
					{ lineId: 'l1', qty: 6 },
					{ lineId: 'l2', qty: 5 }
				],
				carrier: '黑貓',
				tracking: 'T1'
			})
		]);
		expect(f.status).toBe('partially-shipped');
		expect(openReservedQty(f, 'l1')).toBe(0);
		expect(backorderQty(f, L[0]!)).toBe(4);
		const done = foldOrder(L, [
			...f.applied,
			ev('ship', 3, { lines: [{ lineId: 'l1', qty: 4 }], carrier: '', tracking: '' })
		]);
		expect(done.status).toBe('shipped');
	});

	it('reallocate moves reserved quantity to back-order', () => {
		const f = foldOrder(L, [confirm(1), ev('reallocate', 2, { lineId: 'l1', toBackorder: 4 })]);
		expect(openReservedQty(f, 'l1')).toBe(6);
		expect(f.lines.get('l1')?.backordered).toBe(4);
	});

	it('returns and feedback are only valid after shipping', () => {
		const early = foldOrder(L, [confirm(1), ev('feedback', 2, { rating: 5, comment: '' })]);
		expect(early.feedback).toBeNull();
		expect(early.conflicts).toHaveLength(1);
		const late = foldOrder(L, [
			confirm(1),
			shipAll(2),
			ev('return', 3, { lines: [{ lineId: 'l1', qty: 2, reason: 'damaged', restock: false }] }),
			ev('feedback', 4, { rating: 4, comment: '包裝好' })
		]);
		expect(late.lines.get('l1')?.returned).toBe(2);
		expect(late.feedback?.rating).toBe(4);
	});

	describe('close short (結案（短交）)', () => {
		const shipSome = (ms: number, by = 'bob', device = 'd2') =>
			ev('ship', ms, { lines: [{ lineId: 'l1', qty: 4 }], carrier: '', tracking: '' }, by, device);
		const closeShort = (ms: number, by = 'carol', device = 'd3') =>
			ev('close-short', ms, { reason: '客戶不要了' }, by, device);

		it('releases the remaining reservation and keeps the reason', () => {
			const f = foldOrder(L, [confirm(1), shipSome(2), closeShort(3)]);
			expect(f.status).toBe('closed-short');
			expect(f.closedShort).toMatchObject({ reason: '客戶不要了', by: 'carol' });
			expect(openReservedQty(f, 'l1')).toBe(0);
			expect(openReservedQty(f, 'l2')).toBe(0);
			expect(backorderQty(f, L[0]!)).toBe(0);
			expect(f.lines.get('l1')?.shipped).toBe(4);
		});

		it('needs a shipment first and something left to ship', () => {
			const none = foldOrder(L, [confirm(1), ev('start-picking', 2, {}), closeShort(3)]);
			expect(none.status).toBe('picking');
			expect(none.conflicts.map((c) => c.event.type)).toEqual(['close-short']);
			const all = foldOrder(L, [confirm(1), shipAll(2), closeShort(3)]);
			expect(all.status).toBe('shipped');
			expect(all.conflicts).toHaveLength(1);
			expect(canCloseShort('picking', L, none.lines)).toBe(false);
		});

		it('a shipment stamped after the close overrules it, like a cancel', () => {
			const close = closeShort(3);
			const late = ev('ship', 4, { lines: [{ lineId: 'l2', qty: 5 }], carrier: '', tracking: '' });
			const f = foldOrder(L, [late, close, shipSome(2), confirm(1)]);
			expect(f.status).toBe('partially-shipped');
			expect(f.closedShort).toBeNull();
			expect(f.conflicts).toHaveLength(1);
			expect(f.conflicts[0]).toMatchObject({ event: { id: close.id }, winner: { id: late.id } });
			expect(openReservedQty(f, 'l1')).toBe(6);
		});

		it('a shipment stamped before the close counts, and the close still applies when rest remains', () => {
			const f = foldOrder(L, [
				confirm(1),
				shipSome(2),
				closeShort(5),
				ev('ship', 4, { lines: [{ lineId: 'l2', qty: 5 }], carrier: '', tracking: '' })
			]);
			expect(f.status).toBe('closed-short');
			expect(f.lines.get('l2')?.shipped).toBe(5);
		});

		it('two devices closing short: one counts, the other is a quiet duplicate', () => {
			const a = closeShort(3, 'carol', 'd3');
			const b = closeShort(4, 'dan', 'd4');
			const f = foldOrder(L, [b, a, shipSome(2), confirm(1)]);
			expect(f.closedShort?.by).toBe('carol');
			expect(f.duplicates.map((e) => e.id)).toEqual([b.id]);
			expect(f.conflicts).toEqual([]);
		});

		it('the shipped part can still be signed for and returned', () => {
			const f = foldOrder(L, [
				confirm(1),
				shipSome(2),
				closeShort(3),
				ev('return', 4, { lines: [{ lineId: 'l1', qty: 1, reason: 'damaged', restock: true }] }),
				ev('deliver', 5, { signedBy: '王', signedAt: '2026-11-20' })
			]);
			expect(f.status).toBe('delivered');
			expect(f.closedShort).not.toBeNull();
			expect(f.lines.get('l1')?.returned).toBe(1);
		});
	});
});

describe('events from a newer app', () => {
	it('are counted and leave the fold of the known events unchanged', () => {
		const known = [
			confirm(1000),
			ev('ship', 3000, { lines: [{ lineId: 'l1', qty: 4 }], carrier: '', tracking: '' }),
			ev('cancel', 4000, { reason: 'late' }),
			ev('feedback', 5000, { rating: 4, comment: '' })
		];
		const unknown = [500, 2000, 3500, 6000].map((ms, i) => ({
			id: `u${i}`,
			at: stampAt(ms, 'new'),
			// Types a newer app might add, including one that sounds like a status change.
			type: i % 2 === 0 ? 'reopen' : 'invoice',
			by: 'zoe',
			device: 'new'
		}));
		const alone = foldOrder(L, known);
		const mixed = foldOrder(L, known, unknown);
		expect(alone.unknownEvents).toBe(0);
		expect(mixed.unknownEvents).toBe(4);
		expect({ ...mixed, unknownEvents: 0 }).toEqual(alone);
		expect(mixed.status).toBe('partially-shipped');
		expect(mixed.lastAt).toBe(known.at(-1)?.at);
	});
});

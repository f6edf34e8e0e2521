// A sales order confirmed by a tablet whose clock runs ahead (issue 15): the warehouse's next
// event, stamped now, would sort before the confirmation and be overruled (a pick of a draft).
// The warehouse is told to ask an admin; the admin's confirmed event is stamped just after the
// confirmation, so the order folds to what people did. Exactly on the 5-minute bound the
// warehouse's device has merged the confirmation's stamp and stamps after it: nobody is asked.
import { describe, expect, it } from 'vitest';
import { RELAY_NOW, relayTimeShop } from '../relay-time-shop';
import { createWarehouse } from '../catalog';
import type { CommandContext } from '../context';
import { createCustomer } from '../customers';
import { withFarStampsConfirmed } from '../far-events';
import { ledgerMovements } from '../ledger-cache';
import { recordReceipt } from '../movements';
import { FarStampError } from '../../domain/errors';
import { FLAG_AHEAD_MS } from '../../domain/clock/stamp-trust';
import { foldBalances, onHandOf } from '../../domain/ledger/fold';
import { createOrder } from './create';
import { boardOf, requireOrder } from './read';
import { shipOrder } from './shipping';
import { confirmOrder, startPicking } from './transitions';

const NOW = RELAY_NOW;
const HOUR = 3_600_000;

function shop(confirmAheadMs: number) {
	const { at, admin, item } = relayTimeShop();
	const wh = createWarehouse(admin, { code: 'W', name: 'w' });
	recordReceipt(admin, { itemId: item.id, warehouseId: wh.id, qty: 20, unit: 'pcs' });
	const customer = createCustomer(admin, { code: 'C1', name: 'c' });
	const tablet = at('tablet', 'sales', NOW + confirmAheadMs);
	const order = createOrder(tablet, {
		customerId: customer.id,
		warehouseId: wh.id,
		requestedDate: '2026-12-10',
		lines: [{ itemId: item.id, qty: 8, unitPriceCents: 100, discountPct: 0, taxRate: 0.05 }]
	});
	const confirmed = confirmOrder(tablet, order.id);
	const clerk = at('clerk', 'warehouse', NOW);
	// Each device adopts the confirmation's stamp only within the bound (relay-time-shop.ts).
	clerk.clock.receive(confirmed.at);
	admin.clock.receive(confirmed.at);
	const current = () => requireOrder(boardOf(admin), order.id);
	const onHand = () =>
		onHandOf(foldBalances(ledgerMovements(admin)), { itemId: item.id, warehouseId: wh.id });
	const refusal = (run: () => unknown) => {
		try {
			run();
		} catch (error) {
			return error;
		}
		return null;
	};
	return { admin, clerk, order, confirmed, current, onHand, refusal };
}

describe('a sales order confirmed by a clock running ahead', () => {
	it('exactly 5 minutes ahead: the warehouse starts picking, after the confirmation', () => {
		const s = shop(FLAG_AHEAD_MS);
		const event = startPicking(s.clerk, s.order.id);
		expect(event.at > s.confirmed.at).toBe(true);
		expect(s.current().fold.status).toBe('picking');
	});

	it('5 min and 1 ms ahead: the warehouse is refused, may not confirm, nothing is written', () => {
		const s = shop(FLAG_AHEAD_MS + 1);
		const error = s.refusal(() => startPicking(withFarStampsConfirmed(s.clerk), s.order.id));
		expect(error).toBeInstanceOf(FarStampError);
		expect(error).toMatchObject({ code: 'far-stamp', mayConfirm: false });
		expect(s.current().order.events).toHaveLength(1);
		expect(s.current().fold.status).toBe('confirmed');
	});

	it('10 hours ahead: the admin is asked, confirms, and the order is picking', () => {
		const s = shop(10 * HOUR);
		expect(s.refusal(() => startPicking(s.admin, s.order.id))).toMatchObject({ mayConfirm: true });
		expect(s.current().order.events).toHaveLength(1);
		const event = startPicking(withFarStampsConfirmed(s.admin), s.order.id);
		expect(event.at > s.confirmed.at).toBe(true);
		expect(s.current().fold.status).toBe('picking');
	});

	it('10 hours ahead: a refused shipment moves no stock; the confirmed one ships 8 of 20', () => {
		const s = shop(10 * HOUR);
		expect(s.refusal(() => shipOrder(s.clerk, s.order.id))).toBeInstanceOf(FarStampError);
		expect(s.onHand()).toBe(20);
		expect(s.current().fold.status).toBe('confirmed');
		shipOrder(withFarStampsConfirmed(s.admin), s.order.id);
		expect(s.current().fold.status).toBe('shipped');
		expect(s.onHand()).toBe(12);
	});

	it('why: without the gate (no relay time) the pick sorts before the confirmation and is lost', () => {
		const s = shop(10 * HOUR);
		const offline: CommandContext = { ...s.clerk, timeMs: undefined };
		startPicking(offline, s.order.id);
		expect(s.current().fold.status).toBe('confirmed');
	});
});

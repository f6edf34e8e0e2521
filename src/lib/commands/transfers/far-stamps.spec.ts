// A transfer whose dispatch was stamped by a tablet running ahead (issue 15): a receipt stamped
// now would sort before the dispatch and be overruled (its stock reversed at B). The warehouse
// is told to ask an admin; the admin's confirmed receipt is stamped just after the dispatch.
// Exactly on the 5-minute bound the receiving device has merged the dispatch's stamp and stamps
// after it, so nobody is asked.
import { describe, expect, it } from 'vitest';
import { RELAY_NOW, relayTimeShop } from '../relay-time-shop';
import { createWarehouse } from '../catalog';
import type { CommandContext } from '../context';
import { withFarStampsConfirmed } from '../far-events';
import { ledgerMovements } from '../ledger-cache';
import { recordReceipt } from '../movements';
import { FarStampError } from '../../domain/errors';
import { FLAG_AHEAD_MS } from '../../domain/clock/stamp-trust';
import { foldBalances, onHandOf } from '../../domain/ledger/fold';
import { foldTransfer } from '../../domain/transfers/state-machine';
import { readTransfers } from '../../doc/transfers-doc';
import { createTransfer, dispatchTransfer, receiveTransfer } from './transfers';

const NOW = RELAY_NOW;

function shop(dispatchAheadMs: number) {
	const { docs, at, admin, item } = relayTimeShop();
	const a = createWarehouse(admin, { code: 'A', name: 'a' });
	const b = createWarehouse(admin, { code: 'B', name: 'b' });
	recordReceipt(admin, { itemId: item.id, warehouseId: a.id, qty: 20, unit: 'pcs' });
	const tablet = at('tablet', 'warehouse', NOW + dispatchAheadMs);
	const t = createTransfer(tablet, {
		fromWarehouseId: a.id,
		toWarehouseId: b.id,
		lines: [{ itemId: item.id, qty: 8 }]
	});
	const dispatch = dispatchTransfer(tablet, t.id);
	const clerk = at('clerk', 'warehouse', NOW);
	// The runtime merges every stamp it sees within the bound (doc/update-stamps.ts).
	clerk.clock.receive(dispatch.at);
	admin.clock.receive(dispatch.at);
	const receive = (ctx: CommandContext, confirmed = false) =>
		receiveTransfer(confirmed ? withFarStampsConfirmed(ctx) : ctx, t.id, [
			{ itemId: item.id, qtyReceived: 8 }
		]);
	const status = () =>
		foldTransfer(readTransfers(docs.shared('orders')).transfers[0]?.events ?? []).status;
	const onHandB = () =>
		onHandOf(foldBalances(ledgerMovements(admin)), { itemId: item.id, warehouseId: b.id });
	return { admin, clerk, receive, status, onHandB, dispatch };
}

describe('receiving a transfer dispatched by a clock running ahead', () => {
	it('exactly 5 minutes ahead: received by the warehouse, after the dispatch', () => {
		const s = shop(FLAG_AHEAD_MS);
		const event = s.receive(s.clerk);
		expect(event.at > s.dispatch.at).toBe(true);
		expect(s.status()).toBe('received');
		expect(s.onHandB()).toBe(8);
	});

	it('5 min and 1 ms ahead: the warehouse is refused and may not confirm', () => {
		const s = shop(FLAG_AHEAD_MS + 1);
		expect(() => s.receive(s.clerk, true)).toThrow(FarStampError);
		expect(() => s.receive(s.clerk, true)).toThrow(expect.objectContaining({ mayConfirm: false }));
		expect(s.status()).toBe('in-transit');
	});

	it('10 hours ahead: the admin confirms, the receipt sorts after the dispatch, B holds 8', () => {
		const s = shop(10 * 3_600_000);
		expect(() => s.receive(s.admin)).toThrow(expect.objectContaining({ mayConfirm: true }));
		const event = s.receive(s.admin, true);
		expect(event.at > s.dispatch.at).toBe(true);
		expect(s.status()).toBe('received');
		expect(s.onHandB()).toBe(8);
	});
});

// A purchase order approved by a tablet whose clock runs ahead (issue 15): a buyer's "send",
// stamped now, would sort before the approval and be dropped (a draft cannot be sent). Refused
// for anyone but an admin who confirms; the admin's event is stamped just after the far one.
// A refused receipt writes no stock movement. Exactly on the 5-minute bound nobody is asked.

import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/lib/commands/context';
import { withFarStampsConfirmed } from '../../src/lib/commands/far-events';
import { ledgerBalances } from '../../src/lib/commands/ledger-cache';
import {
	approvePurchaseOrder,
	createPurchaseOrder,
	sendPurchaseOrder
} from '../../src/lib/commands/purchasing/purchase-orders';
import { purchasingView, requirePurchaseOrder } from '../../src/lib/commands/purchasing/read';
import { receivePurchaseOrder } from '../../src/lib/commands/purchasing/receiving';
import type { Role } from '../../src/lib/domain/auth/roles';
import { createHlc } from '../../src/lib/domain/clock/hlc';
import { FLAG_AHEAD_MS } from '../../src/lib/domain/clock/stamp-trust';
import { FarStampError } from '../../src/lib/domain/errors';
import { device, makeWorld, type World } from './purchasing-fixture';

const HOUR = 3_600_000;
const DAY = '2026-11-02';

/** A device whose clock is `aheadMs` off the relay's (the world's clock), as the browser's. */
function at(w: World, name: string, role: Role, aheadMs: number): CommandContext {
	return {
		...device(w.docs, w.clock, name, role, aheadMs),
		clock: createHlc(name, () => w.clock.ms + aheadMs, { maxAheadMs: FLAG_AHEAD_MS }),
		// Offline with a wrong clock it trusts its own; on time, it is the relay's.
		timeMs: () => w.clock.ms + aheadMs
	};
}

/** A PO of 100 × BOX-A approved (and, with `sent`, sent) by a tablet `aheadMs` ahead. */
function shop(aheadMs: number, sent = false) {
	const w = makeWorld();
	const tablet = at(w, 'tablet', 'admin', aheadMs);
	const po = createPurchaseOrder(tablet, {
		supplierId: w.supplierId,
		warehouseId: w.warehouseId,
		orderDate: DAY,
		lines: [{ itemId: w.itemA, qty: 100 }]
	});
	const last = sent
		? (approvePurchaseOrder(tablet, po.id, { today: DAY }), sendPurchaseOrder(tablet, po.id))
		: approvePurchaseOrder(tablet, po.id, { today: DAY });
	const devices = {
		buyer: at(w, 'buyer', 'purchasing', 0),
		clerk: at(w, 'clerk', 'warehouse', 0),
		admin: at(w, 'desk', 'admin', 0)
	};
	for (const d of Object.values(devices)) d.clock.receive(last.at);
	const current = () => requirePurchaseOrder(purchasingView(w.ctx), po.id);
	const lineId = current().po.lines[0]?.id ?? '';
	const receive = (ctx: CommandContext) =>
		receivePurchaseOrder(ctx, po.id, { receivedOn: DAY, lines: [{ lineId, accepted: 100 }] });
	const stock = () =>
		[...ledgerBalances(w.ctx).values()]
			.filter((b) => b.itemId === w.itemA)
			.reduce((sum, b) => sum + b.qty, 0);
	return { ...devices, po, last, current, receive, stock };
}

function refusal(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	return null;
}

describe('a purchase order approved by a clock running ahead', () => {
	it('exactly 5 minutes ahead: the buyer sends it, after the approval', () => {
		const s = shop(FLAG_AHEAD_MS);
		const event = sendPurchaseOrder(s.buyer, s.po.id);
		expect(event.at > s.last.at).toBe(true);
		expect(s.current().fold.status).toBe('sent');
	});

	it('5 min and 1 ms ahead: the buyer is refused, may not confirm, nothing is written', () => {
		const s = shop(FLAG_AHEAD_MS + 1);
		const error = refusal(() => sendPurchaseOrder(withFarStampsConfirmed(s.buyer), s.po.id));
		expect(error).toBeInstanceOf(FarStampError);
		expect(error).toMatchObject({ mayConfirm: false });
		expect(s.current().po.events).toHaveLength(1);
		expect(s.current().fold.status).toBe('approved');
	});

	it('10 hours ahead: the admin is asked, confirms, and the order is sent', () => {
		const s = shop(10 * HOUR);
		expect(refusal(() => sendPurchaseOrder(s.admin, s.po.id))).toMatchObject({ mayConfirm: true });
		const event = sendPurchaseOrder(withFarStampsConfirmed(s.admin), s.po.id);
		expect(event.at > s.last.at).toBe(true);
		expect(s.current().fold.status).toBe('sent');
	});

	it('10 hours ahead: a refused receipt moves no stock; the confirmed one receives 100', () => {
		const s = shop(10 * HOUR, true);
		expect(refusal(() => s.receive(s.clerk))).toBeInstanceOf(FarStampError);
		expect(s.stock()).toBe(0);
		expect(s.current().po.events).toHaveLength(2);
		s.receive(withFarStampsConfirmed(s.admin));
		expect(s.current().fold.status).toBe('received');
		expect(s.stock()).toBe(100);
	});
});

// A work order completed (or released) on a tablet whose clock runs ahead (issue 15): the
// planner's "close", stamped now, would sort before the completion and be lost as a conflict
// (the order stays completed). Refused for anyone but an admin who confirms; the admin's event
// is stamped just after the far one. A refused material issue writes no stock movement.
// Exactly on the 5-minute bound nobody is asked.

import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/lib/commands/context';
import { withFarStampsConfirmed } from '../../src/lib/commands/far-events';
import { ledgerBalances } from '../../src/lib/commands/ledger-cache';
import { recordReceipt } from '../../src/lib/commands/movements';
import { productionView, requireWorkOrder } from '../../src/lib/commands/production/read';
import { completeWorkOrder, issueMaterials } from '../../src/lib/commands/production/shop-floor';
import {
	closeWorkOrder,
	createWorkOrders,
	releaseWorkOrder
} from '../../src/lib/commands/production/work-orders';
import type { Role } from '../../src/lib/domain/auth/roles';
import { createHlc } from '../../src/lib/domain/clock/hlc';
import { FLAG_AHEAD_MS } from '../../src/lib/domain/clock/stamp-trust';
import { FarStampError } from '../../src/lib/domain/errors';
import { device, makeFactory, type Factory } from './production-fixture';

const HOUR = 3_600_000;

/** A device whose clock is `aheadMs` off the relay's (the factory's clock), as the browser's. */
function at(f: Factory, name: string, role: Role, aheadMs: number): CommandContext {
	return {
		...device(f.docs, f.clock, name, role, aheadMs),
		clock: createHlc(name, () => f.clock.ms + aheadMs, { maxAheadMs: FLAG_AHEAD_MS }),
		// Offline with a wrong clock it trusts its own; on time, it is the relay's.
		timeMs: () => f.clock.ms + aheadMs
	};
}

/** 10 tables released — and, with `complete`, completed — on a tablet `aheadMs` ahead. */
function factory(aheadMs: number, complete: boolean) {
	const f = makeFactory();
	recordReceipt(f.ctx, { itemId: f.top, warehouseId: f.warehouseId, qty: 10, unit: '片' });
	const tablet = at(f, 'tablet', 'production', aheadMs);
	const [wo] = createWorkOrders(tablet, [
		{
			itemId: f.table,
			qty: 10,
			warehouseId: f.warehouseId,
			startDate: '2026-11-02',
			dueDate: '2026-11-06'
		}
	]);
	const id = wo?.id ?? '';
	const released = releaseWorkOrder(tablet, id);
	const last = complete ? completeWorkOrder(tablet, id, { good: 10, backflush: false }) : released;
	const planner = at(f, 'planner', 'production', 0);
	const admin = at(f, 'desk', 'admin', 0);
	planner.clock.receive(last.at);
	admin.clock.receive(last.at);
	const current = () => requireWorkOrder(productionView(f.ctx), id);
	const tops = () =>
		[...ledgerBalances(f.ctx).values()]
			.filter((b) => b.itemId === f.top)
			.reduce((sum, b) => sum + b.qty, 0);
	const issueTops = (ctx: CommandContext) => issueMaterials(ctx, id, [{ itemId: f.top, qty: 4 }]);
	return { id, last, planner, admin, current, tops, issueTops };
}

function refusal(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	return null;
}

describe('a work order completed by a clock running ahead', () => {
	it('exactly 5 minutes ahead: the planner closes it, after the completion', () => {
		const s = factory(FLAG_AHEAD_MS, true);
		const event = closeWorkOrder(s.planner, s.id);
		expect(event.at > s.last.at).toBe(true);
		expect(s.current().fold.status).toBe('closed');
	});

	it('5 min and 1 ms ahead: the planner is refused, may not confirm, nothing is written', () => {
		const s = factory(FLAG_AHEAD_MS + 1, true);
		const error = refusal(() => closeWorkOrder(withFarStampsConfirmed(s.planner), s.id));
		expect(error).toBeInstanceOf(FarStampError);
		expect(error).toMatchObject({ mayConfirm: false });
		expect(s.current().order.events).toHaveLength(2);
		expect(s.current().fold.status).toBe('completed');
	});

	it('10 hours ahead: the admin is asked, confirms, and the order is closed', () => {
		const s = factory(10 * HOUR, true);
		expect(refusal(() => closeWorkOrder(s.admin, s.id))).toMatchObject({ mayConfirm: true });
		const event = closeWorkOrder(withFarStampsConfirmed(s.admin), s.id);
		expect(event.at > s.last.at).toBe(true);
		expect(s.current().fold.status).toBe('closed');
	});

	it('why: without the gate (no relay time) the close sorts first and is lost', () => {
		const s = factory(10 * HOUR, true);
		closeWorkOrder({ ...s.planner, timeMs: undefined }, s.id);
		expect(s.current().fold.status).toBe('completed');
	});

	it('10 hours ahead: a refused issue moves no stock; the confirmed one issues 4 of 10', () => {
		const s = factory(10 * HOUR, false);
		expect(refusal(() => s.issueTops(s.planner))).toBeInstanceOf(FarStampError);
		expect(s.tops()).toBe(10);
		s.issueTops(withFarStampsConfirmed(s.admin));
		expect(s.tops()).toBe(6);
		expect(s.current().fold.status).toBe('in-progress');
	});
});

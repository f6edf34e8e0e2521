// Planning over a small factory: a sales order for 10 tables next week explodes into a planned
// work order for tables, one for legs and planned purchases of tops and screws; converting
// them yields planned work orders and MRP requisitions, and a re-plan then proposes nothing new.

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { createCustomer } from '../../src/lib/commands/customers';
import { recordReceipt } from '../../src/lib/commands/movements';
import { createOrder } from '../../src/lib/commands/orders/create';
import { confirmOrder } from '../../src/lib/commands/orders/transitions';
import { convertPlannedOrders, runPlan } from '../../src/lib/commands/production/planning';
import { ledgerBalances } from '../../src/lib/commands/ledger-cache';
import { productionView } from '../../src/lib/commands/production/read';
import { purchasingView } from '../../src/lib/commands/purchasing/read';
import { cancelRequisition } from '../../src/lib/commands/purchasing/requisitions';
import { ForbiddenError } from '../../src/lib/domain/errors';
import { buildPlan } from '../../src/lib/domain/production/planning';
import { readPlanningSnapshot } from '../../src/lib/commands/production/planning';
import {
	encodePlanDocs,
	PlanDocsMirror,
	PlanDocsSender,
	planOfDocs
} from '../../src/lib/state/pages/production-plan-docs';
import { promiseForRequest } from '../../src/lib/commands/production/promise';
import { device, makeFactory } from './production-fixture';

const TODAY = '2026-11-02';

function withDemand() {
	const f = makeFactory();
	const c = createCustomer(f.ctx, { code: 'C1', name: '家具行' });
	recordReceipt(f.ctx, { itemId: f.top, warehouseId: f.warehouseId, qty: 4, unit: '片' });
	const order = createOrder(f.ctx, {
		customerId: c.id,
		warehouseId: f.warehouseId,
		requestedDate: '2026-11-20',
		lines: [{ itemId: f.table, qty: 10, unitPriceCents: 500000 }]
	});
	confirmOrder(f.ctx, order.id, { backorder: true });
	return { f, order };
}

/** A second confirmed order for tables, after the first. */
function withMoreDemand(f: ReturnType<typeof makeFactory>): void {
	const c = createCustomer(f.ctx, { code: 'C2', name: '餐廳' });
	const order = createOrder(f.ctx, {
		customerId: c.id,
		warehouseId: f.warehouseId,
		requestedDate: '2026-11-27',
		lines: [{ itemId: f.table, qty: 3, unitPriceCents: 500000 }]
	});
	confirmOrder(f.ctx, order.id, { backorder: true });
}

describe('planning', () => {
	it('explodes a sales order level by level with pegging', () => {
		const { f, order } = withDemand();
		const plan = runPlan(f.ctx, TODAY, 8);
		const by = (itemId: string) => plan.plannedOrders.filter((o) => o.itemId === itemId);
		expect(by(f.table)).toEqual([
			expect.objectContaining({
				kind: 'production',
				qty: 10,
				needDate: '2026-11-16',
				releaseDate: '2026-11-09'
			})
		]);
		expect(by(f.table)[0]!.pegs).toEqual([{ label: order.number, qty: 10 }]);
		// 40 legs the week before the tables; the 10 of safety stock were needed already (past due).
		expect(by(f.leg).map((o) => [o.qty, o.needDate, o.pastDue])).toEqual([
			[10, '2026-11-02', true],
			[40, '2026-11-09', false]
		]);
		expect(by(f.leg)[1]!.pegs).toEqual([{ label: `${f.table}@2026-11-16`, qty: 40 }]);
		expect(by(f.top)).toEqual([expect.objectContaining({ kind: 'purchase', qty: 6 })]);
		// Both leg orders release in week 1: 50 legs × 2 screws × 110 %, bought at once.
		expect(by(f.screw).map((o) => [o.qty, o.kind])).toEqual([[110, 'purchase']]);
		expect(plan.exceptions.some((e) => e.type === 'past-due' && e.itemId === f.leg)).toBe(true);
	});

	it('the worker-side pure function gives the same plan as the command', () => {
		const { f } = withDemand();
		expect(buildPlan(structuredClone(readPlanningSnapshot(f.ctx, TODAY, 8)), 8)).toEqual(
			runPlan(f.ctx, TODAY, 8)
		);
	});

	it("the worker's copy (Yjs updates and the page's stock fold) plans exactly as the page's docs", () => {
		const { f } = withDemand();
		const balances = [...ledgerBalances(f.ctx).values()];
		expect(balances.length).toBeGreaterThan(0);
		const copy = structuredClone(encodePlanDocs(f.docs, balances));
		expect(planOfDocs(copy, TODAY, 8)).toEqual(runPlan(f.ctx, TODAY, 8));
	});

	it("the worker's copy loaded from IndexedDB gets only what it lacks, and plans the same", async () => {
		const { f } = withDemand();
		const balances = [...ledgerBalances(f.ctx).values()];
		// This device stored the docs as they were; an order line changed since (not stored yet).
		const stored = async (name: string, doc: Y.Doc): Promise<Uint8Array> => {
			const copy = new Y.Doc();
			Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
			const p = new IndexeddbPersistence(`plan-${name}`, copy);
			await p.whenSynced;
			await p.destroy();
			return Y.encodeStateVector(copy);
		};
		const storedCatalog = await stored('catalog', f.docs.catalog);
		const storedOrders = await stored('orders', f.docs.shared('orders'));
		withMoreDemand(f);
		const mirror = new PlanDocsMirror();
		const sender = new PlanDocsSender();
		sender.assumeHeld(await mirror.load({ catalog: 'plan-catalog', orders: 'plan-orders' }));
		const diff = structuredClone(sender.encode(f.docs, balances));
		// The new customer and order only: what the stored copies lack, not the whole docs.
		const whole = encodePlanDocs(f.docs, balances);
		expect(diff.catalog).toEqual(Y.encodeStateAsUpdate(f.docs.catalog, storedCatalog));
		expect(diff.orders).toEqual(Y.encodeStateAsUpdate(f.docs.shared('orders'), storedOrders));
		expect(diff.catalog.length).toBeLessThan(whole.catalog.length / 4);
		expect(diff.orders.length).toBeLessThan(whole.orders.length);
		expect(mirror.plan(diff, TODAY, 8)).toEqual(runPlan(f.ctx, TODAY, 8));
	});

	it('a production planner converts in one action, and a re-plan then proposes nothing more', () => {
		const { f } = withDemand();
		const plan = runPlan(f.ctx, TODAY, 8);
		// Sales writes the orders doc but may not raise work orders or requisitions: nothing written.
		const sales = device(f.docs, f.clock, 'desk', 'sales');
		expect(() => convertPlannedOrders(sales, plan.plannedOrders, f.warehouseId)).toThrow(
			ForbiddenError
		);
		expect(productionView(f.ctx).workOrders).toHaveLength(0);
		expect(purchasingView(f.ctx).requisitions).toHaveLength(0);
		const planner = device(f.docs, f.clock, 'planner', 'production');
		const result = convertPlannedOrders(planner, plan.plannedOrders, f.warehouseId);
		const made = plan.plannedOrders.filter((o) => o.kind === 'production').length;
		const bought = plan.plannedOrders.length - made;
		expect(result.workOrders.map((w) => w.source)).toEqual(Array(made).fill('mrp'));
		expect(result.requisitions.map((r) => r.source)).toEqual(Array(bought).fill('mrp'));
		expect(purchasingView(f.ctx).requisitions).toHaveLength(bought);
		expect(purchasingView(f.ctx).requisitions.map((r) => r.requisition.createdBy)).toEqual(
			Array(bought).fill('planner-user')
		);
		expect(runPlan(f.ctx, TODAY, 8).plannedOrders).toEqual([]);
	});

	it('a planner may raise requisitions but not cancel them: that stays with purchasing', () => {
		const { f } = withDemand();
		const planner = device(f.docs, f.clock, 'planner', 'production');
		const bought = runPlan(f.ctx, TODAY, 8).plannedOrders.filter((o) => o.kind === 'purchase');
		const { requisitions } = convertPlannedOrders(planner, bought, f.warehouseId);
		expect(requisitions.length).toBeGreaterThan(0);
		expect(() => cancelRequisition(planner, requisitions[0]!.id)).toThrow(ForbiddenError);
	});

	it('promises a prospective order through the BOMs and capacity, the same in the worker', () => {
		const { f } = withDemand();
		const request = { itemId: f.table, qty: 5, wantedDate: '2026-11-30' };
		const answer = promiseForRequest(f.ctx, request, TODAY, 8);
		// The 4 tops on hand are already promised to the confirmed order for 10 tables: the 5
		// tables are made from bought tops and from legs made of bought screws.
		const [line] = answer.promise.lines;
		expect(line!.steps[0]).toMatchObject({ kind: 'make', itemId: f.table, qty: 5 });
		expect(line!.steps.some((s) => s.kind === 'make' && s.itemId === f.leg)).toBe(true);
		expect(answer.rush.added.some((o) => o.itemId === f.table)).toBe(true);
		const balances = [...ledgerBalances(f.ctx).values()];
		const mirror = new PlanDocsMirror();
		expect(
			mirror.promise(structuredClone(encodePlanDocs(f.docs, balances)), [request], TODAY, 8)
		).toEqual(answer);
	});
});

import { describe, expect, it } from 'vitest';
import { workspaceDocsInMemory } from '../commands/memory-docs';
import { productionView } from '../commands/production/read';
import { runPlan } from '../commands/production/planning';
import { readMovements } from '../doc/ledger-doc';
import { readOrders } from '../doc/orders-doc';
import { foldBalances } from '../domain/ledger/fold';
import { seedDemoCompany } from './company';

const NOW = Date.UTC(2026, 7, 20, 3, 0);
const TODAY = '2026-08-19';

describe('demo production', { timeout: 180_000 }, () => {
	it('has work centres, two-level BOMs, closed history and open work orders in every status', async () => {
		const docs = workspaceDocsInMemory();
		const result = await seedDemoCompany(docs, { seed: 5, nowMs: NOW, months: 4 });
		const view = productionView({ docs });
		expect(view.workCenters.length).toBeGreaterThanOrEqual(3);
		expect(view.workCenters.every((c) => c.capacityHoursPerWeek > 0)).toBe(true);

		const codeOf = new Map(view.items.map((i) => [i.id, i.code]));
		const boxBoms = view.boms.filter((b) => codeOf.get(b.itemId)?.startsWith('GFT-'));
		const semiBoms = view.boms.filter((b) => codeOf.get(b.itemId)?.startsWith('SFG-'));
		expect(boxBoms.length).toBeGreaterThanOrEqual(10);
		expect(semiBoms.length).toBeGreaterThanOrEqual(4);
		const semiIds = new Set(semiBoms.map((b) => b.itemId));
		// Two levels: every gift box is made of a semi-finished item that has its own BOM.
		expect(boxBoms.every((b) => b.lines.some((l) => semiIds.has(l.childId)))).toBe(true);
		expect(view.boms.every((b) => b.steps.length > 0)).toBe(true);

		const byStatus = new Map<string, number>();
		for (const w of view.workOrders)
			byStatus.set(w.fold.status, (byStatus.get(w.fold.status) ?? 0) + 1);
		expect(byStatus.get('closed') ?? 0).toBeGreaterThanOrEqual(10);
		for (const status of ['planned', 'released', 'in-progress'])
			expect(byStatus.get(status) ?? 0).toBeGreaterThanOrEqual(1);
		const open = view.workOrders.filter((w) =>
			['planned', 'released', 'in-progress'].includes(w.fold.status)
		);
		expect(open.some((w) => w.order.dueDate < TODAY)).toBe(true);
		expect(open.some((w) => w.order.dueDate > TODAY)).toBe(true);

		const movements = docs.ledgers().flatMap((d) => readMovements(d).movements);
		expect(movements).toHaveLength(result.movements);
		expect(movements.some((m) => m.reason === 'production')).toBe(true);
		expect([...foldBalances(movements).values()].filter((b) => b.qty < 0)).toEqual([]);

		// The morning plan: the corporate orders exceed the boxes on hand, so MRP proposes box work
		// orders pegged to them, semi-finished work orders below, and purchases of their material.
		const plan = runPlan({ docs }, TODAY, 12);
		const corporate = readOrders(docs.shared('orders')).orders.filter((o) =>
			o.notes.includes('春節')
		);
		expect(corporate).toHaveLength(1);
		const made = plan.plannedOrders.filter((o) => o.kind === 'production');
		expect(made.some((o) => o.pegs.some((p) => p.label === corporate[0]!.number))).toBe(true);
		expect(made.some((o) => codeOf.get(o.itemId)?.startsWith('SFG-'))).toBe(true);
		expect(plan.plannedOrders.some((o) => o.kind === 'purchase')).toBe(true);
	});
});

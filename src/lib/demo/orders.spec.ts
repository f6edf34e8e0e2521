import { describe, expect, it } from 'vitest';
import { workspaceDocsInMemory } from '../commands/memory-docs';
import { createCommandContext } from '../commands/create-context';
import { boardOf } from '../commands/orders/read';
import { readCustomers } from '../doc/customers-doc';
import { readOrders } from '../doc/orders-doc';
import { stampWallMs } from '../domain/clock/hlc';
import { estimateRepurchases } from '../domain/orders/repurchase';
import { seedDemoCompany } from './company';

const NOW = Date.UTC(2026, 10, 25, 12, 0);

describe('demo sales orders', { timeout: 180_000 }, () => {
	it('fills the board: customers, open orders in most columns, one over-allocated pair, reorder history', async () => {
		const docs = workspaceDocsInMemory();
		await seedDemoCompany(docs, { seed: 3, nowMs: NOW, months: 3 });
		const ctx = createCommandContext({
			docs,
			device: 'check',
			user: 'check',
			role: 'viewer',
			nowMs: () => NOW
		});
		expect(readCustomers(docs.catalog).length).toBeGreaterThanOrEqual(20);
		const board = boardOf(ctx);
		const open = board.orders.filter((o) => o.fold.status !== 'delivered');
		expect(open.length).toBeGreaterThanOrEqual(24);
		expect(new Set(board.orders.map((o) => o.fold.status)).size).toBeGreaterThanOrEqual(6);
		expect(board.orders.filter((o) => o.overAllocated)).toHaveLength(1);
		const history = readOrders(docs.shared('orders')).orders.flatMap((o) => {
			const ship = o.events.find((e) => e.type === 'ship');
			return ship
				? o.lines.map((l) => ({
						customerId: o.customerId,
						itemId: l.itemId,
						atMs: stampWallMs(ship.at)
					}))
				: [];
		});
		expect(estimateRepurchases(history, { nowMs: NOW }).length).toBeGreaterThan(5);
	}, 60_000);
});

// Rights per kind of record inside a doc, as the commands enforce them (the same table the
// relay enforces, domain/auth/field-rights.ts): the warehouse may write the orders doc but
// not a sales order, only its picking and shipping; sales sets selling prices only.

import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/auth/roles';
import { ForbiddenError } from '../domain/errors';
import { createPrng } from '../domain/random/prng';
import { createItem, createWarehouse } from './catalog';
import type { CommandContext } from './context';
import { createCommandContext } from './create-context';
import { createCustomer } from './customers';
import { workspaceDocsInMemory, type MemoryWorkspaceDocs } from './memory-docs';
import { recordReceipt } from './movements';
import { createOrder } from './orders/create';
import { shipOrder } from './orders/shipping';
import { cancelOrder, confirmOrder, startPicking } from './orders/transitions';
import { createTransfer } from './transfers/transfers';

function as(docs: MemoryWorkspaceDocs, role: Role): CommandContext {
	return createCommandContext({
		docs,
		device: `dev${role}`,
		user: role,
		role,
		nowMs: () => Date.UTC(2026, 10, 20),
		random: createPrng(role.length).next
	});
}

function setup() {
	const docs = workspaceDocsInMemory();
	const admin = as(docs, 'admin');
	const w1 = createWarehouse(admin, { code: 'W1', name: '一倉' });
	const w2 = createWarehouse(admin, { code: 'W2', name: '二倉' });
	const item = createItem(admin, { code: 'TEA', name: '紅茶', unit: '箱', standardCostCents: 900 });
	const customer = createCustomer(admin, { code: 'C1', name: '全聯' });
	recordReceipt(admin, { itemId: item.id, warehouseId: w1.id, qty: 10, unit: '箱' });
	const draft = {
		customerId: customer.id,
		warehouseId: w1.id,
		requestedDate: '2026-11-25',
		lines: [{ itemId: item.id, qty: 2, unitPriceCents: 1500 }]
	};
	return { docs, admin, w1, w2, item, draft };
}

describe('rights per kind of record', () => {
	it('the warehouse may not create, confirm or cancel a sales order, but picks and ships it', () => {
		const { docs, draft } = setup();
		const warehouse = as(docs, 'warehouse');
		const sales = as(docs, 'sales');
		expect(() => createOrder(warehouse, draft)).toThrow(ForbiddenError);
		const order = createOrder(sales, draft);
		expect(() => confirmOrder(warehouse, order.id)).toThrow(ForbiddenError);
		confirmOrder(sales, order.id);
		expect(() => cancelOrder(warehouse, order.id)).toThrow(ForbiddenError);
		startPicking(warehouse, order.id);
		expect(shipOrder(warehouse, order.id).type).toBe('ship');
	});

	it('sales may not create a transfer; the warehouse may', () => {
		const { docs, w1, w2, item } = setup();
		const input = {
			fromWarehouseId: w1.id,
			toWarehouseId: w2.id,
			lines: [{ itemId: item.id, qty: 1 }]
		};
		expect(() => createTransfer(as(docs, 'sales'), input)).toThrow(ForbiddenError);
		expect(createTransfer(as(docs, 'warehouse'), input).number).toBeTruthy();
	});
});

// Finance settings: the valuation method changes only at a period boundary (the next close
// switches; at the very start it switches at once), and renumbered accounts carry their
// opening balances.

import { describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../../src/lib/commands/catalog';
import type { CommandContext } from '../../src/lib/commands/context';
import { createCommandContext } from '../../src/lib/commands/create-context';
import { readFinanceBook } from '../../src/lib/commands/finance-book';
import {
	readFinanceSettings,
	setAccountCodes,
	setValuationMethod
} from '../../src/lib/commands/finance-settings';
import {
	workspaceDocsInMemory,
	type MemoryWorkspaceDocs
} from '../../src/lib/commands/memory-docs';
import { recordIssue, recordReceipt } from '../../src/lib/commands/movements';
import { closePeriod } from '../../src/lib/commands/period-close';
import type { Role } from '../../src/lib/domain/auth/roles';
import { ForbiddenError, InvalidFieldError } from '../../src/lib/domain/errors';

const NOV_5 = Date.UTC(2026, 10, 5, 2);
const DEC_3 = Date.UTC(2026, 11, 3, 2);

function world() {
	const docs = workspaceDocsInMemory();
	const clock = { ms: NOV_5 };
	const as = (role: Role): CommandContext =>
		createCommandContext({
			docs,
			device: role,
			user: role,
			role,
			nowMs: () => (clock.ms += 1000),
			random: () => 0.5
		});
	const admin = as('admin');
	const wh = createWarehouse(admin, { code: 'TPE', name: '台北倉' });
	const item = createItem(admin, { code: 'TEA', name: '紅茶', unit: '箱' });
	const base = { itemId: item.id, warehouseId: wh.id, unit: '箱' };
	return { docs, clock, as, admin, base };
}

function book(docs: MemoryWorkspaceDocs) {
	const ledgers = new Map(
		docs
			.names()
			.filter((n) => n.startsWith('ledger-'))
			.map((n) => [n.slice('ledger-'.length), docs.get(n)] as const)
	);
	return readFinanceBook({ catalog: docs.catalog, orders: docs.get('orders'), ledgers });
}

const issueCents = (docs: MemoryWorkspaceDocs, month: string): number[] =>
	book(docs)
		.costing.movements.filter((c) => c.movement.reason === 'issue' && c.month === month)
		.map((c) => -c.centsChange);

describe('valuation method', () => {
	it('at the very start (nothing closed, no movement) it changes at once', () => {
		const w = world();
		expect(setValuationMethod(w.as('finance'), 'moving-average')).toEqual({ effective: 'now' });
		expect(readFinanceSettings(w.docs.catalog)).toMatchObject({
			method: 'moving-average',
			nextMethod: null
		});
	});

	it('later it waits for the next close: November stays FIFO, December is valued on the average of what November carried', () => {
		const w = world();
		// November: 10 @ 1.00, 10 @ 2.00, 5 out (FIFO: 5.00). 15 left worth 25.00.
		recordReceipt(w.admin, { ...w.base, qty: 10, unitCostCents: 100 });
		recordReceipt(w.admin, { ...w.base, qty: 10, unitCostCents: 200 });
		recordIssue(w.admin, { ...w.base, qty: 5 });
		const fin = w.as('finance');
		expect(setValuationMethod(fin, 'moving-average')).toEqual({ effective: 'next-close' });
		expect(readFinanceSettings(w.docs.catalog)).toMatchObject({
			method: 'fifo',
			nextMethod: 'moving-average'
		});
		w.clock.ms = DEC_3;
		recordIssue(w.admin, { ...w.base, qty: 3 });
		// Before the close, December's issue is still FIFO: 3 × 1.00.
		expect(issueCents(w.docs, '2026-12')).toEqual([300]);
		expect(issueCents(w.docs, '2026-11')).toEqual([500]);
		closePeriod(fin, '2026-11');
		expect(readFinanceSettings(w.docs.catalog)).toMatchObject({
			method: 'moving-average',
			nextMethod: null,
			closedThrough: '2026-11'
		});
		// After it: the average of the carried 15 worth 25.00 — 3 out = 5.00 exactly.
		expect(issueCents(w.docs, '2026-12')).toEqual([500]);
		const nov = book(w.docs).months.find((m) => m.month === '2026-11');
		expect(nov?.inventoryEndCents).toBe(2500);
		expect(nov?.cogsCents).toBe(500);
	});

	it('choosing the method in force again cancels a pending change; sales and warehouse may not change it', () => {
		const w = world();
		recordReceipt(w.admin, { ...w.base, qty: 1, unitCostCents: 100 });
		setValuationMethod(w.admin, 'moving-average');
		setValuationMethod(w.admin, 'fifo');
		expect(readFinanceSettings(w.docs.catalog).nextMethod).toBeNull();
		expect(() => setValuationMethod(w.as('sales'), 'moving-average')).toThrow(ForbiddenError);
		expect(() => setValuationMethod(w.as('warehouse'), 'moving-average')).toThrow(ForbiddenError);
	});
});

describe('chart of accounts', () => {
	it('renumbering 存貨 after a close carries its opening balance to the new code', () => {
		const w = world();
		recordReceipt(w.admin, { ...w.base, qty: 10, unitCostCents: 123 });
		w.clock.ms = DEC_3;
		const fin = w.as('finance');
		closePeriod(fin, '2026-11');
		expect(setAccountCodes(fin, { inventory: '1230', grni: '2172' })).toMatchObject({
			inventory: '1230',
			grni: '2172'
		});
		const tb = book(w.docs).trialBalance;
		const row = (code: string) => tb.rows.find((r) => r.account === code);
		expect(row('1230')?.openingCents).toBe(1230);
		expect(row('1231')).toBeUndefined();
		expect(tb.closingSumCents).toBe(0);
		expect(readFinanceSettings(w.docs.catalog).codes.inventory).toBe('1230');
	});

	it('refuses a code two accounts would share, a malformed code, and roles outside finance', () => {
		const w = world();
		const fin = w.as('finance');
		expect(() => setAccountCodes(fin, { inventory: '5111' })).toThrow(InvalidFieldError);
		expect(() => setAccountCodes(fin, { inventory: '12 31' })).toThrow(InvalidFieldError);
		expect(() => setAccountCodes(w.as('purchasing'), { inventory: '1230' })).toThrow(
			ForbiddenError
		);
		// The default code again is stored as no override.
		setAccountCodes(fin, { inventory: '1231' });
		expect(w.docs.catalog.getMap('periods').get('accountCodes')).toEqual({});
	});
});

import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { Role } from '../domain/auth/roles';
import { StockflowError } from '../domain/errors';
import { foldBalances, onHandOf } from '../domain/ledger/fold';
import type { Movement } from '../domain/ledger/movement';
import { createPrng } from '../domain/random/prng';
import { readLedgerMonths } from '../doc/catalog-doc';
import { readMovements } from '../doc/ledger-doc';
import { monthOfStamp } from '../doc/names';
import { schemaVersionOf } from '../doc/schema';
import { createItem, createLocation, createWarehouse } from './catalog';
import type { CommandContext } from './context';
import { createCommandContext } from './create-context';
import { workspaceDocsInMemory } from './memory-docs';
import {
	recordAdjustment,
	recordIssue,
	recordMovementsBatch,
	recordReceipt,
	recordTransfer
} from './movements';

const NOV = Date.UTC(2025, 10, 30, 23, 0);

function setup(role: Role = 'admin') {
	let now = NOV;
	const docs = workspaceDocsInMemory();
	const admin = createCommandContext({
		docs,
		device: 'dev1',
		user: 'boss',
		role: 'admin',
		nowMs: () => now,
		random: createPrng(2).next
	});
	const item = createItem(admin, {
		code: 'TEA-BT-600',
		name: '紅茶 600ml',
		unit: '箱',
		lotTracked: true
	});
	const ty = createWarehouse(admin, { code: 'TY-MAIN', name: '桃園總倉' });
	const tc = createWarehouse(admin, { code: 'TC', name: '台中倉' });
	const bin = createLocation(admin, { warehouseId: ty.id, code: 'A-01-01' });
	const ctx: CommandContext =
		role === 'admin'
			? admin
			: createCommandContext({
					docs,
					device: 'dev2',
					user: 'someone',
					role,
					nowMs: () => now,
					random: createPrng(3).next
				});
	return { ctx, item, ty, tc, bin, setNow: (ms: number) => (now = ms) };
}

function all(ctx: CommandContext): Movement[] {
	return ctx.docs.ledgers().flatMap((d) => readMovements(d).movements);
}

function errorCode(fn: () => unknown): string {
	try {
		fn();
		return 'ok';
	} catch (err) {
		if (err instanceof StockflowError) return err.code;
		throw err;
	}
}

describe('movement commands', () => {
	it('records a receipt in the ledger of its month, marks the month, stamps the schema', () => {
		const { ctx, item, ty, bin } = setup();
		const m = recordReceipt(ctx, {
			itemId: item.id,
			warehouseId: ty.id,
			locationId: bin.id,
			lot: 'L2511',
			expiry: '2026-05-30',
			qty: 40,
			unit: '箱',
			unitCostCents: 45000
		});
		expect(m).toMatchObject({
			qty: 40,
			reason: 'receipt',
			device: 'dev1',
			user: 'boss',
			lot: 'L2511'
		});
		expect(monthOfStamp(m.at)).toBe('2025-11');
		expect(readLedgerMonths(ctx.docs.catalog)).toEqual(['2025-11']);
		const ledger = ctx.docs.ledger('2025-11');
		expect(readMovements(ledger)).toEqual({ movements: [m], invalid: 0 });
		expect(schemaVersionOf(ledger)).toBe(1);
		expect(ledger.getMap('meta').get('month')).toBe('2025-11');
	});

	it('stores issues negative and refuses more than is on hand', () => {
		const { ctx, item, ty, bin } = setup();
		recordReceipt(ctx, {
			itemId: item.id,
			warehouseId: ty.id,
			locationId: bin.id,
			lot: 'A',
			qty: 10,
			unit: '箱'
		});
		recordReceipt(ctx, {
			itemId: item.id,
			warehouseId: ty.id,
			locationId: bin.id,
			lot: 'B',
			qty: 5,
			unit: '箱'
		});
		expect(recordIssue(ctx, { itemId: item.id, warehouseId: ty.id, qty: 12, unit: '箱' }).qty).toBe(
			-12
		);
		expect(
			errorCode(() => recordIssue(ctx, { itemId: item.id, warehouseId: ty.id, qty: 4, unit: '箱' }))
		).toBe('insufficient-stock');
		expect(
			errorCode(() =>
				recordIssue(ctx, { itemId: item.id, warehouseId: ty.id, lot: 'B', qty: 6, unit: '箱' })
			)
		).toBe('insufficient-stock');
		expect(onHandOf(foldBalances(all(ctx)), { itemId: item.id })).toBe(3);
	});

	it('checks an issue of a lot against that lot, not the whole warehouse', () => {
		const { ctx, item, ty } = setup();
		recordReceipt(ctx, { itemId: item.id, warehouseId: ty.id, lot: 'A', qty: 10, unit: '箱' });
		recordReceipt(ctx, { itemId: item.id, warehouseId: ty.id, lot: 'B', qty: 5, unit: '箱' });
		const issueB = (qty: number) =>
			errorCode(() =>
				recordIssue(ctx, { itemId: item.id, warehouseId: ty.id, lot: 'B', qty, unit: '箱' })
			);
		// The warehouse holds 15: only a lot-level check refuses 6 of lot B.
		expect(issueB(6)).toBe('insufficient-stock');
		expect(issueB(5)).toBe('ok');
		expect(onHandOf(foldBalances(all(ctx)), { itemId: item.id, lot: 'A' })).toBe(10);
	});

	it('requires a lot, an expiry and a confirmed zero cost where the item says so', () => {
		const { ctx, item, ty } = setup();
		const fresh = createItem(ctx, {
			code: 'MILK-1L',
			name: '鮮乳 1L',
			unit: '瓶',
			lotTracked: true,
			shelfLifeDays: 10
		});
		const receive = (input: Partial<Parameters<typeof recordReceipt>[1]>) =>
			errorCode(() =>
				recordReceipt(ctx, { itemId: item.id, warehouseId: ty.id, qty: 1, unit: '箱', ...input })
			);
		expect(receive({})).toBe('lot-required');
		expect(receive({ lot: '  ' })).toBe('lot-required');
		expect(receive({ lot: 'L1' })).toBe('ok');
		expect(receive({ itemId: fresh.id, unit: '瓶', lot: 'L1' })).toBe('expiry-required');
		expect(receive({ itemId: fresh.id, unit: '瓶', lot: 'L1', expiry: '2026-01-10' })).toBe('ok');
		expect(receive({ lot: 'L1', unitCostCents: 0 })).toBe('zero-cost-unconfirmed');
		expect(receive({ lot: 'L1', unitCostCents: 0, zeroCostConfirmed: true })).toBe('ok');
		expect(all(ctx)).toHaveLength(3);
	});

	it('refuses a fractional quantity of a whole unit in every movement, allows kg decimals', () => {
		const { ctx, item, ty, tc } = setup();
		const rice = createItem(ctx, { code: 'RICE', name: '白米', unit: 'kg' });
		recordReceipt(ctx, { itemId: item.id, warehouseId: ty.id, lot: 'L1', qty: 10, unit: '箱' });
		const base = { itemId: item.id, unit: '箱', lot: 'L1' };
		expect(errorCode(() => recordReceipt(ctx, { ...base, warehouseId: ty.id, qty: 2.5 }))).toBe(
			'fractional-quantity'
		);
		expect(errorCode(() => recordIssue(ctx, { ...base, warehouseId: ty.id, qty: 0.5 }))).toBe(
			'fractional-quantity'
		);
		expect(
			errorCode(() =>
				recordTransfer(ctx, {
					...base,
					from: { warehouseId: ty.id },
					to: { warehouseId: tc.id },
					qty: 1.5
				})
			)
		).toBe('fractional-quantity');
		expect(
			errorCode(() =>
				recordAdjustment(ctx, { ...base, warehouseId: ty.id, qtyDelta: -0.5, note: 'x' })
			)
		).toBe('fractional-quantity');
		expect(
			errorCode(() =>
				recordReceipt(ctx, { itemId: rice.id, warehouseId: ty.id, qty: 2.5, unit: 'kg' })
			)
		).toBe('ok');
		expect(onHandOf(foldBalances(all(ctx)), { itemId: item.id })).toBe(10);
	});

	it('folds stock across months for the insufficient-stock check', () => {
		const { ctx, item, ty, setNow } = setup();
		recordReceipt(ctx, { itemId: item.id, warehouseId: ty.id, lot: 'L1', qty: 10, unit: '箱' });
		setNow(Date.UTC(2025, 11, 2));
		recordIssue(ctx, { itemId: item.id, warehouseId: ty.id, qty: 10, unit: '箱' });
		expect(readLedgerMonths(ctx.docs.catalog)).toEqual(['2025-11', '2025-12']);
		expect(ctx.docs.ledgers()).toHaveLength(2);
	});

	it('records a transfer as two legs sharing a ref, checked at the source', () => {
		const { ctx, item, ty, tc, bin } = setup();
		recordReceipt(ctx, {
			itemId: item.id,
			warehouseId: ty.id,
			locationId: bin.id,
			lot: 'A',
			qty: 10,
			unit: '箱'
		});
		const input = {
			itemId: item.id,
			from: { warehouseId: ty.id, locationId: bin.id },
			to: { warehouseId: tc.id },
			lot: 'A',
			unit: '箱'
		};
		const [out, into] = recordTransfer(ctx, { ...input, qty: 4 });
		expect(out).toMatchObject({ reason: 'transfer-out', qty: -4, warehouseId: ty.id, lot: 'A' });
		expect(into).toMatchObject({ reason: 'transfer-in', qty: 4, warehouseId: tc.id, lot: 'A' });
		expect(out.ref).toBeTruthy();
		expect(into.ref).toBe(out.ref);
		expect(errorCode(() => recordTransfer(ctx, { ...input, qty: 7 }))).toBe('insufficient-stock');
		expect(errorCode(() => recordTransfer(ctx, { ...input, to: input.from, qty: 1 }))).toBe(
			'invalid-field'
		);
		const balances = foldBalances(all(ctx));
		expect(onHandOf(balances, { itemId: item.id, warehouseId: tc.id })).toBe(4);
		expect(onHandOf(balances, { itemId: item.id })).toBe(10);
	});

	it('adjusts both ways with a required reason, never below zero', () => {
		const { ctx, item, ty } = setup();
		recordAdjustment(ctx, {
			itemId: item.id,
			warehouseId: ty.id,
			qtyDelta: 3,
			unit: '箱',
			note: '盤盈'
		});
		expect(
			recordAdjustment(ctx, {
				itemId: item.id,
				warehouseId: ty.id,
				qtyDelta: -1,
				unit: '箱',
				note: '破損'
			}).qty
		).toBe(-1);
		expect(
			errorCode(() =>
				recordAdjustment(ctx, {
					itemId: item.id,
					warehouseId: ty.id,
					qtyDelta: -3,
					unit: '箱',
					note: '破損'
				})
			)
		).toBe('insufficient-stock');
		expect(
			errorCode(() =>
				recordAdjustment(ctx, {
					itemId: item.id,
					warehouseId: ty.id,
					qtyDelta: 1,
					unit: '箱',
					note: ' '
				})
			)
		).toBe('invalid-field');
		expect(
			errorCode(() =>
				recordAdjustment(ctx, {
					itemId: item.id,
					warehouseId: ty.id,
					qtyDelta: 0,
					unit: '箱',
					note: 'x'
				})
			)
		).toBe('invalid-field');
	});

	it.each([
		{ name: 'unknown item', patch: { itemId: 'nope' }, code: 'unknown-item' },
		{ name: 'unknown warehouse', patch: { warehouseId: 'nope' }, code: 'unknown-warehouse' },
		{
			name: 'location of another warehouse',
			patch: { useTcWarehouse: true },
			code: 'unknown-location'
		},
		{ name: 'zero quantity', patch: { qty: 0 }, code: 'non-positive-quantity' },
		{ name: 'negative quantity', patch: { qty: -5 }, code: 'non-positive-quantity' },
		{ name: 'unit mismatch', patch: { unit: '個' }, code: 'unit-mismatch' },
		{ name: 'bad expiry', patch: { lot: 'L1', expiry: '2026/01/01' }, code: 'invalid-field' }
	])('refuses a receipt with $name and writes nothing', ({ patch, code }) => {
		const { ctx, item, ty, tc, bin } = setup();
		const { useTcWarehouse, ...rest } = { useTcWarehouse: false, ...patch };
		const input = {
			itemId: item.id,
			warehouseId: useTcWarehouse ? tc.id : ty.id,
			locationId: bin.id,
			qty: 1,
			unit: '箱',
			...rest
		};
		expect(errorCode(() => recordReceipt(ctx, input))).toBe(code);
		expect(all(ctx)).toEqual([]);
		expect(readLedgerMonths(ctx.docs.catalog)).toEqual([]);
	});

	it.each(['sales', 'viewer', 'finance', 'purchasing'] as const)(
		'refuses movements from %s',
		(role) => {
			const { ctx, item, ty } = setup(role);
			expect(
				errorCode(() =>
					recordReceipt(ctx, { itemId: item.id, warehouseId: ty.id, lot: 'L1', qty: 1, unit: '箱' })
				)
			).toBe('forbidden');
			expect(all(ctx)).toEqual([]);
		}
	);

	it.each(['warehouse', 'production'] as const)('lets %s record movements', (role) => {
		const { ctx, item, ty } = setup(role);
		expect(
			recordReceipt(ctx, { itemId: item.id, warehouseId: ty.id, lot: 'L1', qty: 1, unit: '箱' })
				.user
		).toBe('someone');
	});

	it('tags every transaction with the command origin', () => {
		const { ctx, item, ty } = setup();
		const origins: unknown[] = [];
		const listen = (doc: Y.Doc) =>
			doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
		listen(ctx.docs.catalog);
		listen(ctx.docs.ledger('2025-11'));
		recordReceipt(ctx, { itemId: item.id, warehouseId: ty.id, lot: 'L1', qty: 1, unit: '箱' });
		const origin = { kind: 'command', command: 'recordReceipt', user: 'boss', device: 'dev1' };
		expect(origins).toEqual([origin, origin]);
	});

	it('writes a batch all or nothing, each request seeing the ones before it', () => {
		const { ctx, item, ty } = setup();
		const receipt = {
			kind: 'receipt',
			input: { itemId: item.id, warehouseId: ty.id, lot: 'L1', qty: 5, unit: '箱' }
		} as const;
		const issue = {
			kind: 'issue',
			input: { itemId: item.id, warehouseId: ty.id, lot: 'L1', qty: 5, unit: '箱' }
		} as const;
		const balances = foldBalances([]);
		expect(errorCode(() => recordMovementsBatch(ctx, [receipt, issue, issue], { balances }))).toBe(
			'insufficient-stock'
		);
		expect(all(ctx)).toEqual([]);
		expect(balances.size).toBe(0);
		expect(recordMovementsBatch(ctx, [receipt, issue, receipt], { balances }).flat()).toHaveLength(
			3
		);
		expect(onHandOf(balances, { itemId: item.id })).toBe(5);
		expect([...balances.values()]).toEqual([...foldBalances(all(ctx)).values()]);
	});
});

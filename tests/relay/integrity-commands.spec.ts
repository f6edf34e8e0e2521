// Every command's writes pass the relay's integrity checks: seeded random sequences of the
// catalog, customer, movement, order, transfer, stocktake and period-close commands, each run
// as the role that does it in the app, and after every command each changed doc's update (what
// the device would send: the diff against the relay's copy) goes through `checkIntegrity`
// against the relay's copy, which then applies it.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../src/lib/domain/auth/roles';
import { docKindOf } from '../../src/lib/domain/auth/roles';
import { StockflowError } from '../../src/lib/domain/errors';
import { createPrng } from '../../src/lib/domain/random/prng';
import { stampWallMs } from '../../src/lib/domain/clock/hlc';
import { repairStamp } from '../../src/lib/commands/repair-stamp';
import {
	createItem,
	createLocation,
	createWarehouse,
	updateItem
} from '../../src/lib/commands/catalog';
import { createCustomer, updateCustomer } from '../../src/lib/commands/customers';
import { createCommandContext } from '../../src/lib/commands/create-context';
import type { CommandContext } from '../../src/lib/commands/context';
import {
	workspaceDocsInMemory,
	type MemoryWorkspaceDocs
} from '../../src/lib/commands/memory-docs';
import {
	recordAdjustment,
	recordIssue,
	recordReceipt,
	recordTransfer
} from '../../src/lib/commands/movements';
import { createOrder } from '../../src/lib/commands/orders/create';
import { shipOrder } from '../../src/lib/commands/orders/shipping';
import {
	cancelOrder,
	confirmOrder,
	packOrder,
	startPicking
} from '../../src/lib/commands/orders/transitions';
import { closePeriod } from '../../src/lib/commands/period-close';
import { approveCount } from '../../src/lib/commands/stocktake/approval';
import {
	openCount,
	recordCountLines,
	submitCount
} from '../../src/lib/commands/stocktake/stocktake';
import {
	createTransfer,
	dispatchTransfer,
	receiveTransfer
} from '../../src/lib/commands/transfers/transfers';
import { readTransfer } from '../../src/lib/doc/transfers-doc';
import { saveBom, saveWorkCenter } from '../../src/lib/commands/production/boms';
import {
	completeWorkOrder,
	issueMaterials,
	reportProgress
} from '../../src/lib/commands/production/shop-floor';
import { createWorkOrders, releaseWorkOrder } from '../../src/lib/commands/production/work-orders';
import { createSupplier } from '../../src/lib/commands/purchasing/suppliers';
import {
	approvePurchaseOrder,
	createPurchaseOrder
} from '../../src/lib/commands/purchasing/purchase-orders';
import { recordLandedCharge } from '../../src/lib/commands/purchasing/landed-costs';
import { setAccountCodes, setValuationMethod } from '../../src/lib/commands/finance-settings';
import { purchasingView, requirePurchaseOrder } from '../../src/lib/commands/purchasing/read';
import { receivePurchaseOrder } from '../../src/lib/commands/purchasing/receiving';
import {
	awardRfq,
	createRfq,
	recordQuote,
	requireRfq,
	sendRfq
} from '../../src/lib/commands/purchasing/rfq';
import { checkIntegrity, type Refusal } from '../../sync-server/integrity/check';

const T0 = Date.UTC(2026, 9, 3, 2, 0);
const DAY = 86_400_000;

interface Shop {
	docs: MemoryWorkspaceDocs;
	relay: Map<string, Y.Doc>;
	clock: { ms: number };
	as(role: Role): CommandContext;
	/** Sends every changed doc to the relay's copy as `role`'s user; the refusals, if any. */
	sync(role: Role): Refusal[];
}

function shop(seed: number): Shop {
	const docs = workspaceDocsInMemory();
	const relay = new Map<string, Y.Doc>();
	const clock = { ms: T0 };
	const prng = createPrng(seed);
	const contexts = new Map<Role, CommandContext>();
	return {
		docs,
		relay,
		clock,
		as(role) {
			let ctx = contexts.get(role);
			if (!ctx) {
				ctx = createCommandContext({
					docs,
					device: `dev_${role}`,
					user: `user-${role}`,
					role,
					nowMs: () => clock.ms,
					random: prng.next
				});
				contexts.set(role, ctx);
			}
			return ctx;
		},
		sync(role) {
			const refusals: Refusal[] = [];
			for (const name of docs.names()) {
				const kind = docKindOf(name);
				if (!kind) continue;
				let copy = relay.get(name);
				if (!copy) relay.set(name, (copy = new Y.Doc()));
				const update = Y.encodeStateAsUpdate(docs.get(name), Y.encodeStateVector(copy));
				const refusal = checkIntegrity({
					doc: copy,
					kind,
					docName: name,
					update: Y.decodeUpdate(update),
					writer: { user: `user-${role}`, role },
					// The relay's clock is the one the commands stamp with.
					relayNowMs: clock.ms
				});
				if (refusal) refusals.push(refusal);
				else Y.applyUpdate(copy, update);
			}
			return refusals;
		}
	};
}

type Step = (s: Shop, pick: <T>(xs: readonly T[]) => T | undefined) => Role;

describe('every command passes the relay’s integrity checks', () => {
	it.each([1, 2, 3, 4, 5, 6])('seed %i: random command sequences are never refused', (seed) => {
		const s = shop(seed);
		const prng = createPrng(seed * 7919);
		const pick = <T>(xs: readonly T[]): T | undefined =>
			xs.length === 0 ? undefined : xs[Math.floor(prng.next() * xs.length)];
		const items: string[] = [];
		const receipts: { id: string; at: string }[] = [];
		const warehouses: string[] = [];
		const customers: string[] = [];
		const orders: string[] = [];
		const transfers: string[] = [];
		const counts: string[] = [];

		// A company to work in: two warehouses with a bin, three items, a customer.
		const admin = s.as('admin');
		for (const code of ['TPE', 'KHH']) {
			const w = createWarehouse(admin, { code, name: code });
			warehouses.push(w.id);
			createLocation(admin, { warehouseId: w.id, code: `${code}-A1` });
		}
		expect(s.sync('admin')).toEqual([]);

		const steps: Step[] = [
			(x) => {
				const n = items.length + 1;
				items.push(
					createItem(x.as('warehouse'), {
						code: `SKU-${seed}-${n}`,
						name: `item ${n}`,
						unit: 'pcs'
					}).id
				);
				return 'warehouse';
			},
			(x, p) => {
				const id = p(items);
				if (id)
					updateItem(x.as('purchasing'), id, { standardCostCents: Math.floor(prng.next() * 5000) });
				return 'purchasing';
			},
			(x) => {
				const n = customers.length + 1;
				customers.push(
					createCustomer(x.as('sales'), { code: `C${seed}${n}`, name: `customer ${n}` }).id
				);
				return 'sales';
			},
			(x, p) => {
				const id = p(customers);
				if (id)
					updateCustomer(x.as('sales'), id, {
						phone: `02-${1000 + Math.floor(prng.next() * 9000)}`
					});
				return 'sales';
			},
			(x, p) => {
				const itemId = p(items);
				const warehouseId = p(warehouses);
				if (itemId && warehouseId)
					receipts.push(
						recordReceipt(x.as('warehouse'), {
							itemId,
							warehouseId,
							qty: 5 + Math.floor(prng.next() * 20),
							unit: 'pcs',
							unitCostCents: 100
						})
					);
				return 'warehouse';
			},
			(x) => {
				// An admin's repair of a receipt (the clock page): reversed, half the time re-entered.
				const receipt = receipts[Math.floor(prng.next() * receipts.length)];
				if (receipt)
					repairStamp(
						x.as('admin'),
						prng.next() < 0.5
							? { movementId: receipt.id }
							: { movementId: receipt.id, reenterAtMs: stampWallMs(receipt.at) }
					);
				return 'admin';
			},
			(x, p) => {
				const itemId = p(items);
				const warehouseId = p(warehouses);
				if (itemId && warehouseId)
					recordIssue(x.as('warehouse'), { itemId, warehouseId, qty: 1, unit: 'pcs' });
				return 'warehouse';
			},
			(x, p) => {
				const itemId = p(items);
				if (itemId)
					recordAdjustment(x.as('production'), {
						itemId,
						warehouseId: warehouses[0]!,
						qtyDelta: 2,
						unit: 'pcs',
						note: 'found'
					});
				return 'production';
			},
			(x, p) => {
				const itemId = p(items);
				if (itemId)
					recordTransfer(x.as('warehouse'), {
						itemId,
						from: { warehouseId: warehouses[0]! },
						to: { warehouseId: warehouses[1]! },
						qty: 1,
						unit: 'pcs'
					});
				return 'warehouse';
			},
			(x, p) => {
				const itemId = p(items);
				const customerId = p(customers);
				if (itemId && customerId)
					orders.push(
						createOrder(x.as('sales'), {
							customerId,
							warehouseId: warehouses[0]!,
							requestedDate: '2026-12-01',
							lines: [{ itemId, qty: 1, unitPriceCents: 900 }]
						}).id
					);
				return 'sales';
			},
			(x, p) => {
				const id = p(orders);
				if (id) confirmOrder(x.as('sales'), id);
				return 'sales';
			},
			(x, p) => {
				const id = p(orders);
				// Pick, pack, ship: what went through before a refusal is written and must sync.
				let wrote = false;
				for (const act of id ? [startPicking, packOrder, shipOrder] : []) {
					try {
						act(x.as('warehouse'), id ?? '');
						wrote = true;
					} catch (err) {
						if (!wrote || !(err instanceof StockflowError)) throw err;
						break;
					}
				}
				return 'warehouse';
			},
			(x, p) => {
				const id = p(orders);
				if (id) cancelOrder(x.as('sales'), id, 'customer changed mind');
				return 'sales';
			},
			(x, p) => {
				const itemId = p(items);
				if (itemId)
					transfers.push(
						createTransfer(x.as('warehouse'), {
							fromWarehouseId: warehouses[0]!,
							toWarehouseId: warehouses[1]!,
							lines: [{ itemId, qty: 1 }]
						}).id
					);
				return 'warehouse';
			},
			(x, p) => {
				const id = p(transfers);
				if (id) dispatchTransfer(x.as('warehouse'), id);
				return 'warehouse';
			},
			(x, p) => {
				const id = p(transfers);
				if (id) {
					const t = readTransfer(x.docs.shared('orders'), id);
					receiveTransfer(
						x.as('warehouse'),
						id,
						(t?.lines ?? []).map((l) => ({ itemId: l.itemId, qtyReceived: l.qty }))
					);
				}
				return 'warehouse';
			},
			(x) => {
				counts.push(
					openCount(x.as('warehouse'), { warehouseId: warehouses[0]!, kind: 'full', blind: false })
						.id
				);
				return 'warehouse';
			},
			(x, p) => {
				const id = p(counts);
				const itemId = p(items);
				if (id && itemId)
					recordCountLines(x.as('warehouse'), id, [
						{ itemId, countedQty: Math.floor(prng.next() * 10) }
					]);
				return 'warehouse';
			},
			(x, p) => {
				const id = p(counts);
				if (id) {
					submitCount(x.as('warehouse'), id);
					approveCount(x.as('warehouse'), id);
				}
				return 'warehouse';
			}
		];

		let ran = 0;
		for (let i = 0; i < 120; i++) {
			s.clock.ms += Math.floor(prng.next() * DAY * 0.6);
			const step = pick(steps)!;
			let role: Role;
			try {
				role = step(s, pick);
			} catch (err) {
				// A command that says no (oversell, wrong status…) writes nothing.
				if (err instanceof StockflowError) continue;
				throw err;
			}
			ran++;
			expect(s.sync(role), `step ${i}`).toEqual([]);
		}
		// Month-end close of the first month, by the admin.
		s.clock.ms = Math.max(s.clock.ms, Date.UTC(2026, 11, 2));
		try {
			closePeriod(s.as('admin'), '2026-10');
		} catch (err) {
			if (!(err instanceof StockflowError)) throw err;
		}
		expect(s.sync('admin')).toEqual([]);
		expect(ran).toBeGreaterThan(40);
	});

	it('production: BOMs, work centres and a work order from release to finished goods', () => {
		const s = shop(99);
		const admin = s.as('admin');
		const w = createWarehouse(admin, { code: 'FAB', name: 'Factory' });
		expect(s.sync('admin')).toEqual([]);
		const [chair, leg, seat, glue] = ['CHAIR', 'LEG', 'SEAT', 'GLUE'].map(
			(code) => createItem(s.as('warehouse'), { code, name: code, unit: 'pcs' }).id
		);
		expect(s.sync('warehouse')).toEqual([]);
		for (const itemId of [leg!, seat!])
			recordReceipt(s.as('warehouse'), { itemId, warehouseId: w.id, qty: 40, unit: 'pcs' });
		expect(s.sync('warehouse')).toEqual([]);

		const prod = s.as('production');
		const line = saveWorkCenter(prod, { code: 'L1', name: 'Line 1', capacityHoursPerWeek: 40 });
		const lines = [
			{ id: 'l-leg', childId: leg!, qtyPer: 4 },
			{ id: 'l-seat', childId: seat!, qtyPer: 1 },
			{ id: 'l-glue', childId: glue!, qtyPer: 0.1 }
		];
		const bom = saveBom(prod, { itemId: chair!, version: 'A', lines });
		expect(s.sync('production')).toEqual([]);
		// Editing the BOM removes a line: a nested entry, not an append-only entry.
		saveBom(prod, {
			id: bom.id,
			itemId: chair!,
			version: 'A',
			lines: lines.slice(0, 2),
			steps: [{ id: 's1', seq: 1, name: 'assemble', workCenterId: line.id, minutesPerUnit: 6 }]
		});
		expect(s.sync('production')).toEqual([]);

		const [wo] = createWorkOrders(prod, [
			{ itemId: chair!, qty: 5, warehouseId: w.id, startDate: '2026-10-05', dueDate: '2026-10-09' }
		]);
		releaseWorkOrder(prod, wo!.id);
		reportProgress(prod, wo!.id, { stepId: 's1', good: 5 });
		expect(s.sync('production')).toEqual([]);
		issueMaterials(prod, wo!.id, [{ itemId: leg!, qty: 20 }]);
		expect(s.sync('production')).toEqual([]);
		completeWorkOrder(prod, wo!.id);
		expect(s.sync('production')).toEqual([]);

		// A sales user editing the BOM by hand is refused for rights.
		const bomMap = s.docs.catalog.getMap<Y.Map<unknown>>('boms').get(bom.id);
		bomMap?.set('note', 'cheaper glue');
		expect(s.sync('sales').map((r) => r.reason)).toEqual(['rights']);
	});

	it('purchasing: a request for quotation, a quote and its award into a draft PO', () => {
		const s = shop(7);
		const w = createWarehouse(s.as('admin'), { code: 'TY', name: 'Taoyuan' });
		// Each writer sends its own change: audit entries name the user who made them.
		expect(s.sync('admin')).toEqual([]);
		const item = createItem(s.as('purchasing'), { code: 'BOX', name: 'Box', unit: 'pcs' });
		expect(s.sync('purchasing')).toEqual([]);
		const buy = s.as('purchasing');
		const sup = createSupplier(buy, { code: 'S1', name: 'Supplier' });
		const rfq = createRfq(buy, {
			warehouseId: w.id,
			needDate: '2026-10-20',
			supplierIds: [sup.id],
			lines: [{ itemId: item.id, qty: 50 }]
		});
		sendRfq(buy, rfq.id);
		const lineId = requireRfq(buy, rfq.id).rfq.lines[0]!.id;
		recordQuote(buy, rfq.id, {
			supplierId: sup.id,
			quotedOn: '2026-10-04',
			lines: [{ lineId, unitPriceCents: 990, leadTimeDays: 5 }]
		});
		awardRfq(buy, rfq.id, { supplierId: sup.id, orderDate: '2026-10-05' });
		expect(s.sync('purchasing')).toEqual([]);
		// The warehouse may not write quotes by hand.
		const map = s.docs.shared('orders').getMap<Y.Map<unknown>>('rfqs').get(rfq.id);
		map?.set('note', 'cheaper elsewhere');
		expect(s.sync('warehouse').map((r) => r.reason)).toEqual(['rights']);
		map?.delete('note');
		// Receipts are the warehouse's: a purchasing device appending a receive is refused,
		// a warehouse device's receipt of the same PO passes.
		const poId = requireRfq(buy, rfq.id).fold.awards.get(lineId)!.poId;
		approvePurchaseOrder(s.as('admin'), poId, { today: '2026-10-05' });
		expect(s.sync('admin')).toEqual([]);
		const poLine = requirePurchaseOrder(purchasingView(buy), poId).po.lines[0]!;
		receivePurchaseOrder(s.as('warehouse'), poId, {
			receivedOn: '2026-10-09',
			lines: [{ lineId: poLine.id, accepted: 10 }]
		});
		expect(s.sync('warehouse')).toEqual([]);
		const events = s.docs
			.shared('orders')
			.getMap<Y.Map<unknown>>('purchaseOrders')
			.get(poId)!
			.get('events') as Y.Array<unknown>;
		const receipt = events.get(events.length - 1) as Record<string, unknown>;
		events.push([
			{ ...receipt, id: 'forged-receive', by: 'user-purchasing', device: 'dev_purchasing' }
		]);
		expect(s.sync('purchasing').map((r) => r.reason)).toEqual(['rights']);
	});

	it('landed costs: purchasing records a charge on a receipt; the same event from the warehouse is refused', () => {
		const s = shop(11);
		const w = createWarehouse(s.as('admin'), { code: 'TY', name: 'Taoyuan' });
		expect(s.sync('admin')).toEqual([]);
		const item = createItem(s.as('purchasing'), { code: 'BOX', name: 'Box', unit: 'pcs' });
		const buy = s.as('purchasing');
		const sup = createSupplier(buy, { code: 'S1', name: 'Supplier' });
		const po = createPurchaseOrder(buy, {
			supplierId: sup.id,
			warehouseId: w.id,
			orderDate: '2026-10-05',
			lines: [{ itemId: item.id, qty: 10, unitPriceCents: 1250 }]
		});
		expect(s.sync('purchasing')).toEqual([]);
		approvePurchaseOrder(s.as('admin'), po.id, { today: '2026-10-05' });
		expect(s.sync('admin')).toEqual([]);
		const poLine = requirePurchaseOrder(purchasingView(buy), po.id).po.lines[0]!;
		const { event } = receivePurchaseOrder(s.as('warehouse'), po.id, {
			receivedOn: '2026-10-09',
			lines: [{ lineId: poLine.id, accepted: 10 }]
		});
		expect(s.sync('warehouse')).toEqual([]);
		recordLandedCharge(buy, po.id, {
			receiptEventId: event.id,
			kind: 'freight',
			amountCents: 35_000,
			basis: 'value'
		});
		expect(s.sync('purchasing')).toEqual([]);
		const events = s.docs
			.shared('orders')
			.getMap<Y.Map<unknown>>('purchaseOrders')
			.get(po.id)!
			.get('events') as Y.Array<unknown>;
		const charge = events.get(events.length - 1) as Record<string, unknown>;
		expect(charge['type']).toBe('charge');
		events.push([
			{ ...charge, id: 'forged-charge', by: 'user-warehouse', device: 'dev_warehouse' }
		]);
		expect(s.sync('warehouse').map((r) => r.reason)).toEqual(['rights']);
	});

	it('finance settings: finance sets the valuation method and account codes; sales may not, and a bad code is refused', () => {
		const s = shop(13);
		createWarehouse(s.as('admin'), { code: 'TY', name: 'Taoyuan' });
		expect(s.sync('admin')).toEqual([]);
		setValuationMethod(s.as('finance'), 'moving-average');
		setAccountCodes(s.as('finance'), { inventory: '1230', grni: '2170' });
		expect(s.sync('finance')).toEqual([]);
		const periods = s.docs.catalog.getMap<unknown>('periods');
		periods.set('accountCodes', { inventory: '1299' });
		expect(s.sync('sales').map((r) => r.reason)).toEqual(['rights']);
		periods.set('accountCodes', { inventory: 'no spaces allowed' });
		expect(s.sync('finance').map((r) => r.reason)).toEqual(['schema']);
		periods.set('valuationMethod', 'lifo');
		periods.set('accountCodes', { inventory: '1230', grni: '2170' });
		expect(s.sync('finance').map((r) => r.reason)).toEqual(['schema']);
	});
});

// Writes a workspace of a given size straight into a relay's SQLite store, through the same
// commands the UI uses: `items` SKUs in 3 warehouses and `movements` movements spread over
// 12 months, optionally with every month before the current one closed (month-end close, so
// devices start from the current month's opening). Deterministic for a seed.

import { createWarehouse } from '../../src/lib/commands/catalog';
import { writeEntity } from '../../src/lib/doc/catalog-doc';
import { itemSchema, type Item } from '../../src/lib/domain/catalog/entities';
import { createCommandContext } from '../../src/lib/commands/create-context';
import { recordMovementsBatch, type MovementRequest } from '../../src/lib/commands/movements';
import { closeMonthsBefore } from '../../src/lib/commands/period-close';
import { readMovements } from '../../src/lib/doc/ledger-doc';
import { monthOfMs } from '../../src/lib/doc/names';
import type { Balance } from '../../src/lib/domain/ledger/fold';
import { createPrng } from '../../src/lib/domain/random/prng';
import { loadStoreWorkspace } from '../../sync-server/cli/store-workspace';
import { openSqliteStore } from '../../sync-server/persistence/sqlite';

export interface SeedResult {
	/** Code of one item and its expected company-wide on hand, to wait for in the browser. */
	probe: { code: string; onHand: number };
	movements: number;
	/** Movements in the open months (all of them unless past months were closed). */
	openMovements: number;
}

const DAY_MS = 86_400_000;

export async function seedWorkspace(options: {
	dataDir: string;
	workspace: string;
	items: number;
	movements: number;
	nowMs: number;
	seed: number;
	/** Close every month before the current one. */
	closePast?: boolean;
}): Promise<SeedResult> {
	const store = openSqliteStore({ dataDir: options.dataDir });
	const loaded = await loadStoreWorkspace(store, options.workspace);
	const prng = createPrng(options.seed);
	let simulatedMs = options.nowMs - 365 * DAY_MS;
	const ctx = createCommandContext({
		docs: loaded.docs,
		device: 'bench',
		user: 'bench',
		role: 'admin',
		nowMs: () => simulatedMs,
		random: () => prng.next()
	});
	const warehouses = ['TY', 'TC', 'KH'].map((code) =>
		createWarehouse(ctx, { code, name: `Warehouse ${code}` })
	);
	// Items go in as one transaction: `createItem` checks each code against every other item,
	// which is right for a person typing and quadratic for a fixture of thousands.
	const items: Item[] = Array.from({ length: options.items }, (_, i) =>
		itemSchema.parse({
			id: ctx.ids.next(),
			code: `SKU-${String(i).padStart(5, '0')}`,
			name: `Item ${i}`,
			unit: 'pcs',
			category: `C${i % 12}`,
			safetyStock: 20,
			standardCostCents: 100 + (i % 50) * 10
		})
	);
	const itemMap = loaded.docs.catalog.getMap<unknown>('items');
	loaded.docs.catalog.transact(() => {
		for (const item of items) writeEntity(itemMap, item.id, item);
	});

	const balances = new Map<string, Balance>();
	const onHand = new Map<string, number>();
	const perDay = Math.ceil(options.movements / 365);
	let written = 0;
	for (let day = 0; day < 365 && written < options.movements; day++) {
		simulatedMs = options.nowMs - (365 - day) * DAY_MS;
		const requests: MovementRequest[] = [];
		const staged = new Map<string, number>();
		for (let k = 0; k < perDay && written + requests.length < options.movements; k++) {
			const item = items[prng.int(0, items.length - 1)];
			const warehouse = warehouses[prng.int(0, warehouses.length - 1)];
			if (!item || !warehouse) continue;
			const key = `${item.id}|${warehouse.id}`;
			const have = (onHand.get(key) ?? 0) + (staged.get(key) ?? 0);
			if (have < 10) {
				const qty = prng.int(20, 200);
				requests.push({
					kind: 'receipt',
					input: { itemId: item.id, warehouseId: warehouse.id, qty, unit: 'pcs' }
				});
				staged.set(key, (staged.get(key) ?? 0) + qty);
			} else {
				const qty = prng.int(1, Math.min(10, have));
				requests.push({
					kind: 'issue',
					input: { itemId: item.id, warehouseId: warehouse.id, qty, unit: 'pcs' }
				});
				staged.set(key, (staged.get(key) ?? 0) - qty);
			}
			simulatedMs += 60_000;
		}
		recordMovementsBatch(ctx, requests, { balances });
		for (const [key, delta] of staged) onHand.set(key, (onHand.get(key) ?? 0) + delta);
		written += requests.length;
	}
	if (options.closePast) {
		simulatedMs = options.nowMs;
		closeMonthsBefore(ctx, monthOfMs(options.nowMs));
	}
	let openMovements = 0;
	for (const doc of loaded.docs.ledgers()) openMovements += readMovements(doc).movements.length;
	await loaded.save();
	await store.close();

	const probeItem = items[0];
	if (!probeItem) throw new Error('no items');
	let total = 0;
	for (const b of balances.values()) if (b.itemId === probeItem.id) total += b.qty;
	return { probe: { code: probeItem.code, onHand: total }, movements: written, openMovements };
}

// Yjs-level convergence: simulated devices with skewed clocks make random offline edits
// through the real commands, then exchange updates in random order (with duplicates).
// Every device must end with the same catalog and the same folded stock.

import { describe, expect, it } from 'vitest';
import {
	createItem,
	createLocation,
	createWarehouse,
	updateItem
} from '../../src/lib/commands/catalog';
import {
	recordAdjustment,
	recordIssue,
	recordReceipt,
	recordTransfer
} from '../../src/lib/commands/movements';
import {
	readItems,
	readLedgerMonths,
	readLocations,
	readWarehouses
} from '../../src/lib/doc/catalog-doc';
import { readMovements } from '../../src/lib/doc/ledger-doc';
import { findDuplicateCodes } from '../../src/lib/domain/catalog/duplicates';
import { StockflowError } from '../../src/lib/domain/errors';
import { foldBalances, type Balance } from '../../src/lib/domain/ledger/fold';
import { createPrng, type Prng } from '../../src/lib/domain/random/prng';
import {
	attempt,
	exchange,
	makeDevices,
	online,
	skewedClock,
	syncAll,
	type SimDevice
} from './sim';

type Device = SimDevice;

const START = Date.UTC(2025, 10, 28);

function devicesAt(prng: Prng, count: number, clock: { ms: number }): Device[] {
	return makeDevices(prng, count, { clock: skewedClock(prng, clock, 3_600_000) });
}

function snapshot(device: Device) {
	const { docs } = device;
	const movements = docs.ledgers().flatMap((d) => readMovements(d).movements);
	const balances = [...foldBalances(movements).entries()].sort(([x], [y]) => (x < y ? -1 : 1));
	return {
		items: readItems(docs.catalog),
		warehouses: readWarehouses(docs.catalog),
		locations: readLocations(docs.catalog),
		months: readLedgerMonths(docs.catalog),
		movementCount: movements.length,
		balances: balances as [string, Balance][]
	};
}

function randomStep(device: Device, prng: Prng): void {
	const { ctx, docs } = device;
	const items = readItems(docs.catalog);
	const warehouses = readWarehouses(docs.catalog);
	const locations = readLocations(docs.catalog);
	const item = items.length > 0 ? prng.pick(items) : undefined;
	const place = () => {
		const w = prng.pick(warehouses);
		const bins = locations.filter((l) => l.warehouseId === w.id);
		const loc = bins.length > 0 && prng.chance(0.7) ? prng.pick(bins) : undefined;
		return { warehouseId: w.id, locationId: loc?.id };
	};
	const lot = () => (prng.chance(0.5) ? prng.pick(['L1', 'L2', 'L3']) : undefined);
	const r = prng.next();
	if (!item || r < 0.08) {
		attempt(() =>
			createItem(ctx, {
				code: `SKU-${prng.int(1, 40)}`,
				name: `品項 ${prng.int(1, 99)}`,
				unit: prng.pick(['個', '箱'])
			})
		);
	} else if (r < 0.2) {
		const patches = [
			{ name: `改名 ${prng.int(1, 99)}` },
			{ safetyStock: prng.int(0, 50) },
			{ category: prng.pick(['包材', '飲料']) },
			{ maxStock: prng.int(0, 500) }
		];
		attempt(() => updateItem(ctx, item.id, prng.pick(patches)));
	} else if (r < 0.55) {
		attempt(() =>
			recordReceipt(ctx, {
				itemId: item.id,
				...place(),
				lot: lot(),
				qty: prng.int(1, 30),
				unit: item.unit
			})
		);
	} else if (r < 0.8) {
		attempt(() =>
			recordIssue(ctx, {
				itemId: item.id,
				...place(),
				lot: lot(),
				qty: prng.int(1, 10) / 2,
				unit: item.unit
			})
		);
	} else if (r < 0.92) {
		attempt(() =>
			recordTransfer(ctx, {
				itemId: item.id,
				from: place(),
				to: place(),
				lot: lot(),
				qty: prng.int(1, 8),
				unit: item.unit
			})
		);
	} else {
		attempt(() =>
			recordAdjustment(ctx, {
				itemId: item.id,
				...place(),
				lot: lot(),
				qtyDelta: prng.pick([-2, -1, 1, 3]),
				unit: item.unit,
				note: '盤點'
			})
		);
	}
}

function seedShared(devices: Device[], prng: Prng): void {
	const first = devices[0];
	if (!first) throw new Error('no devices');
	for (const [code, name] of [
		['TY-MAIN', '桃園總倉'],
		['TC', '台中倉']
	] as const) {
		const w = createWarehouse(first.ctx, { code, name });
		for (const bin of ['A-01-01', 'A-01-02'])
			createLocation(first.ctx, { warehouseId: w.id, code: bin });
	}
	for (let i = 0; i < 5; i++)
		createItem(first.ctx, { code: `BASE-${i}`, name: `基本品項 ${i}`, unit: '個' });
	syncAll(devices, prng);
}

describe('convergence of simulated offline devices', () => {
	it.each(Array.from({ length: 30 }, (_, i) => i + 1))(
		'seed %i: every device folds to the same state',
		(seed) => {
			const prng = createPrng(seed);
			const clock = { ms: START };
			const devices = devicesAt(prng, prng.int(3, 5), clock);
			seedShared(devices, prng);
			for (let step = 0; step < 150; step++) {
				clock.ms += prng.int(1_000, 6 * 3_600_000); // crosses month boundaries now and then
				for (const d of devices) if (prng.chance(0.1)) d.online = !d.online;
				randomStep(prng.pick(devices), prng);
				if (prng.chance(0.15)) syncAll(online(devices), prng);
			}
			syncAll(devices, prng);
			const [first, ...rest] = devices.map(snapshot);
			expect(first?.movementCount).toBeGreaterThan(20);
			for (const other of rest) expect(other).toEqual(first);
		}
	);

	it('keeps concurrent edits of different fields of one item', () => {
		const prng = createPrng(99);
		const clock = { ms: START };
		const [a, b] = devicesAt(prng, 2, clock);
		if (!a || !b) throw new Error('devices');
		const item = createItem(a.ctx, { code: 'TEA-1', name: '紅茶', unit: '箱' });
		exchange(a, b, prng);
		updateItem(a.ctx, item.id, { name: '古早味紅茶' });
		updateItem(b.ctx, item.id, { safetyStock: 12, category: '飲料' });
		exchange(a, b, prng);
		expect(readItems(a.docs.catalog)).toEqual(readItems(b.docs.catalog));
		expect(readItems(a.docs.catalog)[0]).toMatchObject({
			name: '古早味紅茶',
			safetyStock: 12,
			category: '飲料'
		});
	});

	it('flags the same SKU code created offline on two devices', () => {
		const prng = createPrng(5);
		const clock = { ms: START };
		const [a, b] = devicesAt(prng, 2, clock);
		if (!a || !b) throw new Error('devices');
		const x = createItem(a.ctx, { code: 'PKG-BOX-30', name: '紙箱', unit: '個' });
		const y = createItem(b.ctx, { code: 'pkg-box-30', name: '紙箱 30', unit: '個' });
		exchange(a, b, prng);
		const items = readItems(a.docs.catalog);
		expect(items).toHaveLength(2);
		expect(findDuplicateCodes(items)).toEqual([
			{ code: 'PKG-BOX-30', itemIds: [x.id, y.id].sort() }
		]);
		// Once merged, neither device can create a third one.
		expect(() => createItem(b.ctx, { code: 'PKG-BOX-30', name: '又一個', unit: '個' })).toThrow(
			StockflowError
		);
	});
});

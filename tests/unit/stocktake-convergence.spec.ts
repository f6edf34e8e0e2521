// Stocktakes under offline merges: devices move stock and count the same positions while
// offline, a device that was offline during the count syncs its movements late, two
// supervisors approve the same count offline, then everyone merges. Afterwards every device
// folds the same book, and the book equals the physical shelf (tracked beside the simulation).

import { describe, expect, it } from 'vitest';
import { createItem, createLocation, createWarehouse } from '../../src/lib/commands/catalog';
import { recordIssue, recordReceipt } from '../../src/lib/commands/movements';
import { approveCount, reconcileCount } from '../../src/lib/commands/stocktake/approval';
import {
	openCount,
	recordCountLines,
	submitCount
} from '../../src/lib/commands/stocktake/stocktake';
import { readCountSession } from '../../src/lib/doc/counts-doc';
import { readMovements } from '../../src/lib/doc/ledger-doc';
import { StockflowError } from '../../src/lib/domain/errors';
import { foldBalances, onHandOf } from '../../src/lib/domain/ledger/fold';
import { createPrng } from '../../src/lib/domain/random/prng';
import { attempt, makeDevices, online, syncAll, type SimDevice } from './sim';

type Device = SimDevice;

interface Position {
	itemId: string;
	unit: string;
	locationId: string;
}

const START = Date.UTC(2026, 10, 20);

function bookOf(device: Device, warehouseId: string, p: Position): number {
	const movements = device.docs.ledgers().flatMap((d) => readMovements(d).movements);
	return onHandOf(foldBalances(movements), {
		itemId: p.itemId,
		warehouseId,
		locationId: p.locationId
	});
}

describe('stocktake convergence', () => {
	it.each(Array.from({ length: 25 }, (_, i) => i + 1))(
		'seed %i: after merging, every device’s book equals the shelf',
		(seed) => {
			const prng = createPrng(seed * 7919);
			const clock = { ms: START };
			const devices = makeDevices(prng, prng.int(3, 4), {
				// One shared wall clock: physical order = stamp order, which is what the shelf model needs.
				clock: () => () => clock.ms,
				role: (i) => (i === 0 ? 'admin' : 'warehouse')
			});
			const [admin] = devices;
			if (!admin) throw new Error('devices');
			const tick = () => (clock.ms += prng.int(1_000, 3_600_000));

			const w = createWarehouse(admin.ctx, { code: 'TY', name: '桃園倉' });
			const bins = ['A-01', 'A-02'].map((code) =>
				createLocation(admin.ctx, { warehouseId: w.id, code })
			);
			const items = [0, 1, 2].map((i) =>
				createItem(admin.ctx, { code: `SKU-${i}`, name: `品項 ${i}`, unit: '個' })
			);
			const positions: Position[] = items.flatMap((item) =>
				bins.map((bin) => ({ itemId: item.id, unit: item.unit, locationId: bin.id }))
			);
			const shelf = new Map<Position, number>();
			for (const p of positions) {
				tick();
				const qty = prng.int(20, 60);
				recordReceipt(admin.ctx, {
					itemId: p.itemId,
					warehouseId: w.id,
					locationId: p.locationId,
					qty,
					unit: p.unit
				});
				shelf.set(p, qty);
			}
			const count = openCount(admin.ctx, { warehouseId: w.id, kind: 'full', blind: true });
			syncAll(devices, prng);

			const move = (d: Device) => {
				const p = prng.pick(positions);
				const onShelf = shelf.get(p) ?? 0;
				tick();
				if (prng.chance(0.5)) {
					const qty = prng.int(1, 10);
					recordReceipt(d.ctx, {
						itemId: p.itemId,
						warehouseId: w.id,
						locationId: p.locationId,
						qty,
						unit: p.unit
					});
					shelf.set(p, onShelf + qty);
				} else if (onShelf > 0) {
					const qty = prng.int(1, Math.min(onShelf, 10));
					const place = {
						itemId: p.itemId,
						warehouseId: w.id,
						locationId: p.locationId,
						qty,
						unit: p.unit
					};
					// The device's own book may refuse (it has not seen a receipt yet): then nothing moves.
					if (attempt(() => recordIssue(d.ctx, place))) shelf.set(p, onShelf - qty);
				}
			};
			const countOne = (d: Device, p: Position) => {
				tick();
				recordCountLines(d.ctx, count.id, [
					{ itemId: p.itemId, locationId: p.locationId, countedQty: shelf.get(p) ?? 0 }
				]);
			};

			// One device stays offline through the whole count and approval: its movements (stamped
			// before many count lines) reach everyone only afterwards.
			const late = devices[devices.length - 1];
			if (!late || late === admin) throw new Error('devices');
			late.online = false;
			const present = devices.filter((d) => d !== late);

			// Phase 1: moves, unrecorded shrinkage and counts interleaved, devices drifting offline.
			for (let step = 0; step < 60; step++) {
				for (const d of present) if (prng.chance(0.15)) d.online = !d.online;
				const d = prng.pick(devices);
				const r = prng.next();
				if (r < 0.5) move(d);
				else if (r < 0.6) {
					const p = prng.pick(positions);
					shelf.set(p, Math.max(0, (shelf.get(p) ?? 0) - prng.int(1, 3))); // broken, lost
				} else countOne(d, prng.pick(positions));
				if (prng.chance(0.2)) syncAll(online(devices), prng);
			}
			// Phase 2: a final pass counts every position (after the last shrinkage) while offline
			// devices keep moving stock; then everyone syncs before review.
			for (const p of prng.shuffle(positions)) {
				countOne(prng.pick(present), p);
				if (prng.chance(0.5)) move(prng.pick(devices));
			}
			syncAll(present, prng);
			submitCount(admin.ctx, count.id);
			syncAll(present, prng);

			// Phase 3: two supervisors approve offline while others keep moving stock.
			const approvers = prng.shuffle(present).slice(0, 2);
			for (const d of devices) d.online = false;
			for (const d of approvers) {
				tick();
				approveCount(d.ctx, count.id);
				// A second tap on the same device is refused and writes nothing.
				if (prng.chance(0.5)) expect(() => approveCount(d.ctx, count.id)).toThrow(StockflowError);
			}
			for (let i = 0; i < 5; i++) move(prng.pick(devices));
			syncAll(devices, prng);
			// Phase 4: the late device's movements are in; two devices reconcile the approved count
			// offline from the same state (same correction ids), then everyone merges.
			const reconcilers = prng.shuffle(devices).slice(0, 2);
			for (const d of reconcilers) reconcileCount(d.ctx, count.id);
			syncAll(devices, prng);
			for (const d of devices) expect(reconcileCount(d.ctx, count.id)).toEqual([]);

			for (const d of devices) {
				expect(readCountSession(d.docs.shared('counts'), count.id)?.status).toBe('approved');
				for (const p of positions) expect(bookOf(d, w.id, p)).toBe(shelf.get(p));
			}
		}
	);
});

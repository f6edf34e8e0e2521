// Convergence of period close: simulated devices receive and issue through the real commands
// around a month end, some of them offline across it; an admin closes the month on what it
// holds; updates are exchanged in random order (with duplicates) and every device that holds
// the closed month carries late arrivals forward. Every device must then agree on stock, and
// stock must equal the fold of every distinct movement ever written — the close lost nothing
// and counted nothing twice.

import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createItem, createWarehouse } from '../../src/lib/commands/catalog';
import { ledgerBalances } from '../../src/lib/commands/ledger-cache';
import { recordIssue, recordReceipt } from '../../src/lib/commands/movements';
import { carryForwardLate, closePeriod } from '../../src/lib/commands/period-close';
import { readLedgerMonths } from '../../src/lib/doc/catalog-doc';
import { readMovements } from '../../src/lib/doc/ledger-doc';
import { readClosedThrough } from '../../src/lib/doc/period-doc';
import { foldBalances } from '../../src/lib/domain/ledger/fold';
import type { Movement } from '../../src/lib/domain/ledger/movement';
import { createPrng, type Prng } from '../../src/lib/domain/random/prng';
import { attempt, exchange, makeDevices, syncAll, type SimDevice } from './sim';

/** Each device has its own clock: some stay behind in October while others are in November. */
interface Device extends SimDevice {
	clock: { ms: number };
}

const OCT_29 = Date.UTC(2026, 9, 29, 8);
const HOUR = 3_600_000;

function devicesAt(prng: Prng, count: number): Device[] {
	const clocks = Array.from({ length: count }, () => ({ ms: OCT_29 }));
	const clockOf = (i: number) => clocks[i] ?? { ms: OCT_29 };
	return makeDevices(prng, count, { clock: (i) => () => clockOf(i).ms }).map((d, i) => ({
		...d,
		clock: clockOf(i)
	}));
}

/** Every distinct movement any ledger of the device holds, closed months included. */
function everyMovement(d: Device): Movement[] {
	return readLedgerMonths(d.docs.catalog).flatMap((m) => readMovements(d.docs.ledger(m)).movements);
}

function stockOf(balances: Map<string, { qty: number }>): Record<string, number> {
	return Object.fromEntries(
		[...balances].filter(([, b]) => b.qty !== 0).map(([k, b]) => [k, b.qty])
	);
}

/** Every closed month the device holds, as carryForwardLate takes them. */
function closedHeld(d: Device): Map<string, Y.Doc> {
	const through = readClosedThrough(d.docs.catalog);
	if (through === null) return new Map();
	return new Map(
		readLedgerMonths(d.docs.catalog)
			.filter((m) => m <= through)
			.map((m) => [m, d.docs.ledger(m)])
	);
}

function run(seed: number): void {
	const prng = createPrng(seed);
	const devices = devicesAt(prng, 4);
	const [hq] = devices;
	if (!hq) throw new Error('no devices');
	const wh = createWarehouse(hq.ctx, { code: 'TY', name: '桃園倉' }).id;
	const items = [0, 1, 2].map(
		(i) => createItem(hq.ctx, { code: `I-${i}`, name: `品項 ${i}`, unit: '個' }).id
	);
	for (const itemId of items)
		recordReceipt(hq.ctx, { itemId, warehouseId: wh, qty: 100, unit: '個' });
	syncAll(devices, prng);

	// Three days around the month end; each device is online (syncs) only some of the time.
	const online = new Set(devices.filter(() => prng.chance(0.5)));
	for (let step = 0; step < 60; step++) {
		for (const d of devices) d.clock.ms += prng.int(0, 4 * HOUR);
		const d = prng.pick(devices);
		const itemId = prng.pick(items);
		if (prng.chance(0.5))
			attempt(() =>
				recordReceipt(d.ctx, { itemId, warehouseId: wh, qty: prng.int(1, 20), unit: '個' })
			);
		else
			attempt(() =>
				recordIssue(d.ctx, { itemId, warehouseId: wh, qty: prng.int(1, 15), unit: '個' })
			);
		if (prng.chance(0.2)) {
			const peers = [...online];
			const a = prng.pick(peers.length ? peers : devices);
			const b = prng.pick(devices);
			if (a !== b) exchange(a, b, prng);
		}
		// Once in November, the admin (device 0) closes October on what it holds.
		if (hq.clock.ms > Date.UTC(2026, 10, 1, 2) && readClosedThrough(hq.docs.catalog) === null)
			closePeriod(hq.ctx, '2026-10');
	}
	// Everyone comes back; holders of October carry what arrived late, until nothing moves.
	for (let round = 0; round < 3; round++) {
		syncAll(devices, prng);
		for (const d of prng.shuffle(devices)) carryForwardLate(d.ctx, closedHeld(d));
	}
	syncAll(devices, prng);

	expect(readClosedThrough(hq.docs.catalog)).toBe('2026-10');
	const truth = stockOf(foldBalances(everyMovement(hq)));
	for (const d of devices) {
		expect(stockOf(ledgerBalances(d.ctx))).toEqual(truth);
		expect(stockOf(foldBalances(everyMovement(d)))).toEqual(truth);
	}
}

describe('period close convergence', () => {
	for (let seed = 1; seed <= 15; seed++) it(`seed ${seed}`, () => run(seed));
});

// Issue 15's wrong clocks through a real relay, with the issue's known answers. Four devices of
// one warehouse: a desk PC with a correct clock, a tablet whose clock jumped 400 days ahead
// while it was offline, a tablet whose clock was reset to June 2001 after it had synced, and a
// fresh device that reads the result.
//
// Before (issue 15): the correct devices adopted the 2028 wall time, a receipt made after the
// count sorted before it, and the count's re-check posted `count −50` (on hand 214, not 264).
// Now: the relay refuses the 2028 receipt (`clock`) and the catalog's listing of its month; the count finds its 64 units on the shelf
// and posts +64 at today's stamp; the receipt after the count is added on top: 264. The 2001
// tablet's receipt is stamped after what it recorded before (December 2026, not June 2001) and
// is accepted.

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createItem, createWarehouse } from '../../src/lib/commands/catalog';
import { recordReceipt } from '../../src/lib/commands/movements';
import { approveCount } from '../../src/lib/commands/stocktake/approval';
import {
	openCount,
	recordCountLines,
	submitCount
} from '../../src/lib/commands/stocktake/stocktake';
import type { Role } from '../../src/lib/domain/auth/roles';
import { monthOfStamp } from '../../src/lib/doc/names';
import { readMovements } from '../../src/lib/doc/ledger-doc';
import { foldBalances, onHandOf } from '../../src/lib/domain/ledger/fold';
import { memoryKeyValueStore, type KeyValueStore } from '../../src/lib/storage/kv';
import { WorkspaceRuntime } from '../../src/lib/state/workspace-runtime';
import { syncServerUrl } from '../../src/lib/sync/ws-url';
import { waitFor } from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

const WS = 'wrongclocks';
const DAY = 86_400_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	vi.restoreAllMocks();
	while (cleanups.length) await cleanups.pop()?.();
});

interface Device {
	name: string;
	/**
	 * This device's spelling of 127.0.0.1: runtimes in one process would otherwise meet on
	 * y-websocket's cross-tab channel (named by URL), around the relay and its checks.
	 */
	host: string;
	role: Role;
	kv: KeyValueStore;
	/** The device's own clock, off the relay's by this much. */
	skewMs: number;
}

const device = (name: string, role: Role, host: string): Device => ({
	name,
	host,
	role,
	kv: memoryKeyValueStore(),
	skewMs: 0
});

/** One run of the app on a device: online (relay) or offline (null). */
async function run(d: Device, relay: TestRelay | null): Promise<WorkspaceRuntime> {
	const rt = new WorkspaceRuntime({
		session: {
			workspace: WS,
			token: await token(WS, d.role, { user: d.name }),
			role: d.role,
			user: d.name,
			expMs: 9e15
		},
		kv: d.kv,
		serverUrl: relay ? syncServerUrl(relay.ws.replace('127.0.0.1', d.host), WS) : null,
		storageNamespace: `${WS}-${d.name}`,
		nowMs: () => Date.now() + d.skewMs,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
	});
	await rt.ready;
	if (relay) {
		await waitFor(() => rt.relayClock.measured(), `${d.name} to hear the relay's time`);
		for (const doc of ['catalog', 'counts']) await rt.sync?.whenSynced(doc, 15_000);
	}
	return rt;
}

const settled = async (rt: WorkspaceRuntime): Promise<void> =>
	waitFor(() => rt.pending.list().length === 0, 'every change to be confirmed');

function onHand(rt: WorkspaceRuntime, itemId: string, warehouseId: string): number {
	const movements = rt.docs.ledgers().flatMap((doc) => readMovements(doc).movements);
	return onHandOf(foldBalances(movements), { itemId, warehouseId });
}

describe('one device 400 days ahead, one reset to 2001, through a real relay', () => {
	it('on hand 264 at the main warehouse; the 2001 receipt filed in this month', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		const relay = await startTestRelay({ dataDir: dir.path, integrityChecks: true });
		cleanups.push(() => relay.close());
		const desk = device('amy', 'admin', '127.0.0.1');
		const ahead = device('fay', 'warehouse', '127.1');
		const reset = device('bo', 'warehouse', '2130706433');

		// The desk sets up and receives 150; both tablets sync with correct clocks.
		const d = await run(desk, relay);
		const ctx = d.context();
		const tea = createItem(ctx, { code: 'TEA', name: 'tea', unit: 'pcs' });
		const main = createWarehouse(ctx, { code: 'TY', name: 'main' });
		const annex = createWarehouse(ctx, { code: 'HS', name: 'annex' });
		recordReceipt(ctx, { itemId: tea.id, warehouseId: main.id, qty: 150, unit: 'pcs' });
		await settled(d);
		for (const t of [ahead, reset]) {
			const rt = await run(t, relay);
			await waitFor(() => rt.items.length === 1 && rt.warehouses.length === 2, 'the catalog');
			await rt.close();
		}

		// Offline, one tablet's clock jumps 400 days ahead, the other's is reset to June 2001.
		ahead.skewMs = 400 * DAY;
		reset.skewMs = Date.UTC(2001, 5, 14) - Date.now();
		const a = await run(ahead, null);
		const future = recordReceipt(a.context(), {
			itemId: tea.id,
			warehouseId: main.id,
			qty: 64,
			unit: 'pcs'
		});
		expect(monthOfStamp(future.at) > '2027-12').toBe(true);
		await a.close();
		const r = await run(reset, null);
		const past = recordReceipt(r.context(), {
			itemId: tea.id,
			warehouseId: annex.id,
			qty: 7,
			unit: 'pcs'
		});
		expect(monthOfStamp(past.at)).toBe(thisMonth());
		await r.close();

		// Back online: the relay refuses the 2028 receipt and takes the 2001 tablet's.
		const refusedBefore = await metric(
			relay.http,
			'stockflow_refused_updates_total{reason="clock"}'
		);
		const a2 = await run(ahead, relay);
		const futureDoc = `ledger-${monthOfStamp(future.at)}`;
		await waitFor(() => a2.sync?.refusal(futureDoc)?.reason === 'clock', 'the refusal');
		// The month the receipt would be filed in is refused with it (the same command wrote it).
		await waitFor(() => a2.sync?.refusal('catalog')?.reason === 'clock', 'the month refused');
		expect(await metric(relay.http, 'stockflow_refused_updates_total{reason="clock"}')).toBe(
			refusedBefore + 2
		);
		// Corrected by the relay, the tablet stamps today again.
		expect(monthOfStamp(a2.clock.now())).toBe(thisMonth());
		await a2.close();
		const r2 = await run(reset, relay);
		await settled(r2);
		await r2.close();

		// The desk counts 214 on the shelf (the 64 are there), approves, then receives 50.
		await d.sync?.whenSynced(`ledger-${thisMonth()}`, 15_000);
		const count = openCount(ctx, { warehouseId: main.id, kind: 'full', blind: false });
		recordCountLines(ctx, count.id, [{ itemId: tea.id, countedQty: 214 }]);
		submitCount(ctx, count.id);
		expect(approveCount(ctx, count.id).map((m) => m.qty)).toEqual([64]);
		recordReceipt(ctx, { itemId: tea.id, warehouseId: main.id, qty: 50, unit: 'pcs' });
		await settled(d);

		// A fresh device reads the same: 264 at the main warehouse, 7 at the annex.
		const fresh = await run(device('viv', 'viewer', '0x7f000001'), relay);
		await fresh.sync?.whenSynced(`ledger-${thisMonth()}`, 15_000);
		expect(onHand(fresh, tea.id, main.id)).toBe(264);
		expect(onHand(fresh, tea.id, annex.id)).toBe(7);
		expect(fresh.ledgerMonths).not.toContain('2001-06');
		// No empty 2028 month on the periods page: its entry in the catalog never reached the relay.
		expect(fresh.ledgerMonths).not.toContain(monthOfStamp(future.at));
		expect(fresh.ledgerMonths).toContain(thisMonth());
		await fresh.close();
		await d.close();
	});
});

function thisMonth(): string {
	return new Date().toISOString().slice(0, 7);
}

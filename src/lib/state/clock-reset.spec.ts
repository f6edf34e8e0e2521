// Issue 15's second wrong-clock case, with its known answers: a tablet that synced in November
// 2026 has its clock reset to June 2001 and keeps working offline. It receives 100 onto a book
// of 16 and counts 116: the count matches (on hand 116, not 216 from a `count +100` against a
// book taken at a 2001 stamp), nothing is filed in 2001, and month-end close offers November
// 2026, never June 2001.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../commands/catalog';
import { recordReceipt } from '../commands/movements';
import { approveCount } from '../commands/stocktake/approval';
import { openCount, recordCountLines, submitCount } from '../commands/stocktake/stocktake';
import { monthOfMs } from '../doc/names';
import { readMovements } from '../doc/ledger-doc';
import { foldBalances, onHandOf } from '../domain/ledger/fold';
import { memoryKeyValueStore, type KeyValueStore } from '../storage/kv';
import { closeCandidate } from './pages/period-status';
import { WorkspaceRuntime } from './workspace-runtime';

const NOV_2026 = Date.UTC(2026, 10, 20, 9);
const JUN_2001 = Date.UTC(2001, 5, 14, 9);

async function open(kv: KeyValueStore, nowMs: number): Promise<WorkspaceRuntime> {
	const rt = new WorkspaceRuntime({
		session: { workspace: 'reset', token: 't', role: 'admin', user: 'amy', expMs: 9e15 },
		kv,
		serverUrl: null,
		nowMs: () => nowMs
	});
	await rt.ready;
	return rt;
}

describe('a tablet whose clock was reset to 2001 after it had synced', () => {
	it('counts 116 against a book of 116 and offers November 2026 for close', async () => {
		const kv = memoryKeyValueStore();
		const before = await open(kv, NOV_2026);
		const ctx = before.context();
		const item = createItem(ctx, { code: 'TEA', name: 'tea', unit: 'pcs' });
		const wh = createWarehouse(ctx, { code: 'W', name: 'w' });
		recordReceipt(ctx, { itemId: item.id, warehouseId: wh.id, qty: 16, unit: 'pcs' });
		await before.close();

		const rt = await open(kv, JUN_2001);
		const now = rt.context();
		recordReceipt(now, { itemId: item.id, warehouseId: wh.id, qty: 100, unit: 'pcs' });
		const count = openCount(now, { warehouseId: wh.id, kind: 'full', blind: false });
		recordCountLines(now, count.id, [{ itemId: item.id, countedQty: 116 }]);
		submitCount(now, count.id);
		expect(approveCount(now, count.id)).toEqual([]);

		const movements = rt.docs.ledgers().flatMap((d) => readMovements(d).movements);
		expect(onHandOf(foldBalances(movements), { itemId: item.id })).toBe(116);
		expect(rt.ledgerMonths).toEqual(['2026-11']);
		const nowMonth = monthOfMs(rt.timeMs());
		expect(nowMonth).toBe('2026-11');
		expect(closeCandidate(rt.ledgerMonths, null, nowMonth)).toBe('2026-11');
		await rt.close();
	});

	it('a 2001 ledger month a reset clock left behind is never offered for close', () => {
		expect(closeCandidate(['2001-06', '2026-11'], null, '2026-12')).toBe('2026-11');
		expect(closeCandidate(['2001-06'], null, '2026-12')).toBe('2026-12');
	});
});

// The device's stamp clock survives a restart (issue 15, point 3): after the clock of a tablet
// was set back to 2001, its next receipt is still stamped after everything it recorded before,
// in the month it was really in, not June 2001.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../commands/catalog';
import { recordReceipt } from '../commands/movements';
import { compareStamps } from '../domain/clock/hlc';
import { memoryKeyValueStore, type KeyValueStore } from '../storage/kv';
import { WorkspaceRuntime } from './workspace-runtime';

const DEC_2026 = Date.UTC(2026, 11, 7, 9);
const JUN_2001 = Date.UTC(2001, 5, 1, 9);

async function open(kv: KeyValueStore, nowMs: number): Promise<WorkspaceRuntime> {
	const rt = new WorkspaceRuntime({
		session: { workspace: 'clock', token: 't', role: 'admin', user: 'amy', expMs: 9e15 },
		kv,
		serverUrl: null,
		nowMs: () => nowMs
	});
	await rt.ready;
	return rt;
}

describe('the stamp clock across a restart', () => {
	it('never goes backwards when the device clock was set back', async () => {
		const kv = memoryKeyValueStore();
		const before = await open(kv, DEC_2026);
		const ctx = before.context();
		const item = createItem(ctx, { code: 'A', name: 'a', unit: 'pcs' });
		const wh = createWarehouse(ctx, { code: 'W', name: 'w' });
		const first = recordReceipt(ctx, { itemId: item.id, warehouseId: wh.id, qty: 1, unit: 'pcs' });
		await before.close();

		const after = await open(kv, JUN_2001);
		const second = recordReceipt(after.context(), {
			itemId: item.id,
			warehouseId: wh.id,
			qty: 1,
			unit: 'pcs'
		});
		expect(compareStamps(second.at, first.at)).toBe(1);
		expect(second.at.slice(0, 15)).toBe(first.at.slice(0, 15));
		await after.close();
	});
});

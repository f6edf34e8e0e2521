import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../sync-server/server';
import { createMemoryStore } from '../../../sync-server/persistence/memory';
import { issueToken } from '../../../sync-server/auth';
import { createItem, createWarehouse } from '../commands/catalog';
import { recordReceipt } from '../commands/movements';
import { memoryKeyValueStore } from '../storage/kv';
import { WorkspaceRuntime } from '../state/workspace-runtime';
import { syncServerUrl } from './ws-url';
import { checkToken } from './token-check';

const SECRET = 'test-secret-for-runtime-sync-0123456789';
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'stockflow-rt-'));
	server = await startServer({
		port: 0,
		host: '127.0.0.1',
		dataDir,
		secret: SECRET,
		store: createMemoryStore()
	});
});

afterAll(async () => {
	await server.close();
	rmSync(dataDir, { recursive: true, force: true });
});

async function device(name: string, token: string, workspace: string): Promise<WorkspaceRuntime> {
	// The session's user is the token's (audit entries name it; the relay checks).
	const user = 'amy';
	const rt = new WorkspaceRuntime({
		session: { workspace, token, role: 'admin', user, expMs: Date.now() + 3_600_000 },
		kv: memoryKeyValueStore(),
		serverUrl: syncServerUrl(`ws://127.0.0.1:${server.port}`, workspace),
		storageNamespace: `${workspace}-${name}`,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		checkToken: () => checkToken(`http://127.0.0.1:${server.port}`, token)
	});
	await rt.ready;
	return rt;
}

async function until(check: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 200; i++) {
		if (check()) return;
		await new Promise((r) => setTimeout(r, 25));
	}
	throw new Error(`timed out waiting for ${what}`);
}

describe('workspace runtimes over the real relay', () => {
	it('converge, and the relay confirms every local change', async () => {
		const token = await issueToken({
			secret: SECRET,
			workspace: 'rt',
			role: 'admin',
			user: 'amy',
			ttl: '1h'
		});
		const a = await device('a', token, 'rt');
		const b = await device('b', token, 'rt');
		const ctx = a.context();
		const item = createItem(ctx, { code: 'X-1', name: 'Widget', unit: 'pcs' });
		const wh = createWarehouse(ctx, { code: 'W1', name: 'Main' });
		recordReceipt(ctx, { itemId: item.id, warehouseId: wh.id, qty: 12, unit: 'pcs' });
		expect(a.pending.count).toBeGreaterThan(0);
		await until(
			() => [...(b.projector?.balances.values() ?? [])].some((x) => x.qty === 12),
			'b to see the receipt'
		);
		await until(() => a.pending.count === 0, 'the relay to confirm');
		expect(a.sync?.status()).toBe('online');
		expect(b.items.map((i) => i.code)).toEqual(['X-1']);
		await a.close();
		await b.close();
	});

	it('stops reconnecting when the relay refuses the token', async () => {
		const token = await issueToken({
			secret: 'another-secret-0123456789abcdef',
			workspace: 'rt2',
			role: 'admin',
			user: 'eve',
			ttl: '1h'
		});
		const c = await device('c', token, 'rt2');
		await until(() => c.sync?.unauthorized === true, 'unauthorized');
		expect(c.sync?.status()).toBe('unauthorized');
		await c.close();
	});
});

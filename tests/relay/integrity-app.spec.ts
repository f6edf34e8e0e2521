// The app's side of a refusal, over real sockets: a warehouse device whose (buggy) code writes
// what its role may not learns from the relay why, and every later change of that doc is stuck
// behind the refused struct; setting the refused changes aside (a copy to download) and
// re-opening the doc under a new Yjs client id gets later work through again.

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Role } from '../../src/lib/domain/auth/roles';
import { createItem, createWarehouse, updateItem } from '../../src/lib/commands/catalog';
import { createCustomer } from '../../src/lib/commands/customers';
import { readItems } from '../../src/lib/doc/catalog-doc';
import { readCustomers } from '../../src/lib/doc/customers-doc';
import { memoryKeyValueStore, type KeyValueStore } from '../../src/lib/storage/kv';
import { resolveDocDbName } from '../../src/lib/storage/db-names';
import { WorkspaceRuntime } from '../../src/lib/state/workspace-runtime';
import { syncServerUrl } from '../../src/lib/sync/ws-url';
import { SET_ASIDE_FORMAT } from '../../src/lib/sync/set-aside';
import { encodeUpdate } from '../../src/lib/sync/protocol';
import { createCommandContext } from '../../src/lib/commands/create-context';
import { workspaceDocsInMemory } from '../../src/lib/commands/memory-docs';
import { connectClient, waitFor, waitSynced } from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

const WS = 'refused';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length) await cleanups.pop()?.();
});

async function relay(): Promise<TestRelay> {
	const dir = tempDir();
	const r = await startTestRelay({ dataDir: dir.path, integrityChecks: true, roomGraceMs: 0 });
	cleanups.push(() => dir.remove());
	cleanups.push(() => r.close());
	return r;
}

async function device(
	r: TestRelay,
	name: string,
	role: Role,
	user: string,
	kv: KeyValueStore = memoryKeyValueStore()
): Promise<WorkspaceRuntime> {
	const rt = new WorkspaceRuntime({
		session: { workspace: WS, token: await token(WS, role, { user }), role, user, expMs: 9e15 },
		kv,
		serverUrl: syncServerUrl(r.ws, WS),
		storageNamespace: `${WS}-${name}`,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
	});
	cleanups.push(() => rt.close());
	await rt.ready;
	return rt;
}

const names = (doc: Y.Doc): string[] => readItems(doc).map((i) => i.name);

/**
 * The admin's catalog through a stock y-websocket client: runtimes in one process would also
 * meet on y-websocket's cross-tab channel, around the relay.
 */
async function adminCatalog(r: TestRelay) {
	const docs = workspaceDocsInMemory();
	const admin = await token(WS, 'admin', { user: 'chen' });
	const client = connectClient(r.ws, WS, 'catalog', admin, docs.catalog);
	cleanups.push(() => client.destroy());
	await waitSynced(client);
	const ctx = createCommandContext({
		docs,
		device: 'admin',
		user: 'chen',
		role: 'admin',
		nowMs: Date.now
	});
	return { doc: docs.catalog, ctx };
}

describe('a refused change on this device', () => {
	it('is shown with its reason, and setting it aside lets later work through', async () => {
		const r = await relay();
		const admin = await adminCatalog(r);
		const item = createItem(admin.ctx, { code: 'BOLT', name: 'Bolt', unit: 'pcs' });
		createWarehouse(admin.ctx, { code: 'W1', name: 'Main' });

		const kv = memoryKeyValueStore();
		const clerk = await device(r, 'clerk', 'warehouse', 'wang', kv);
		await waitFor(() => names(clerk.catalog).includes('Bolt'), 'the catalog to reach the clerk');
		const oldClient = clerk.catalog.clientID;

		// A bug: the device believes it may create customers (only admin and sales may).
		createCustomer({ ...clerk.context(), role: 'admin' }, { code: 'C1', name: 'Acme' });
		await waitFor(() => clerk.sync?.refusal('catalog') !== null, 'the refusal to reach the clerk');
		expect(clerk.sync?.refusal('catalog')).toMatchObject({ doc: 'catalog', reason: 'rights' });
		expect(clerk.sync?.refusal('catalog')?.detail).toMatch(/warehouse may not write customers/);

		// A legitimate rename afterwards is stuck behind the refused struct (same client id).
		updateItem(clerk.context(), item.id, { name: 'Hex bolt' });
		await waitFor(async () => (await metric(r.http, gapMetric)) >= 1, 'the gap refusal');
		const refusal = clerk.sync?.refusal('catalog');
		expect(refusal?.reason).toBe('rights');
		expect(refusal?.count).toBeGreaterThanOrEqual(2);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(names(admin.doc)).toEqual(['Bolt']);
		expect(readCustomers(admin.doc)).toEqual([]);
		expect(clerk.pending.countFor('catalog')).toBeGreaterThan(0);

		// Set aside: a copy of both changes, a fresh database, nothing pending for the doc.
		const oldDb = resolveDocDbName(kv, `${WS}-clerk`, 'catalog');
		const copy = clerk.setAsideRefused('catalog');
		expect(clerk.sync?.refusals()).toEqual([]);
		expect(clerk.pending.countFor('catalog')).toBe(0);
		expect(resolveDocDbName(kv, `${WS}-clerk`, 'catalog')).not.toBe(oldDb);
		const file = JSON.parse(copy.text) as Record<string, unknown>;
		expect(file).toMatchObject({
			format: SET_ASIDE_FORMAT,
			workspace: WS,
			doc: 'catalog',
			user: 'wang',
			refusal: { reason: 'rights' }
		});
		expect(copy.clients).toContain(oldClient);
		const held = new Y.Doc();
		Y.applyUpdate(held, Y.encodeStateAsUpdate(admin.doc));
		Y.applyUpdate(
			held,
			Uint8Array.from(atob(String(file.update)), (c) => c.charCodeAt(0))
		);
		expect(readCustomers(held).map((c) => c.code)).toEqual(['C1']);
		expect(readItems(held).map((i) => i.name)).toEqual(['Hex bolt']);

		// The app reloads: same storage, the doc reopens from the relay under a new client id.
		await clerk.close();
		const reopened = await device(r, 'clerk', 'warehouse', 'wang', kv);
		await waitFor(
			() => names(reopened.catalog).includes('Bolt'),
			'the relay to refill the catalog'
		);
		expect(reopened.catalog.clientID).not.toBe(oldClient);
		expect(readCustomers(reopened.catalog)).toEqual([]);
		updateItem(reopened.context(), item.id, { name: 'Hex bolt' });
		await waitFor(() => names(admin.doc).includes('Hex bolt'), 'the rename to reach the admin');
		await waitFor(() => reopened.pending.count === 0, 'the relay to confirm the rename');
		expect(reopened.sync?.refusals()).toEqual([]);
		expect(await metric(r.http, 'stockflow_refused_updates_total{reason="rights"}')).toBe(1);
	});
});

const gapMetric = 'stockflow_refused_updates_total{reason="gap"}';

describe('a gap alone', () => {
	it('is not shown: the sync step 2 after a reconnect carries the overtaken edit again', async () => {
		const r = await relay();
		// Another device name: the first test's clerk left its set-aside database behind.
		const clerk = await device(r, 'tablet', 'warehouse', 'wang');
		await waitFor(() => clerk.sync?.provider('catalog')?.synced === true, 'the catalog to sync');
		// An edit whose earlier clocks the relay has not seen yet (they are still on the way).
		const other = new Y.Doc();
		for (const code of ['A', 'B', 'C']) other.getMap('settings').set(code, code);
		const skipped = Y.encodeStateAsUpdate(
			other,
			Y.encodeStateVector(new Map([[other.clientID, 1]]))
		);
		clerk.sync?.provider('catalog')?.ws?.send(encodeUpdate(skipped));
		await waitFor(async () => (await metric(r.http, gapMetric)) === 1, 'the gap refusal');
		await waitFor(() => clerk.sync?.refusal('catalog') !== null, 'the refusal to arrive');
		expect(clerk.sync?.refusal('catalog')?.reason).toBe('gap');
		expect(clerk.sync?.refusals()).toEqual([]);
	});
});

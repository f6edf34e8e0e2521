// The protocol version on the websocket URL: an app the relay does not serve is closed with
// 4426 and a reason saying to update; a stock y-websocket client without the parameter (and
// our own app with it) syncs as before.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { memoryKeyValueStore } from '../../src/lib/storage/kv';
import { PendingTracker } from '../../src/lib/sync/pending-tracker';
import { CLOSE, PROTOCOL_PARAM, PROTOCOL_VERSION } from '../../src/lib/sync/protocol';
import { SyncClient } from '../../src/lib/sync/sync-client';
import { syncServerUrl } from '../../src/lib/sync/ws-url';
import {
	connectClient,
	openRaw,
	openRawOrThrow,
	waitFor,
	waitSynced,
	type Client
} from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;

describe('protocol version', () => {
	let dir: ReturnType<typeof tempDir>;
	let relay: TestRelay;
	beforeAll(async () => {
		dir = tempDir();
		relay = await startTestRelay({ dataDir: dir.path });
	});
	afterAll(async () => {
		await relay.close();
		dir.remove();
	});

	const url = async (version: string | null, tokenValue?: string): Promise<string> => {
		const params = new URLSearchParams({ token: tokenValue ?? (await token('acme', 'admin')) });
		if (version !== null) params.set(PROTOCOL_PARAM, version);
		return `${relay.ws}/sync/acme/catalog?${params.toString()}`;
	};

	it.each<[string, string, RegExp]>([
		['an older (unknown) version', '0', /please update the app/],
		['a garbage version', 'v2', /please update the app/],
		['a version newer than the relay', String(PROTOCOL_VERSION + 1), /please reload the app/]
	])('closes %s with 4426 and a reason to show', async (_label, version, reason) => {
		const before = await metric(relay.http, 'stockflow_outdated_clients_total');
		const socket = await openRawOrThrow(await url(version));
		const closed = await socket.closed;
		expect(closed.code).toBe(CLOSE.upgradeRequired);
		expect(closed.reason).toMatch(reason);
		// It never joined the room: no sync step 1 came before the close.
		expect(socket.received).toEqual([]);
		expect(await metric(relay.http, 'stockflow_outdated_clients_total')).toBe(before + 1);
	});

	it('tells an outdated app to update even when its token is no good', async () => {
		const socket = await openRawOrThrow(await url('0', 'not.a.jwt'));
		expect((await socket.closed).code).toBe(CLOSE.upgradeRequired);
	});

	it('still refuses a bad token of a current app with 401', async () => {
		expect(await openRaw(await url(String(PROTOCOL_VERSION), 'not.a.jwt'))).toEqual({
			kind: 'refused',
			status: 401
		});
	});

	it('a current app and a stock y-websocket client without the parameter sync with each other', async () => {
		const clients: Client[] = [];
		try {
			// connectClient is a stock WebsocketProvider: token only, no protocol parameter.
			const stock = connectClient(relay.ws, 'acme', 'catalog', await token('acme', 'admin'));
			clients.push(stock);
			const doc = new Y.Doc();
			const current = new WebsocketProvider(`${relay.ws}/sync/acme`, 'catalog', doc, {
				params: { token: await token('acme', 'admin'), [PROTOCOL_PARAM]: String(PROTOCOL_VERSION) },
				WebSocketPolyfill,
				disableBc: true
			});
			clients.push({
				doc,
				provider: current,
				destroy: () => {
					current.destroy();
					doc.destroy();
				}
			});
			await Promise.all(clients.map(waitSynced));
			stock.doc.getMap('items').set('a', 'from stock');
			doc.getMap('items').set('b', 'from app');
			await waitFor(
				() =>
					clients.every(
						(c) =>
							c.doc.getMap('items').get('a') === 'from stock' &&
							c.doc.getMap('items').get('b') === 'from app'
					),
				'both clients to see both changes'
			);
			// A raw socket without the parameter is served too (and answers message 100).
			const raw = await openRawOrThrow(await url(null));
			const relaySV = await raw.queryStateVector();
			expect(relaySV.get(stock.doc.clientID)).toBeGreaterThan(0);
			raw.ws.close();
		} finally {
			for (const c of clients) c.destroy();
		}
	});

	it('a stock provider with an unsupported version stops reconnecting and reports the close', async () => {
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(`${relay.ws}/sync/acme`, 'catalog', doc, {
			params: { token: await token('acme', 'admin'), [PROTOCOL_PARAM]: '0' },
			WebSocketPolyfill,
			disableBc: true,
			maxBackoffTime: 100
		});
		try {
			const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
				provider.on('closed', resolve)
			);
			expect(closed.code).toBe(CLOSE.upgradeRequired);
			expect(provider.shouldConnect).toBe(false);
		} finally {
			provider.destroy();
			doc.destroy();
		}
	});

	it("the app's sync client shows 'outdated' and stops reconnecting", async () => {
		let changes = 0;
		const sync = new SyncClient({
			serverUrl: syncServerUrl(relay.ws, 'acme'),
			token: await token('acme', 'admin'),
			pending: new PendingTracker(memoryKeyValueStore(), 'acme'),
			onChange: () => changes++,
			WebSocketPolyfill,
			protocolVersion: PROTOCOL_VERSION + 1
		});
		try {
			sync.addDoc('catalog', new Y.Doc());
			await waitFor(() => sync.status() === 'outdated', "the sync client to be 'outdated'");
			expect(sync.unauthorized).toBe(false);
			expect(changes).toBeGreaterThan(0);
			// A later reconnect (the browser coming back online) does not hammer the relay.
			const before = await metric(relay.http, 'stockflow_outdated_clients_total');
			sync.connect();
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(await metric(relay.http, 'stockflow_outdated_clients_total')).toBe(before);
			expect(sync.provider('catalog')?.wsconnected).toBe(false);
		} finally {
			sync.destroy();
		}
	});

	it("the app's sync client at this version syncs", async () => {
		const sync = new SyncClient({
			serverUrl: syncServerUrl(relay.ws, 'acme'),
			token: await token('acme', 'admin'),
			pending: new PendingTracker(memoryKeyValueStore(), 'acme'),
			onChange: () => {},
			WebSocketPolyfill
		});
		try {
			sync.addDoc('catalog', new Y.Doc());
			await waitFor(() => sync.status() === 'online', 'the sync client to be online');
		} finally {
			sync.destroy();
		}
	});
});

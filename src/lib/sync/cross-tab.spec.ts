import { afterEach, describe, expect, it } from 'vitest';
import * as bc from 'lib0/broadcastchannel';
import * as Y from 'yjs';
import { memoryKeyValueStore } from '../storage/kv';
import { PendingTracker } from './pending-tracker';
import { SyncClient } from './sync-client';

/** A socket that never opens: the relay is out of reach, only the tabs' channel carries changes. */
class UnreachableSocket {
	binaryType = 'arraybuffer';
	readyState = 0;
	onopen = null;
	onclose = null;
	onmessage = null;
	onerror = null;
	send(): void {}
	close(): void {}
}

let room = 0;
const cleanup: (() => void)[] = [];

afterEach(() => {
	while (cleanup.length) cleanup.pop()?.();
});

/** Two tabs of one browser: the same relay URL, so the same BroadcastChannel per doc. */
function tabs(): [SyncClient, SyncClient] {
	const serverUrl = `ws://relay.invalid/sync/cross-tab-${room++}`;
	const tab = (name: string): SyncClient => {
		const client = new SyncClient({
			serverUrl,
			token: 't',
			pending: new PendingTracker(memoryKeyValueStore(), name),
			onChange: () => {},
			WebSocketPolyfill: UnreachableSocket as unknown as typeof WebSocket
		});
		cleanup.push(() => client.destroy());
		return client;
	};
	return [tab('a'), tab('b')];
}

function doc(): Y.Doc {
	const d = new Y.Doc();
	cleanup.push(() => d.destroy());
	return d;
}

describe('cross-tab sync', () => {
	it('starts once both tabs joined, and then sends each what it lacks', async () => {
		const [a, b] = tabs();
		const docA = doc();
		const docB = doc();
		docA.getMap('m').set('a', 1);
		a.addDoc('catalog', docA);
		b.addDoc('catalog', docB);
		docB.getMap('m').set('b', 2);
		expect(docA.getMap('m').get('b')).toBeUndefined();
		await a.joinTabs();
		await b.joinTabs();
		expect(docA.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
		expect(docB.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
		docA.getMap('m').set('later', 3);
		expect(docB.getMap('m').get('later')).toBe(3);
	});

	it('joins a doc added after the join at once', async () => {
		const [a, b] = tabs();
		await a.joinTabs();
		await b.joinTabs();
		const docA = doc();
		const docB = doc();
		docA.getMap('m').set('a', 1);
		a.addDoc('ledger-2026-11', docA);
		b.addDoc('ledger-2026-11', docB);
		expect(docB.getMap('m').get('a')).toBe(1);
	});

	it('a tab joining alone posts its state vector, not its doc', async () => {
		const [a] = tabs();
		const docA = doc();
		const lines = docA.getArray<string>('lines');
		for (let i = 0; i < 2_000; i++) lines.push([`movement ${i} with a long enough note`]);
		const provider = a.addDoc('orders', docA);
		const posted: number[] = [];
		const listen = (data: ArrayBuffer) => posted.push(new Uint8Array(data).length);
		bc.subscribe(provider.bcChannel, listen);
		cleanup.push(() => bc.unsubscribe(provider.bcChannel, listen));
		await a.joinTabs();
		expect(Y.encodeStateAsUpdate(docA).length).toBeGreaterThan(50_000);
		// Step 1 (a state vector), the join request, the awareness query and state.
		expect(posted.length).toBe(4);
		expect(posted.reduce((s, n) => s + n, 0)).toBeLessThan(200);
	});

	it('three tabs with different offline changes all converge on join', async () => {
		const serverUrl = `ws://relay.invalid/sync/cross-tab-${room++}`;
		const clients = ['a', 'b', 'c'].map((name) => {
			const client = new SyncClient({
				serverUrl,
				token: 't',
				pending: new PendingTracker(memoryKeyValueStore(), name),
				onChange: () => {},
				WebSocketPolyfill: UnreachableSocket as unknown as typeof WebSocket
			});
			cleanup.push(() => client.destroy());
			return client;
		});
		const docs = clients.map((client, i) => {
			const d = doc();
			d.getMap('m').set(`tab${i}`, i);
			client.addDoc('counts', d);
			return d;
		});
		for (const client of clients) await client.joinTabs();
		for (const d of docs) expect(d.getMap('m').toJSON()).toEqual({ tab0: 0, tab1: 1, tab2: 2 });
	});
});

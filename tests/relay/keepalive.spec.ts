// Dead connections (no pong to the relay's pings) are terminated; live ones stay.

import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectClient, waitFor, waitSynced } from './fixtures/clients';
import { metric, startTestRelay, tempDir, token } from './fixtures/relay';
import { useCleanups } from './fixtures/cleanups';

describe('keepalive', () => {
	const { cleanups } = useCleanups();

	it('terminates a connection that stops answering pings and keeps a live one', async () => {
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		const relay = await startTestRelay({ dataDir: dir.path, pingIntervalMs: 100 });
		cleanups.push(() => relay.close());
		const live = connectClient(relay.ws, 'acme', 'catalog', await token('acme', 'viewer'));
		cleanups.push(() => live.destroy());
		await waitSynced(live);

		// A peer that vanished without closing: it never answers a ping.
		const dead = new WebSocket(
			`${relay.ws}/sync/acme/catalog?token=${await token('acme', 'viewer')}`,
			{
				autoPong: false
			}
		);
		const closed = new Promise<number>((resolve) => dead.on('close', (code) => resolve(code)));
		await new Promise((resolve) => dead.once('open', resolve));
		expect(await metric(relay.http, 'stockflow_connections')).toBe(2);

		expect(await closed).toBe(1006); // terminated, no close handshake
		await waitFor(
			async () => (await metric(relay.http, 'stockflow_connections')) === 1,
			'the relay to drop it'
		);
		expect(live.provider.wsconnected).toBe(true);
	});
});

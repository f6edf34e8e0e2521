// The deployment example of docs/SCALING.md, as far as one machine allows: two `stockflow start`
// processes with the example's environment (one Postgres, the same STOCKFLOW_SECRET, their own
// DATA_DIR) behind a test load balancer that routes like the example's HAProxy backend (hash of
// `/sync/<workspace>`, health checks on /healthz, sessions of a relay marked down cut). A device
// signs in through the balancer, writes, loses its relay to kill -9, lands on the other relay —
// which never saw the device — with the same credential, and nothing it was told is stored is
// lost or doubled; revoking it through the balancer then closes it.

import { describe, expect, it } from 'vitest';
import { useCleanups } from '../fixtures/cleanups';
import { connectClient, openRawOrThrow, waitFor, waitSynced } from '../fixtures/clients';
import { startHashBalancer } from '../fixtures/hash-balancer';
import { tempDir, token, TEST_SECRET } from '../fixtures/relay';
import { spawnRelay, type SpawnedRelay } from '../fixtures/spawn-relay';
import { occurrences, startWriter } from '../fixtures/writers';
import { usePostgres } from './postgres-cluster';

const { cleanups, track } = useCleanups();
const DOC = 'ledger-2026-12';

const cluster = usePostgres();

async function relayOn(url: string): Promise<SpawnedRelay> {
	const dir = tempDir();
	cleanups.push(() => dir.remove());
	const relay = await spawnRelay({
		DATA_DIR: dir.path,
		STOCKFLOW_SECRET: TEST_SECRET,
		STOCKFLOW_DATABASE_URL: url
	});
	cleanups.push(async () => void (await relay.kill('SIGKILL')));
	return relay;
}

async function post(origin: string, path: string, body: unknown, bearer: string): Promise<unknown> {
	const res = await fetch(`${origin}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
		body: JSON.stringify(body)
	});
	expect(res.status, `${path} answered ${res.status}`).toBe(200);
	return res.json();
}

describe('deployment example: two relays, one Postgres, a hashing load balancer', () => {
	it('a signed-in device survives the death of its relay and is revoked through any', async () => {
		const url = await cluster.server.createDatabase();
		const relays = [await relayOn(url), await relayOn(url)];
		const lb = await startHashBalancer(
			relays.map((r) => r.port),
			{ checkMs: 100 }
		);
		cleanups.push(() => lb.close());

		// The admin's script token (`stockflow token`), an invitation and its exchange, all
		// through the balancer: the device is known to whichever relay it reached.
		const admin = await token('acme', 'admin', { user: 'boss' });
		const invite = (await post(
			lb.http,
			'/api/invites',
			{ role: 'warehouse', user: 'wu' },
			admin
		)) as {
			token: string;
		};
		const signedIn = (await post(
			lb.http,
			'/api/session',
			{ token: invite.token, deviceName: 'iPad' },
			admin
		)) as {
			credential: string;
			session: { id: string };
		};

		// The company's docs all go to one relay while both are up.
		const ownerPort = lb.route(`/sync/acme/${DOC}`);
		const owner = relays.find((r) => r.port === ownerPort) as SpawnedRelay;
		const other = relays.find((r) => r !== owner) as SpawnedRelay;
		const device = track(startWriter(lb.ws, 'acme', DOC, signedIn.credential, 'ipad'));
		const colleague = track(
			startWriter(lb.ws, 'acme', 'catalog', await token('acme', 'warehouse'), 'pc')
		);
		await Promise.all([waitSynced(device.client), waitSynced(colleague.client)]);
		expect([lb.websockets(owner.port), lb.websockets(other.port)]).toEqual([2, 0]);

		device.start();
		await waitFor(() => device.acknowledged() >= 20, 'the owner to acknowledge 20 pushes');
		await owner.kill('SIGKILL');
		await waitFor(() => !lb.up(owner.port), 'the balancer to mark the dead relay down', 5000);
		// The other relay never saw this device; its credential works there all the same.
		const before = device.acknowledged();
		await waitFor(
			() => device.acknowledged() >= before + 20,
			'the other relay to acknowledge 20 more',
			20_000
		);
		expect(lb.websockets(other.port)).toBeGreaterThanOrEqual(1);
		device.stop();
		await device.allAcknowledged();

		const viewer = track(connectClient(lb.ws, 'acme', DOC, await token('acme', 'viewer')));
		await waitSynced(viewer);
		const view = occurrences(viewer.doc);
		expect([...view].filter(([, n]) => n > 1)).toEqual([]);
		expect(device.pushed.filter((value) => !view.has(value))).toEqual([]);

		// Revoked through the balancer: the device's connection is closed, wherever it is.
		const raw = await openRawOrThrow(
			`${lb.ws}/sync/acme/${DOC}?token=${encodeURIComponent(signedIn.credential)}`
		);
		expect(
			await post(lb.http, '/api/people/revoke', { device: signedIn.session.id }, admin)
		).toEqual({
			ended: 1
		});
		expect((await raw.closed).code).toBe(4403);
	}, 90_000);
});

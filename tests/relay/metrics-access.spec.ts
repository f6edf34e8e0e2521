// GET /metrics stays open by default; with a token it answers only the bearer of that token,
// and in loopback mode only requests from the machine itself (a request from another
// interface of this host stands in for a remote scraper).
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { metricsAccessFromEnv } from '../../sync-server/metrics-access';
import { startTestRelay, tempDir, type TestRelay } from './fixtures/relay';

const TOKEN = 'metrics-token-0123456789';

function externalAddress(): string | null {
	for (const list of Object.values(networkInterfaces())) {
		for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
	}
	return null;
}

describe('/metrics access', () => {
	const dirs: ReturnType<typeof tempDir>[] = [];
	const relays: TestRelay[] = [];
	afterAll(async () => {
		await Promise.all(relays.map((r) => r.close()));
		for (const d of dirs) d.remove();
	});
	async function relay(
		access: Parameters<typeof startTestRelay>[0]['metricsAccess'],
		host?: string
	) {
		const dir = tempDir();
		dirs.push(dir);
		const r = await startTestRelay({
			dataDir: dir.path,
			metricsAccess: access,
			...(host ? { host } : {})
		});
		relays.push(r);
		return r;
	}

	it('is open by default', async () => {
		const r = await relay(undefined);
		const res = await fetch(`${r.http}/metrics`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('stockflow_');
	});

	it('asks for the token when one is set', async () => {
		const r = await relay({ token: TOKEN });
		expect((await fetch(`${r.http}/metrics`)).status).toBe(401);
		const wrong = await fetch(`${r.http}/metrics`, {
			headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` }
		});
		expect(wrong.status).toBe(401);
		const right = await fetch(`${r.http}/metrics`, {
			headers: { authorization: `Bearer ${TOKEN}` }
		});
		expect(right.status).toBe(200);
		// Health stays open for load balancers.
		expect((await fetch(`${r.http}/healthz`)).status).toBe(200);
	});

	it('answers only the machine itself in loopback mode', async () => {
		const r = await relay({ loopbackOnly: true }, '0.0.0.0');
		expect((await fetch(`${r.http}/metrics`)).status).toBe(200);
		const external = externalAddress();
		if (external === null) return; // no other interface on this machine
		const port = new URL(r.http).port;
		expect((await fetch(`http://${external}:${port}/metrics`)).status).toBe(403);
		expect((await fetch(`http://${external}:${port}/healthz`)).status).toBe(200);
	});

	it('reads the environment and refuses bad values', () => {
		expect(metricsAccessFromEnv({})).toEqual({ loopbackOnly: false });
		expect(
			metricsAccessFromEnv({ STOCKFLOW_METRICS: 'loopback', STOCKFLOW_METRICS_TOKEN: TOKEN })
		).toEqual({
			token: TOKEN,
			loopbackOnly: true
		});
		expect(() => metricsAccessFromEnv({ STOCKFLOW_METRICS: 'public' })).toThrow(/open.*loopback/);
		expect(() => metricsAccessFromEnv({ STOCKFLOW_METRICS_TOKEN: 'short' })).toThrow(/16/);
		expect(metricsAccessFromEnv({ STOCKFLOW_METRICS_TOKEN: 'x'.repeat(16) }).token).toHaveLength(
			16
		);
	});
});

// GET /api/whoami lets a browser tell "my sign-in is no longer accepted" from "the relay is
// down": it cannot read the status of a refused websocket upgrade.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

describe('GET /api/whoami', () => {
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

	const whoami = (bearer: string | null) =>
		fetch(`${relay.http}/api/whoami`, {
			headers: bearer ? { authorization: `Bearer ${bearer}` } : {}
		});

	it('names the workspace, role and user of a valid token', async () => {
		const res = await whoami(await token('acme', 'warehouse', { user: 'wendy' }));
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ workspace: 'acme', role: 'warehouse', user: 'wendy' });
	});

	it('refuses a missing, forged or expired token with 401', async () => {
		expect((await whoami(null)).status).toBe(401);
		expect(
			(await whoami(await token('acme', 'sales', { secret: 'another-secret-xyz' }))).status
		).toBe(401);
		const expired = await token('acme', 'sales', { nowSeconds: 1_000_000, ttl: '1h' });
		expect((await whoami(expired)).status).toBe(401);
	});
});

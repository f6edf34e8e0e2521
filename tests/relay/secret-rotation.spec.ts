// Secret rotation with a grace period: after the secret changed, JWTs signed with the previous
// one are still accepted until the stated time and refused from that instant on; device
// credentials are unaffected; unrelated secrets never pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousSecretFromEnv } from '../../sync-server/secret-rotation';
import { startTestRelay, tempDir, token, TEST_SECRET, type TestRelay } from './fixtures/relay';

const OLD = 'old-secret-0123456789abcdef-old';
const HOUR_MS = 3_600_000;

describe('secret rotation', () => {
	let dir: ReturnType<typeof tempDir>;
	let relay: TestRelay;
	const startMs = Date.now();
	let nowMs = startMs;
	beforeAll(async () => {
		dir = tempDir();
		relay = await startTestRelay({
			dataDir: dir.path,
			previousSecret: { secret: OLD, untilMs: startMs + HOUR_MS },
			nowMs: () => nowMs
		});
	});
	afterAll(async () => {
		await relay.close();
		dir.remove();
	});

	const whoami = (bearer: string) =>
		fetch(`${relay.http}/api/whoami`, { headers: { authorization: `Bearer ${bearer}` } });

	it('accepts the previous secret until the end of the grace period, not after', async () => {
		const oldToken = await token('acme', 'sales', { secret: OLD, ttl: '30d' });
		const newToken = await token('acme', 'sales', { secret: TEST_SECRET, ttl: '30d' });
		const stranger = await token('acme', 'sales', { secret: 'some-other-secret-0123456789' });
		// A device signed in with the old secret's link before the rotation ends.
		const signIn = await fetch(`${relay.http}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ token: oldToken, deviceName: 'iPad' })
		});
		expect(signIn.status).toBe(200);
		const { credential } = (await signIn.json()) as { credential: string };

		expect((await whoami(oldToken)).status).toBe(200);
		expect((await whoami(newToken)).status).toBe(200);
		expect((await whoami(stranger)).status).toBe(401);

		nowMs = startMs + HOUR_MS - 1;
		expect((await whoami(oldToken)).status).toBe(200);
		nowMs = startMs + HOUR_MS;
		expect((await whoami(oldToken)).status).toBe(401);
		expect((await whoami(newToken)).status).toBe(200);
		// The device's credential does not depend on the secret.
		expect((await whoami(credential)).status).toBe(200);
	});

	it('reads the environment, both variables or neither', () => {
		expect(previousSecretFromEnv({})).toBeNull();
		expect(
			previousSecretFromEnv({
				STOCKFLOW_SECRET_PREVIOUS: OLD,
				STOCKFLOW_SECRET_PREVIOUS_UNTIL: '2026-12-14T00:00:00Z'
			})
		).toEqual({ secret: OLD, untilMs: Date.parse('2026-12-14T00:00:00Z') });
		expect(() => previousSecretFromEnv({ STOCKFLOW_SECRET_PREVIOUS: OLD })).toThrow(/together/);
		expect(() =>
			previousSecretFromEnv({
				STOCKFLOW_SECRET_PREVIOUS: OLD,
				STOCKFLOW_SECRET_PREVIOUS_UNTIL: 'next week'
			})
		).toThrow(/date-time/);
	});
});

// A device renames itself with its own credential (POST /api/session/name): the admin's list
// shows the new name; a bad name, a plain JWT and a revoked device are refused and change
// nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

describe('device names', () => {
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

	const post = (path: string, body: unknown, bearer?: string) =>
		fetch(`${relay.http}${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(bearer ? { authorization: `Bearer ${bearer}` } : {})
			},
			body: JSON.stringify(body)
		});

	async function names(): Promise<string[]> {
		const res = await fetch(`${relay.http}/api/people`, {
			headers: { authorization: `Bearer ${await token('acme', 'admin', { user: 'boss' })}` }
		});
		const body = (await res.json()) as { people: { devices: { name: string }[] }[] };
		return body.people.flatMap((p) => p.devices.map((d) => d.name));
	}

	it('renames the calling device and nothing else', async () => {
		const signIn = await post('/api/session', {
			token: await token('acme', 'warehouse', { user: 'wendy' }),
			deviceName: 'iPad · 倉管'
		});
		const { credential, session } = (await signIn.json()) as {
			credential: string;
			session: { id: string };
		};
		expect(await names()).toEqual(['iPad · 倉管']);

		const renamed = await post('/api/session/name', { deviceName: ' 收貨區 iPad ' }, credential);
		expect(renamed.status).toBe(200);
		expect(await names()).toEqual(['收貨區 iPad']);

		// Refused, nothing changed: a control character, too long, a JWT, no credential.
		expect((await post('/api/session/name', { deviceName: 'a\u0000b' }, credential)).status).toBe(
			400
		);
		expect(
			(await post('/api/session/name', { deviceName: 'x'.repeat(61) }, credential)).status
		).toBe(400);
		expect(
			(await post('/api/session/name', { deviceName: 'x'.repeat(60) }, credential)).status
		).toBe(200);
		expect(
			(await post('/api/session/name', { deviceName: 'JWT' }, await token('acme', 'warehouse')))
				.status
		).toBe(400);
		expect((await post('/api/session/name', { deviceName: 'none' })).status).toBe(401);
		expect(await names()).toEqual(['x'.repeat(60)]);

		// A revoked device cannot rename itself.
		await post(
			'/api/people/revoke',
			{ device: session.id },
			await token('acme', 'admin', { user: 'boss' })
		);
		expect((await post('/api/session/name', { deviceName: 'ghost' }, credential)).status).toBe(401);
		expect(await names()).toEqual(['x'.repeat(60)]);
	});
});

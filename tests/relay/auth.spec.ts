// Who may connect: tokens, workspaces, document names; and admins inviting users.

import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyToken } from '../../sync-server/auth';
import { connectClient, openRaw, waitFor, waitSynced } from './fixtures/clients';
import {
	metric,
	startTestRelay,
	tempDir,
	token,
	TEST_SECRET,
	type TestRelay
} from './fixtures/relay';

describe('connection refusals', () => {
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

	const unknownRoleToken = (): Promise<string> =>
		new SignJWT({ workspace: 'acme', role: 'janitor' })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject('joe')
			.setExpirationTime('1h')
			.sign(new TextEncoder().encode(TEST_SECRET));

	const cases: [string, () => Promise<string>, number][] = [
		['no token', async () => '/sync/acme/catalog', 401],
		[
			'a token signed with another secret',
			async () =>
				`/sync/acme/catalog?token=${await token('acme', 'admin', { secret: 'another-secret' })}`,
			401
		],
		['a garbage token', async () => '/sync/acme/catalog?token=not.a.jwt', 401],
		[
			'an expired token',
			async () =>
				`/sync/acme/catalog?token=${await token('acme', 'admin', { ttl: '1m', nowSeconds: Math.floor(Date.now() / 1000) - 3600 })}`,
			401
		],
		[
			'a token for another workspace',
			async () => `/sync/acme/catalog?token=${await token('globex', 'admin')}`,
			403
		],
		[
			'a token with an unknown role',
			async () => `/sync/acme/catalog?token=${await unknownRoleToken()}`,
			403
		],
		[
			'an unknown document name',
			async () => `/sync/acme/secrets?token=${await token('acme', 'admin')}`,
			403
		],
		[
			'a malformed ledger month',
			async () => `/sync/acme/ledger-2026-13?token=${await token('acme', 'admin')}`,
			403
		],
		[
			'an invalid workspace name',
			async () => `/sync/ACME/catalog?token=${await token('acme', 'admin')}`,
			403
		],
		[
			'a path outside /sync/',
			async () => `/other/acme/catalog?token=${await token('acme', 'admin')}`,
			404
		]
	];

	it.each(cases)('refuses %s', async (_label, path, status) => {
		const before = await metric(relay.http, 'stockflow_refused_connections_total');
		const outcome = await openRaw(`${relay.ws}${await path()}`);
		expect(outcome).toEqual({ kind: 'refused', status });
		expect(await metric(relay.http, 'stockflow_refused_connections_total')).toBe(before + 1);
	});

	it('still serves a valid client after all those refusals', async () => {
		const c = connectClient(relay.ws, 'acme', 'catalog', await token('acme', 'viewer'));
		await waitSynced(c);
		expect(c.provider.synced).toBe(true);
		c.destroy();
	});
});

describe('POST /api/token', () => {
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

	const post = (bearer: string | null, body: unknown) =>
		fetch(`${relay.http}/api/token`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(bearer ? { authorization: `Bearer ${bearer}` } : {})
			},
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});

	it('lets an admin invite a warehouse user with a working sign-in link', async () => {
		const res = await post(await token('acme', 'admin'), {
			role: 'warehouse',
			user: 'wendy',
			ttl: '8h'
		});
		expect(res.status).toBe(200);
		const body = (await res.json()) as { token: string; link: string };
		const claims = await verifyToken(TEST_SECRET, body.token);
		expect(claims).toMatchObject({ workspace: 'acme', role: 'warehouse', sub: 'wendy' });
		expect(claims.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(8 * 3600);
		expect(body.link).toBe(`${relay.http}/signin?token=${body.token}`);
		const c = connectClient(relay.ws, 'acme', 'ledger-2026-11', body.token);
		await waitFor(() => c.provider.synced, 'the invited user to connect');
		c.destroy();
	});

	it.each([
		['no bearer token', null, { role: 'sales' }, 401],
		['a bad bearer token', 'nope', { role: 'sales' }, 401]
	] as const)('refuses %s with 401', async (_label, bearer, body, status) => {
		const res = await post(bearer, body);
		expect(res.status).toBe(status);
		expect(await res.json()).toHaveProperty('error');
	});

	it('refuses a non-admin with 403', async () => {
		const res = await post(await token('acme', 'warehouse'), { role: 'admin' });
		expect(res.status).toBe(403);
		expect(await res.json()).toHaveProperty('error');
	});

	it.each([
		['an unknown role', { role: 'janitor' }],
		['a bad ttl', { role: 'sales', ttl: 'forever' }],
		['a body that is not JSON', '{role:'],
		['a missing role', { user: 'x' }]
	])('refuses %s with 400', async (_label, body) => {
		const res = await post(await token('acme', 'admin'), body);
		expect(res.status).toBe(400);
		expect(await res.json()).toHaveProperty('error');
	});
});

// What every session store (sync-server/sessions/store.ts) must do, with known answers: SQLite
// (sessions-sqlite.spec.ts) and Postgres (postgres-sessions.spec.ts) run the same cases.

import { afterEach, describe, expect, it } from 'vitest';
import { revocationKey, type SessionStore } from '../../../sync-server/sessions/store';

export interface SessionHarness {
	readonly store: SessionStore;
	cleanup(): Promise<void>;
}

const T0 = 1_780_000_000_000;

function newSession(id: string, user: string, role: 'admin' | 'sales' | 'warehouse', at: number) {
	return {
		id,
		workspace: 'acme',
		user,
		role,
		deviceName: `${user}'s tablet`,
		secretHash: `hash-${id}`,
		appVersion: '0.1.0',
		nowMs: at,
		credentialExpiresAtMs: at + 60_000
	} as const;
}

export function describeSessionStoreContract(
	name: string,
	open: () => Promise<SessionHarness>
): void {
	describe(`session store contract: ${name}`, () => {
		let harness: SessionHarness | null = null;
		afterEach(async () => {
			await harness?.cleanup();
			harness = null;
		});
		async function store(): Promise<SessionStore> {
			harness = await open();
			return harness.store;
		}

		it('uses a sign-in link once, and not at or after its expiry', async () => {
			const s = await store();
			const link = { workspace: 'acme', user: 'wu', role: 'warehouse', createdAtMs: T0 } as const;
			await s.recordLink({ ...link, id: 'link-a', expiresAtMs: T0 + 1000 });
			await s.recordLink({ ...link, id: 'link-b', expiresAtMs: T0 + 1000 });
			expect(await s.useLink('link-a', T0 + 999)).toBe('ok');
			expect(await s.useLink('link-a', T0 + 999)).toBe('used');
			expect(await s.useLink('link-b', T0 + 1000)).toBe('expired');
			expect(await s.useLink('nope', T0)).toBe('unknown');
			expect(await s.link('link-a')).toEqual({
				...link,
				id: 'link-a',
				expiresAtMs: T0 + 1000,
				usedAtMs: T0 + 999
			});
			expect(await s.link('link-b')).toMatchObject({ usedAtMs: null });
			expect(await s.link('nope')).toBeNull();
		});

		it('creates, touches, renames and lists device sessions, newest first', async () => {
			const s = await store();
			const created = await s.createSession(newSession('s1', 'wu', 'warehouse', T0));
			expect(created).toEqual({
				id: 's1',
				workspace: 'acme',
				user: 'wu',
				role: 'warehouse',
				deviceName: "wu's tablet",
				createdAtMs: T0,
				lastSeenAtMs: T0,
				credentialExpiresAtMs: T0 + 60_000,
				appVersion: '0.1.0',
				endedAtMs: null,
				endReason: null
			});
			await s.createSession(newSession('s2', 'sue', 'sales', T0 + 5));
			await s.touch('s1', T0 + 10, { appVersion: '0.2.0', expiresAtMs: T0 + 90_000 });
			await s.touch('s1', T0 + 20);
			expect(await s.renameSession('s1', '收貨區 iPad')).toBe(true);
			expect(await s.renameSession('nope', 'x')).toBe(false);
			expect(await s.session('s1')).toMatchObject({
				secretHash: 'hash-s1',
				deviceName: '收貨區 iPad',
				lastSeenAtMs: T0 + 20,
				appVersion: '0.2.0',
				credentialExpiresAtMs: T0 + 90_000
			});
			expect(await s.session('nope')).toBeNull();
			expect((await s.list('acme')).map((d) => d.id)).toEqual(['s2', 's1']);
			expect(await s.list('other')).toEqual([]);
		});

		it('ends sessions one by one or per user, and reports ends and revocations in batches', async () => {
			const s = await store();
			await s.createSession(newSession('a1', 'boss', 'admin', T0));
			await s.createSession(newSession('w1', 'wu', 'warehouse', T0));
			await s.createSession(newSession('w2', 'wu', 'warehouse', T0));
			await s.createSession(newSession('w3', 'wu', 'warehouse', T0));
			expect(await s.hasActiveAdmin('acme')).toBe(true);
			expect(await s.endSession('w1', 'signed-out', T0 + 1)).toBe(true);
			expect(await s.endSession('w1', 'revoked', T0 + 2)).toBe(false);
			// The open two end; the signed-out one keeps its reason.
			expect(await s.revokeUser('acme', 'wu', 'revoked', T0 + 3)).toBe(2);
			expect(await s.userRevokedAtMs('acme', 'wu')).toBe(T0 + 3);
			expect(await s.userRevokedAtMs('acme', 'boss')).toBeNull();
			expect(await s.sessionEnds(['a1', 'w1', 'w2', 'gone'])).toEqual(
				new Map([
					['a1', null],
					['w1', 'signed-out'],
					['w2', 'revoked']
				])
			);
			expect(await s.sessionEnds([])).toEqual(new Map());
			// A second revocation moves the time; other workspaces are not read.
			expect(await s.revokeUser('acme', 'wu', 'role-changed', T0 + 9)).toBe(0);
			await s.revokeUser('other', 'wu', 'revoked', T0 + 4);
			expect(await s.revocations(['acme'])).toEqual(
				new Map([[revocationKey('acme', 'wu'), T0 + 9]])
			);
			expect(await s.endSession('a1', 'revoked', T0 + 10)).toBe(true);
			expect(await s.hasActiveAdmin('acme')).toBe(false);
		});

		it('keeps a workspace profile, each field changed on its own', async () => {
			const s = await store();
			expect(await s.profile('acme')).toEqual({
				workspace: 'acme',
				name: null,
				setupDoneAtMs: null
			});
			await s.updateProfile('acme', { name: '大同五金' });
			await s.updateProfile('acme', { setupDoneAtMs: T0 });
			expect(await s.profile('acme')).toEqual({
				workspace: 'acme',
				name: '大同五金',
				setupDoneAtMs: T0
			});
			await s.updateProfile('acme', { name: '大同五金行' });
			expect(await s.profile('acme')).toEqual({
				workspace: 'acme',
				name: '大同五金行',
				setupDoneAtMs: T0
			});
			expect(await s.profile('other')).toMatchObject({ name: null });
		});

		it('keeps the people trail per workspace, newest first, the same time in insertion order', async () => {
			const s = await store();
			const change = {
				workspace: 'acme',
				by: 'boss',
				newRole: null,
				device: null
			} as const;
			await s.recordPeopleChange({
				...change,
				atMs: T0,
				user: 'ray',
				action: 'role',
				oldRole: 'sales',
				newRole: 'purchasing'
			});
			await s.recordPeopleChange({
				...change,
				atMs: T0 + 5,
				user: 'sue',
				action: 'revoke',
				oldRole: null
			});
			await s.recordPeopleChange({
				...change,
				atMs: T0 + 5,
				user: 'wu',
				action: 'revoke-device',
				oldRole: 'warehouse',
				device: 'dev-1'
			});
			await s.recordPeopleChange({
				...change,
				workspace: 'other',
				atMs: T0 + 9,
				user: 'x',
				action: 'revoke',
				oldRole: null
			});
			const trail = await s.peopleChanges('acme');
			expect(trail.map((c) => `${c.user} ${c.action}`)).toEqual([
				'wu revoke-device',
				'sue revoke',
				'ray role'
			]);
			expect(trail[2]).toEqual({
				workspace: 'acme',
				atMs: T0,
				by: 'boss',
				user: 'ray',
				action: 'role',
				oldRole: 'sales',
				newRole: 'purchasing',
				device: null
			});
			expect(trail[0]).toMatchObject({ oldRole: 'warehouse', device: 'dev-1' });
			expect(await s.peopleChanges('nobody')).toEqual([]);
		});
	});
}

// The relay's admin endpoints for people and devices (GET /api/people, POST /api/invites,
// /api/people/revoke, /api/people/role, /api/people/changes) and the company profile (/api/workspace), with every
// response parsed before use.

import { z } from 'zod';
import { ROLES, type Role } from '../domain/auth/roles';

const Device = z.object({
	id: z.string(),
	name: z.string(),
	role: z.enum(ROLES),
	status: z.enum(['active', 'signed-out', 'revoked', 'role-changed']),
	signedInAtMs: z.number(),
	lastSeenAtMs: z.number(),
	appVersion: z.string().nullable()
});
const Person = z.object({
	user: z.string(),
	role: z.enum(ROLES),
	activeDevices: z.number(),
	lastSeenAtMs: z.number(),
	devices: z.array(Device)
});
const PeopleResponse = z.object({ people: z.array(Person) });
const Invite = z.object({ token: z.string(), link: z.string(), expiresAtMs: z.number() });
const Ended = z.object({ ended: z.number() });
const RoleResponse = z.object({ ended: z.number(), invite: Invite });
const PeopleChange = z.object({
	atMs: z.number(),
	by: z.string(),
	user: z.string(),
	action: z.enum(['role', 'revoke', 'revoke-device']),
	oldRole: z.enum(ROLES).nullable(),
	newRole: z.enum(ROLES).nullable(),
	device: z.string().nullable(),
	/** The revoked device's name at sign-in, when the relay still has its session. */
	deviceName: z.string().nullable().optional()
});
const ChangesResponse = z.object({ changes: z.array(PeopleChange) });
const Profile = z.object({
	workspace: z.string(),
	name: z.string().nullable(),
	setupDoneAtMs: z.number().nullable()
});

export type PersonView = z.infer<typeof Person>;
/** A role change or revocation an admin made (GET /api/people/changes), newest first. */
export type PeopleChangeView = z.infer<typeof PeopleChange>;
export type DeviceView = z.infer<typeof Device>;
export type InviteLink = z.infer<typeof Invite>;
export type WorkspaceProfile = z.infer<typeof Profile>;

/** The relay refused or could not be reached; pages show a translated message. */
export class PeopleApiError extends Error {
	constructor(readonly status: number | null) {
		super(status === null ? 'relay unreachable' : `relay answered ${status}`);
		this.name = 'PeopleApiError';
	}
}

export interface PeopleApi {
	list(): Promise<PersonView[]>;
	invite(role: Role): Promise<InviteLink>;
	revokeUser(user: string): Promise<number>;
	revokeDevice(device: string): Promise<number>;
	changeRole(user: string, role: Role): Promise<{ ended: number; invite: InviteLink }>;
	/** Who changed whose role or revoked whom (admins). */
	changes(): Promise<PeopleChangeView[]>;
	/** The company profile (GET /api/workspace; any signed-in user). */
	profile(): Promise<WorkspaceProfile>;
	/** Names the company and/or marks the first-run setup done (admins). */
	updateProfile(update: { name?: string; setupDone?: true }): Promise<WorkspaceProfile>;
}

export function peopleApi(options: {
	origin: string;
	token: string;
	fetchFn?: typeof fetch;
}): PeopleApi {
	const fetchFn = options.fetchFn ?? ((...args) => fetch(...args));
	async function call<T>(schema: z.ZodType<T>, path: string, body?: unknown): Promise<T> {
		let res: Response;
		try {
			res = await fetchFn(`${options.origin}${path}`, {
				method: body === undefined ? 'GET' : 'POST',
				headers: {
					authorization: `Bearer ${options.token}`,
					...(body === undefined ? {} : { 'content-type': 'application/json' })
				},
				...(body === undefined ? {} : { body: JSON.stringify(body) }),
				cache: 'no-store'
			});
		} catch {
			throw new PeopleApiError(null);
		}
		if (!res.ok) throw new PeopleApiError(res.status);
		const parsed = schema.safeParse(await res.json().catch(() => null));
		if (!parsed.success) throw new PeopleApiError(res.status);
		return parsed.data;
	}
	return {
		list: async () => (await call(PeopleResponse, '/api/people')).people,
		invite: (role) => call(Invite, '/api/invites', { role }),
		revokeUser: async (user) => (await call(Ended, '/api/people/revoke', { user })).ended,
		revokeDevice: async (device) => (await call(Ended, '/api/people/revoke', { device })).ended,
		changeRole: (user, role) => call(RoleResponse, '/api/people/role', { user, role }),
		changes: async () => (await call(ChangesResponse, '/api/people/changes')).changes,
		profile: () => call(Profile, '/api/workspace'),
		updateProfile: (update) => call(Profile, '/api/workspace', update)
	};
}

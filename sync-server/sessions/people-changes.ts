// Who changed whose access, and when: each role change and revocation an admin makes through
// the People page (or `stockflow revoke`), kept append-only beside the sessions in both store
// backends (table `people_changes` in SQLite, `stockflow_people_changes` in Postgres). Roles are
// a property of device sessions, not of a document, so their trail lives here, not in the
// catalog's audit log; GET /api/people/changes serves it to admins (the app's audit page).

import { z } from 'zod';
import { ROLES, isRole, type Role } from '../../src/lib/domain/auth/roles';
import { peopleOf } from './people';
import type { SessionStore } from './store';

export const PEOPLE_ACTIONS = ['role', 'revoke', 'revoke-device'] as const;
export type PeopleAction = (typeof PEOPLE_ACTIONS)[number];

export interface PeopleChange {
	readonly workspace: string;
	readonly atMs: number;
	/** The admin who made the change (the token's user; `cli` for the command line). */
	readonly by: string;
	/** The person whose access changed. */
	readonly user: string;
	readonly action: PeopleAction;
	/** The role the person had (their newest device's), when known. */
	readonly oldRole: Role | null;
	/** The role given (`role` only). */
	readonly newRole: Role | null;
	/** The device revoked (`revoke-device` only). */
	readonly device: string | null;
}

/** A row of either backend (Postgres returns BIGINT columns as strings). */
export interface PeopleChangeRow {
	workspace: string;
	at: number | string;
	by_user: string;
	user: string;
	action: string;
	old_role: string | null;
	new_role: string | null;
	device: string | null;
}

const roleOrNull = (raw: string | null): Role | null => (raw !== null && isRole(raw) ? raw : null);

export function toPeopleChange(row: PeopleChangeRow): PeopleChange {
	const action = PEOPLE_ACTIONS.find((a) => a === row.action);
	if (!action) throw new Error(`stored people change "${row.action}" is unknown`);
	return {
		workspace: row.workspace,
		atMs: Number(row.at),
		by: row.by_user,
		user: row.user,
		action,
		oldRole: roleOrNull(row.old_role),
		newRole: roleOrNull(row.new_role),
		device: row.device
	};
}

/** The wire form of GET /api/people/changes (also parsed by the app: sync/people-api.ts). */
export const peopleChangeSchema = z.object({
	atMs: z.number(),
	by: z.string(),
	user: z.string(),
	action: z.enum(PEOPLE_ACTIONS),
	oldRole: z.enum(ROLES).nullable(),
	newRole: z.enum(ROLES).nullable(),
	device: z.string().nullable()
});

/** The role a person has now (their newest active device's, else newest device's), or null. */
export async function currentRole(
	sessions: Pick<SessionStore, 'list'>,
	workspace: string,
	user: string
): Promise<Role | null> {
	return peopleOf(await sessions.list(workspace)).find((p) => p.user === user)?.role ?? null;
}

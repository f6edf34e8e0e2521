// Rows of the session tables as both backends return them, and their mapping to the store's
// records (Postgres returns BIGINT columns as strings).

import { ROLES, isRole, type Role } from '../../src/lib/domain/auth/roles';
import type { DeviceSession, SignInLinkRecord, StoredDeviceSession } from './store';

export const END_REASONS = ['signed-out', 'revoked', 'role-changed'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** A row of either backend (Postgres returns BIGINT columns as strings). */
export interface SessionRow {
	id: string;
	workspace: string;
	user: string;
	role: string;
	device_name: string;
	secret_hash: string;
	created_at: number | string;
	last_seen_at: number | string;
	credential_expires_at: number | string;
	app_version: string | null;
	ended_at: number | string | null;
	end_reason: string | null;
}

export interface LinkRow {
	id: string;
	workspace: string;
	user: string;
	role: string;
	created_at: number | string;
	expires_at: number | string;
	used_at: number | string | null;
}

export function roleOf(raw: string): Role {
	if (isRole(raw)) return raw;
	throw new Error(`stored role "${raw}" is not one of ${ROLES.join(', ')}`);
}

export function endReasonOf(raw: string | null): EndReason | null {
	if (raw === null) return null;
	const reason = END_REASONS.find((r) => r === raw);
	if (!reason) throw new Error(`stored end reason "${raw}" is unknown`);
	return reason;
}

const msOrNull = (value: number | string | null): number | null =>
	value === null ? null : Number(value);

export function toSession(row: SessionRow): DeviceSession {
	return {
		id: row.id,
		workspace: row.workspace,
		user: row.user,
		role: roleOf(row.role),
		deviceName: row.device_name,
		createdAtMs: Number(row.created_at),
		lastSeenAtMs: Number(row.last_seen_at),
		credentialExpiresAtMs: Number(row.credential_expires_at),
		appVersion: row.app_version,
		endedAtMs: msOrNull(row.ended_at),
		endReason: endReasonOf(row.end_reason)
	};
}

export function toStoredSession(row: SessionRow): StoredDeviceSession {
	return { ...toSession(row), secretHash: row.secret_hash };
}

export function toLink(row: LinkRow): SignInLinkRecord & { usedAtMs: number | null } {
	return {
		id: row.id,
		workspace: row.workspace,
		user: row.user,
		role: roleOf(row.role),
		createdAtMs: Number(row.created_at),
		expiresAtMs: Number(row.expires_at),
		usedAtMs: msOrNull(row.used_at)
	};
}

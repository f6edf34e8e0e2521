// Who is online: awareness states parsed (peers are untrusted) into the list the UI shows.

import { z } from 'zod';
import { ROLES, type Role } from '../domain/auth/roles';

export interface Peer {
	clientId: number;
	user: string;
	role: Role;
	department: string;
	page: string;
	color: string;
	/** The device's clock id (movements and events carry it) and its name ('' = unknown). */
	device: string;
	deviceName: string;
	/** The relay's clock minus the device's, as the device last measured it (null: not reported). */
	clockOffsetMs?: number | null;
	self: boolean;
}

export interface LocalPresence {
	user: string;
	role: Role;
	department: string;
	page: string;
	color: string;
	device: string;
	deviceName: string;
	clockOffsetMs: number | null;
}

const presenceSchema = z.object({
	user: z.string().min(1).max(128),
	role: z.enum(ROLES),
	department: z.string().max(40).default(''),
	page: z.string().max(200).default(''),
	device: z.string().max(64).default(''),
	deviceName: z.string().max(80).default(''),
	clockOffsetMs: z.number().finite().nullable().default(null),
	color: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/)
		.default('#888888')
});

const PALETTE = [
	'#2563eb',
	'#16a34a',
	'#d97706',
	'#dc2626',
	'#7c3aed',
	'#0891b2',
	'#db2777',
	'#4d7c0f'
];

/** A stable colour per user, so the same person looks the same on every screen. */
export function colorOf(user: string): string {
	let h = 0;
	for (let i = 0; i < user.length; i++) h = (Math.imul(h, 31) + user.charCodeAt(i)) >>> 0;
	return PALETTE[h % PALETTE.length] ?? '#888888';
}

/** One entry per user+client, self first, then by user. */
export function peersFromAwareness(
	states: ReadonlyMap<number, unknown>,
	selfClientId: number
): Peer[] {
	const seen = new Set<string>();
	const peers: Peer[] = [];
	for (const [clientId, state] of states) {
		const parsed = presenceSchema.safeParse(state);
		if (!parsed.success) continue;
		const key = `${parsed.data.user}\u0000${clientId}`;
		if (seen.has(key)) continue;
		seen.add(key);
		peers.push({ clientId, ...parsed.data, self: clientId === selfClientId });
	}
	return peers.sort((a, b) =>
		a.self !== b.self ? (a.self ? -1 : 1) : a.user.localeCompare(b.user)
	);
}

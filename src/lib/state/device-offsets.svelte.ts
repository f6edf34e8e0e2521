// How far each device's clock is off the relay's, as it reported in presence (awareness), with
// when it was seen: remembered across reloads so the admin's clock page can name the device
// behind an entry stamped far from the relay's time even when that device is offline now.

import type { Peer } from '../sync/presence-peers';

const OFFSETS_KEY = 'stockflow.deviceOffsets';

export interface DeviceOffset {
	/** Relay clock minus the device's, ms, as reported (positive: the device is behind). */
	offsetMs: number;
}

function load(): Record<string, DeviceOffset> {
	try {
		const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(OFFSETS_KEY) ?? '{}');
		if (typeof raw !== 'object' || raw === null) return {};
		const out: Record<string, DeviceOffset> = {};
		for (const [device, value] of Object.entries(raw)) {
			const offsetMs: unknown = (value as { offsetMs?: unknown } | null)?.offsetMs;
			if (typeof offsetMs === 'number' && Number.isFinite(offsetMs)) out[device] = { offsetMs };
		}
		return out;
	} catch {
		return {};
	}
}

export const deviceOffsets: { byId: Record<string, DeviceOffset> } = $state({ byId: load() });
/** A plain copy to compare against (presence refreshes inside effects; see presence.svelte.ts). */
let known: Record<string, DeviceOffset> = { ...deviceOffsets.byId };

export function rememberOffsets(peers: readonly Peer[]): void {
	const fresh = peers.filter(
		(p) =>
			p.device &&
			typeof p.clockOffsetMs === 'number' &&
			known[p.device]?.offsetMs !== p.clockOffsetMs
	);
	if (fresh.length === 0) return;
	const next = { ...known };
	for (const p of fresh) next[p.device] = { offsetMs: p.clockOffsetMs ?? 0 };
	known = next;
	deviceOffsets.byId = next;
	try {
		globalThis.localStorage?.setItem(OFFSETS_KEY, JSON.stringify(next));
	} catch {
		// Storage full or unavailable: the offsets stay for this visit.
	}
}

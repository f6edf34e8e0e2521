// Test fixture of the far-stamp specs: one set of docs whose devices all see the relay's time
// as `RELAY_NOW`, each with its own clock (a tablet hours ahead, a desk on time), an admin on
// time and the item they move. A device's clock adopts a stamp it receives only within
// FLAG_AHEAD_MS of its own time, as the browser's does (state/device-time.ts).

import type { Role } from '../domain/auth/roles';
import { createHlc } from '../domain/clock/hlc';
import { FLAG_AHEAD_MS } from '../domain/clock/stamp-trust';
import { createItem } from './catalog';
import type { CommandContext } from './context';
import { createCommandContext } from './create-context';
import { workspaceDocsInMemory } from './memory-docs';

export const RELAY_NOW = Date.UTC(2026, 11, 7, 9);

export function relayTimeShop() {
	const docs = workspaceDocsInMemory();
	/** A device named `device` whose own clock reads `clockMs`; the relay says RELAY_NOW. */
	const at = (device: string, role: Role, clockMs: number): CommandContext => ({
		...createCommandContext({ docs, device, user: device, role, nowMs: () => clockMs }),
		clock: createHlc(device, () => clockMs, { maxAheadMs: FLAG_AHEAD_MS }),
		timeMs: () => RELAY_NOW
	});
	const admin = at('desk', 'admin', RELAY_NOW);
	const item = createItem(admin, { code: 'TEA', name: 'tea', unit: 'pcs' });
	return { docs, at, admin, item };
}

// The company name of the signed-in workspace, as the first admin named it (relay profile,
// GET /api/workspace). Remembered on the device so the header shows it offline too.

import { browserKeyValueStore, type KeyValueStore } from '../storage/kv';
import { peopleApi, type WorkspaceProfile } from '../sync/people-api';
import type { Session } from './jwt-claims';

const keyOf = (workspace: string): string => `stockflow.company.${workspace}`;

export const company: { name: string | null } = $state({ name: null });

/** The name remembered for this workspace (null when never loaded), made current. */
export function recallCompany(workspace: string, kv: KeyValueStore = browserKeyValueStore()) {
	company.name = kv.get(keyOf(workspace));
	return company.name;
}

/** A profile the relay answered: remember its name on the device and show it. */
export function rememberCompany(
	profile: WorkspaceProfile,
	kv: KeyValueStore = browserKeyValueStore()
): void {
	if (profile.name === null) kv.remove(keyOf(profile.workspace));
	else kv.set(keyOf(profile.workspace), profile.name);
	company.name = profile.name;
}

/** Loads the profile once online; offline (or refused) the remembered name stays. */
export async function refreshCompany(
	workspace: string,
	load: () => Promise<WorkspaceProfile>,
	kv: KeyValueStore = browserKeyValueStore()
): Promise<void> {
	recallCompany(workspace, kv);
	try {
		const profile = await load();
		if (profile.workspace === workspace) rememberCompany(profile, kv);
	} catch {
		// Offline or an older relay: keep what the device remembers.
	}
}

/** The signed-in session's company name: remembered at once, refreshed from the relay. */
export function loadCompany(session: Session): Promise<void> {
	const api = peopleApi({
		origin: typeof location === 'undefined' ? '' : location.origin,
		token: session.token
	});
	return refreshCompany(session.workspace, () => api.profile());
}

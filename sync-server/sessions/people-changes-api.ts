// GET /api/people/changes: the workspace's people trail (role changes and revocations, who made
// them and when), newest first, for admins — the app's audit page shows it beside the catalog's
// audit log, a revoked device named as it was at sign-in. Recording happens where the changes are
// made (api.ts).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../token-api';
import type { AuthContext } from './authenticate';
import { requireAdmin, type Handler } from './api';

export const PEOPLE_CHANGE_ROUTES: Record<string, Partial<Record<string, Handler>>> = {
	'/api/people/changes': { GET: listChanges }
};

async function listChanges(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const admin = await requireAdmin(req, res, auth);
	if (!admin) return;
	const changes = await auth.sessions.peopleChanges(admin.workspace);
	// A revoked device by the name it was given at sign-in (its session row keeps it).
	const names = new Map<string, string>();
	for (const { device } of changes) {
		if (device === null || names.has(device)) continue;
		const session = await auth.sessions.session(device);
		if (session && session.workspace === admin.workspace) names.set(device, session.deviceName);
	}
	sendJson(res, 200, {
		changes: changes.map(({ workspace: _, ...change }) => ({
			...change,
			deviceName: change.device === null ? null : (names.get(change.device) ?? null)
		}))
	});
}

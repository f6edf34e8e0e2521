// GET/POST /api/workspace: the company profile of the caller's workspace (name, first-run
// setup done). Everyone signed in reads it; only an admin changes it.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { authenticateRequest, sendJson } from '../token-api';
import type { AuthContext } from './authenticate';
import { parseBody, requireAdmin, type Handler } from './api';

// A company name as people write it: no control characters, at most 80 characters.
const COMPANY_NAME = /^[^\p{Cc}\p{Cf}]{1,80}$/u;

const ProfileUpdate = z
	.object({
		name: z.string().trim().regex(COMPANY_NAME, 'invalid company name').optional(),
		setupDone: z.literal(true).optional()
	})
	.refine((body) => body.name !== undefined || body.setupDone !== undefined, 'nothing to change');

export const WORKSPACE_ROUTES: Record<string, Partial<Record<string, Handler>>> = {
	'/api/workspace': { GET: readProfile, POST: updateProfile }
};

async function readProfile(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const identity = await authenticateRequest(req, res, auth);
	if (!identity) return;
	sendJson(res, 200, await auth.sessions.profile(identity.claims.workspace));
}

async function updateProfile(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const admin = await requireAdmin(req, res, auth);
	if (!admin) return;
	const body = await parseBody(req, res, ProfileUpdate);
	if (!body) return;
	await auth.sessions.updateProfile(admin.workspace, {
		...(body.name !== undefined ? { name: body.name } : {}),
		...(body.setupDone ? { setupDoneAtMs: auth.nowMs() } : {})
	});
	sendJson(res, 200, await auth.sessions.profile(admin.workspace));
}

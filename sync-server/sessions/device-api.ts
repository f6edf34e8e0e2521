// POST /api/session/name: a device renames itself (the name others see on People and devices,
// e.g. "iPad · 倉管" → "收貨區 iPad"). Only with its own device credential.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { authenticateRequest, sendJson } from '../token-api';
import type { AuthContext } from './authenticate';
import { DEVICE_NAME, parseBody, type Handler } from './api';

const RenameRequest = z.object({
	deviceName: z.string().trim().regex(DEVICE_NAME, 'invalid device name')
});

export const DEVICE_ROUTES: Record<string, Partial<Record<string, Handler>>> = {
	'/api/session/name': { POST: rename }
};

async function rename(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const identity = await authenticateRequest(req, res, auth);
	if (!identity) return;
	if (identity.sessionId === null) return sendJson(res, 400, { error: 'not a device credential' });
	const body = await parseBody(req, res, RenameRequest);
	if (!body) return;
	await auth.sessions.renameSession(identity.sessionId, body.deviceName);
	sendJson(res, 200, { session: { id: identity.sessionId, deviceName: body.deviceName } });
}

// What every stocktake command shares: the `counts` doc, a session read from it, and an event
// stamped now by the acting user and device.

import { parseOrThrow } from '../../domain/parse';
import { UnknownCountError } from '../../domain/stocktake/errors';
import {
	countEventSchema,
	type CountEventType,
	type CountSession
} from '../../domain/stocktake/session';
import { readCountSession } from '../../doc/counts-doc';
import type { CommandContext } from '../context';

export const COUNTS = 'counts';

export function countsDoc(ctx: CommandContext) {
	return ctx.docs.shared('counts');
}

export function countEvent(ctx: CommandContext, type: CountEventType) {
	return parseOrThrow(countEventSchema, {
		type,
		at: ctx.clock.now(),
		by: ctx.user,
		device: ctx.clock.device
	});
}

export function requireSession(ctx: CommandContext, countId: string): CountSession {
	const session = readCountSession(countsDoc(ctx), countId);
	if (!session) throw new UnknownCountError(countId);
	return session;
}

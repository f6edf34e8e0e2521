// The integrity check as the relay runs it: one room's update from one connection, decoded on
// this thread when the decode check did not already do it. A large update (a catch-up, decoded
// off this thread by the decode check) is checked in slices so other rooms keep flowing.

import * as Y from 'yjs';
import type { Claims } from '../auth';
import type { RoomKey } from '../persistence/port';
import type { Room } from '../room';
import type { DecodedUpdate } from '../update-check';
import { docKindOf } from '../../src/lib/domain/auth/roles';
import { THREAD_MIN_BYTES } from '../update-check';
import { checkIntegrity, checkIntegrityInSlices, type Refusal } from './check';

export interface IntegrityRequest {
	room: Room;
	key: RoomKey;
	claims: Claims;
	update: Uint8Array;
	/** The decode check's result, when it decoded on this thread. */
	decoded: DecodedUpdate | null;
}

export interface IntegrityChecker {
	check(request: IntegrityRequest): Promise<Refusal | null>;
}

export interface IntegrityCheckerOptions {
	/** Updates of at least this many bytes are checked in slices (default: the decode thread's). */
	sliceMinBytes?: number;
	/** The longest the relay's thread is held per slice. */
	sliceMs?: number;
	/** The relay's clock, which entries' stamps are checked against (default Date.now). */
	nowMs?: () => number;
}

export function createIntegrityChecker(options: IntegrityCheckerOptions = {}): IntegrityChecker {
	const sliceMinBytes = options.sliceMinBytes ?? THREAD_MIN_BYTES;
	const sliceMs = options.sliceMs ?? 10;
	const nowMs = options.nowMs ?? Date.now;
	return {
		check({ room, key, claims, update, decoded }) {
			const kind = docKindOf(key.doc);
			// The upgrade refuses unknown doc names; a room always has a kind.
			if (kind === null) return Promise.resolve(null);
			const input = {
				doc: room.doc,
				kind,
				docName: key.doc,
				update: decoded ?? Y.decodeUpdate(update),
				writer: { user: claims.sub, role: claims.role },
				relayNowMs: nowMs()
			};
			return update.byteLength >= sliceMinBytes
				? checkIntegrityInSlices(input, sliceMs)
				: Promise.resolve(checkIntegrity(input));
		}
	};
}

// The integrity check as the relay runs it: one room's update from one connection, decoded on
// this thread when the decode check did not already do it.

import * as Y from 'yjs';
import type { Claims } from '../auth';
import type { RoomKey } from '../persistence/port';
import type { Room } from '../room';
import type { DecodedUpdate } from '../update-check';
import { docKindOf } from '../../src/lib/domain/auth/roles';
import { checkIntegrity, type Refusal } from './check';

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

export function createIntegrityChecker(): IntegrityChecker {
	return {
		check({ room, key, claims, update, decoded }) {
			const kind = docKindOf(key.doc);
			// The upgrade refuses unknown doc names; a room always has a kind.
			if (kind === null) return Promise.resolve(null);
			return Promise.resolve(
				checkIntegrity({
					doc: room.doc,
					kind,
					docName: key.doc,
					update: decoded ?? Y.decodeUpdate(update),
					writer: { user: claims.sub, role: claims.role }
				})
			);
		}
	};
}

// The room's live structs an update deletes, and whether it may: a record is deactivated or
// cancelled, never removed; logs are append-only; an entry goes only where its slot allows it or
// where this update writes the same key again. Past the room's state an update may delete only
// its own structs (else `gap`).

import * as Y from 'yjs';
import type { DocKind } from '../../src/lib/domain/auth/roles';
import type { AuditCover } from './audit-cover';
import { ELEMENT, slotAt } from './layout';
import type { Places } from './places';
import { keyOf, refuse, show } from './refusal';
import type { Path } from './room-view';
import type { WriterRules } from './writer-rules';

/** What checking an update's deletes needs of the rest of the check (check.ts). */
export interface DeleteCheck {
	kind: DocKind;
	places: Places;
	rules: WriterRules;
	audit: AuditCover;
	/** Map entries this update writes (path keys): a live value deleted there is overwritten. */
	written: ReadonlySet<string>;
}

/** Checks every live struct of the room that the update's delete set covers; throws Refused. */
export function checkDeletes(check: DeleteCheck): void {
	const { places } = check;
	for (const [client, ranges] of places.update.ds.clients) {
		const state = places.room.state(client);
		for (const { clock, len } of ranges) {
			const end = clock + len;
			const known = Math.min(end, state);
			// Past the room's state it may delete only structs of this update.
			if (end > state && !places.inUpdate(Y.createID(client, end - 1)))
				refuse('gap', `deletes ${client}:${state}–${end - 1}, which the relay does not have`);
			if (clock >= known) continue;
			for (const path of places.room.livePaths(client, clock, known)) checkDeletion(check, path);
		}
	}
}

function checkDeletion(check: DeleteCheck, path: Path): void {
	if (path === null) return;
	const slot = slotAt(check.kind, path);
	// Something no reader looks at (written before these checks existed): may go.
	if (!slot) return;
	const overwritten = path[path.length - 1] !== ELEMENT && check.written.has(keyOf(path));
	switch (slot.kind) {
		case 'entity':
			refuse(
				'delete',
				`${show(path)}: a ${slot.record} is deactivated or cancelled, never removed`
			);
			break;
		case 'log':
		case 'logEntry':
			refuse(
				'delete',
				`${show(path)}: ${slot.kind === 'log' ? slot.list : 'the entry'} is append-only`
			);
			break;
		case 'entry':
			if (!slot.removable && !(overwritten && slot.record !== 'opening'))
				refuse('delete', `${show(path)} may not be removed`);
			check.rules.requireRight(slot, path, undefined);
			break;
		default:
			check.rules.requireRight(slot, path, undefined);
			if (!overwritten && slot.kind === 'field')
				check.audit.noteChange(slot.record, path, slot.field, undefined, true);
			if (!overwritten && slot.kind === 'nestedEntry')
				check.audit.noteChange(slot.record, path, `${path[2]}.${path[3]}`, undefined, true);
	}
}

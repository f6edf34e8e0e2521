// Writing master records with their audit entries: the command's writes run inside its own
// transaction between a look at each touched record before and after, and one entry per changed
// field (or one `create`) is appended in the same transaction, so the change and its record of
// who made it reach every device, and the relay, as one update.

import type * as Y from 'yjs';
import { auditEntriesFor, type AuditEntry, type AuditedRecord } from '../domain/audit/entry';
import { appendAudit, flatRecord } from '../doc/audit-doc';
import type { CommandContext } from './context';

export interface AuditTarget {
	record: AuditedRecord;
	id: string;
}

/**
 * Runs `write` (call inside `doc.transact`) and records what it changed in `targets`. Returns
 * the entries written. Entries are appended after the writes: the relay sees a field change and
 * its entry in one update (a later struct of the same client cannot arrive without the earlier).
 */
export function auditedWrite(
	ctx: CommandContext,
	doc: Y.Doc,
	command: string,
	targets: readonly AuditTarget[],
	write: () => void
): AuditEntry[] {
	const before = targets.map((t) => flatRecord(doc, t.record, t.id));
	write();
	const meta = {
		nextId: () => ctx.ids.next(),
		at: () => ctx.clock.now(),
		user: ctx.user,
		device: ctx.clock.device,
		command
	};
	const entries = targets.flatMap((t, i) => {
		const after = flatRecord(doc, t.record, t.id);
		return after ? auditEntriesFor(meta, t.record, t.id, before[i] ?? null, after) : [];
	});
	appendAudit(doc, entries);
	return entries;
}

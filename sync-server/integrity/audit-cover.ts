// The catalog's audit rule: every change an update makes to a field of a master record comes
// with its audit entry in the same update (a created record: a `create` entry), and an audit
// entry names the token's user and a field the role may write.

import type { DocKind } from '../../src/lib/domain/auth/roles';
import {
	canWriteField,
	canWriteRecord,
	type RecordKind
} from '../../src/lib/domain/auth/field-rights';
import {
	isAuditedRecord,
	sameValue,
	type AuditEntry,
	type AuditedRecord
} from '../../src/lib/domain/audit/entry';
import type { Slot } from './layout';
import { keyOf, preview, refuse, show } from './refusal';
import type { Writer } from './check';

interface AuditedChange {
	record: AuditedRecord;
	id: string;
	path: string[];
	field: string;
	value: unknown;
	removed: boolean;
}

export class AuditCover {
	/** Audit entries this update appends, and the master-record changes they must cover. */
	private readonly entries: AuditEntry[] = [];
	private readonly changes: AuditedChange[] = [];

	constructor(
		private readonly kind: DocKind,
		private readonly writer: Writer
	) {}

	/** A field of a master record this update sets or removes: its audit entry must come along. */
	noteChange(
		record: RecordKind,
		path: string[],
		field: string,
		value: unknown,
		removed: boolean
	): void {
		if (this.kind !== 'catalog' || !isAuditedRecord(record)) return;
		this.changes.push({ record, id: path[1]!, path, field, value, removed });
	}

	/**
	 * An audit entry names the token's user, whatever the role (an admin's entries too: the
	 * trail is worth something only if it says who was signed in), and a field the role may write.
	 * `entry`: the appended value as the audit log's check parsed it (auditEntrySchema).
	 */
	entry(path: string[], entry: AuditEntry): void {
		const { user, role } = this.writer;
		if (entry.user !== user)
			refuse(
				'authorship',
				`${show(path)}: user is ${preview(entry.user)}, the token's user is ${user}`
			);
		const field = entry.field?.split('.')[0];
		const ok =
			field === undefined
				? canWriteRecord(role, entry.record)
				: canWriteField(role, entry.record, field);
		if (!ok)
			refuse(
				'rights',
				`${show(path)}: ${role} may not record a change of ${entry.record}.${field ?? ''}`
			);
		this.entries.push(entry);
	}

	/** Every master-record change of this update has its entry in this update (created: `create`). */
	verify(created: ReadonlyMap<string, { slot: Slot; id: string }>): void {
		if (this.changes.length === 0 && created.size === 0) return;
		const byField = new Map<string, AuditEntry[]>();
		for (const e of this.entries) {
			const key = keyOf([e.record, e.recordId, e.field ?? '']);
			const list = byField.get(key);
			if (list) list.push(e);
			else byField.set(key, [e]);
		}
		for (const { slot, id } of created.values()) {
			if (slot.kind !== 'entity' || !isAuditedRecord(slot.record)) continue;
			if (this.kind !== 'catalog') continue;
			const create = byField.get(keyOf([slot.record, id, '']));
			if (!create?.some((e) => e.action === 'create'))
				refuse('unaudited', `new ${slot.record} ${id} has no create entry in the audit trail`);
		}
		for (const change of this.changes) {
			if (created.has(keyOf(change.path.slice(0, 2)))) continue;
			const entries = byField.get(keyOf([change.record, change.id, change.field])) ?? [];
			const covered = entries.some((e) =>
				change.removed ? e.new === undefined : sameValue(e.new, change.value)
			);
			if (!covered)
				refuse(
					'unaudited',
					`${show(change.path)}: ${change.removed ? 'removed' : `set to ${preview(change.value)}`} without an audit entry`
				);
		}
	}
}

// The history tab of one master record (item, customer, supplier, warehouse): who changed
// which field from what to what and when, newest first, and how far back the trail reaches
// (a record created before this version recorded changes says since when it is known).
// Related records' changes are listed with it: a supplier's or an item's price-list entries.

import type { AuditedRecord } from '../../domain/audit/entry';
import { entriesAbout, newestFirst, recordHistory } from '../../domain/audit/history';
import { fmtDateTime, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { auditRow, type AuditRow } from './audit-format';
import { AuditTrail } from './audit-trail.svelte';

export class RecordHistoryModel {
	readonly trail: AuditTrail;

	private readonly history = $derived.by(() => {
		const id = this.id();
		return id === null ? null : recordHistory(this.trail.entries, this.record, id);
	});

	/** The record's changes, newest first, with every changed field of a save on its own row. */
	readonly rows: AuditRow[] = $derived.by(() => {
		const names = this.trail.names;
		const own = this.history?.entries ?? [];
		const related = this.related();
		if (related.length === 0) return own.map((e) => auditRow(e, names));
		const others = entriesAbout(this.trail.entries, related);
		return newestFirst([...own, ...others]).map((e) => auditRow(e, names));
	});

	/** Said above the list when the trail does not reach back to the record's creation. */
	readonly coverageNote: string | null = $derived.by(() => {
		const coverage = this.history?.coverage;
		if (coverage?.kind !== 'since') return null;
		return t('audit.since', { time: fmtDateTime(coverage.sinceMs) });
	});

	constructor(
		ws: WorkspaceState,
		private readonly record: AuditedRecord,
		/** The record shown, or null while none is. */
		private readonly id: () => string | null,
		/** Other records whose changes belong on this record's history. */
		private readonly related: () => ReadonlyArray<{ record: AuditedRecord; id: string }> = () => []
	) {
		this.trail = new AuditTrail(ws);
	}

	close(): void {
		this.trail.close();
	}
}

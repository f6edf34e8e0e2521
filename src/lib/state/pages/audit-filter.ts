// The admin audit page's filters over its rows (master-record entries and people's role
// changes alike): kind, record (its code or name, any part), user, field and a range of days
// in the device's time zone, from the first day's midnight to the end of the last day.

import { parseDayOrNull } from '../../domain/dates/day';
import type { AuditRow, AuditRowKind } from './audit-format';

export interface AuditRowFilter {
	kind: AuditRowKind | '';
	/** Part of the record's label or id, any case. */
	record: string;
	user: string;
	/** `kind.field` (a field is named per kind: an item's and a customer's `name` differ). */
	field: string;
	/** YYYY-MM-DD, inclusive; '' for open. */
	from: string;
	to: string;
}

export const NO_FILTER: AuditRowFilter = {
	kind: '',
	record: '',
	user: '',
	field: '',
	from: '',
	to: ''
};

/** Local midnight starting `day` (ms), or null for a day not given or not valid. */
function midnight(day: string, addDays = 0): number | null {
	const parsed = parseDayOrNull(day);
	if (parsed === null) return null;
	const [y, m, d] = parsed.split('-').map(Number);
	return new Date(y ?? 0, (m ?? 1) - 1, (d ?? 1) + addDays).getTime();
}

export const fieldKey = (row: Pick<AuditRow, 'kind' | 'field'>): string =>
	`${row.kind}.${row.field ?? ''}`;

/** The rows the filter keeps, in the order given. */
export function filterAuditRows(rows: readonly AuditRow[], filter: AuditRowFilter): AuditRow[] {
	const fromMs = midnight(filter.from);
	const toMs = midnight(filter.to, 1);
	const text = filter.record.trim().toLowerCase();
	return rows.filter(
		(r) =>
			(filter.kind === '' || r.kind === filter.kind) &&
			(filter.user === '' || r.user === filter.user) &&
			(filter.field === '' || fieldKey(r) === filter.field) &&
			(text === '' ||
				r.recordText.toLowerCase().includes(text) ||
				r.recordId.toLowerCase().includes(text)) &&
			(fromMs === null || r.atMs >= fromMs) &&
			(toMs === null || r.atMs < toMs)
	);
}

/** The users, and the fields of the kind chosen (all kinds': `kind · field`), sorted. */
export function auditRowFacets(
	rows: readonly AuditRow[],
	kind: AuditRowKind | ''
): { users: string[]; fields: Array<{ value: string; label: string }> } {
	const users = [...new Set(rows.map((r) => r.user))].sort();
	const fields = new Map<string, string>();
	for (const r of rows) {
		if (r.field === null || (kind !== '' && r.kind !== kind)) continue;
		const label = r.fieldGroupText;
		fields.set(fieldKey(r), kind === '' ? `${r.kindText} · ${label}` : label);
	}
	return {
		users,
		fields: [...fields]
			.map(([value, label]) => ({ value, label }))
			.sort((a, b) => a.label.localeCompare(b.label))
	};
}

// View model of the admin's audit page (/admin/audit): every change of a master record in the
// catalog's audit trail, newest first, narrowed by kind, record, user, field and days, and
// exported as CSV or XLSX exactly as filtered. People's role changes and revocations, which the
// relay keeps (GET /api/people/changes), are listed with them as kind "person" when online.
// Admins only (every catalog reader syncs the trail; the page is where it is searched and
// taken out).

import { newestFirst } from '../../domain/audit/history';
import type { Table } from '../../domain/tabular/table';
import { t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { peopleApi, type PeopleApi, type PeopleChangeView } from '../../sync/people-api';
import {
	auditExportTable,
	auditRow,
	namedDevice,
	type AuditRow,
	type AuditRowKind
} from './audit-format';
import { deviceNames } from '../presence.svelte';
import { personRow } from './audit-people';
import { AuditTrail } from './audit-trail.svelte';
import { NO_FILTER, auditRowFacets, filterAuditRows, type AuditRowFilter } from './audit-filter';

/** Progressive rendering: the first rows paint at once, more as the table scrolls. */
const PAGE_ROWS = 100;

export const AUDIT_KINDS: readonly AuditRowKind[] = [
	'item',
	'customer',
	'supplier',
	'priceList',
	'warehouse',
	'location',
	'person'
];

export class AdminAuditModel {
	readonly isAdmin: boolean;
	readonly trail: AuditTrail;
	filter = $state<AuditRowFilter>({ ...NO_FILTER });
	limit = $state(PAGE_ROWS);
	/** The relay's people trail; null until loaded. */
	people = $state.raw<PeopleChangeView[] | null>(null);
	peopleFailed = $state(false);
	private readonly api: PeopleApi;

	readonly kinds = AUDIT_KINDS.map((k) => ({ value: k, label: t(`audit.kind.${k}`) }));

	/** Every entry (and role change) as a row, newest first. */
	readonly all: AuditRow[] = $derived.by(() => {
		const names = this.trail.names;
		const devices = deviceNames.byId;
		const rows = newestFirst(this.trail.entries).map((e) =>
			namedDevice(auditRow(e, names), devices)
		);
		const people = (this.people ?? []).map((c, i) => personRow(c, i));
		if (people.length === 0) return rows;
		return [...rows, ...people].sort((a, b) => b.atMs - a.atMs);
	});

	readonly rows: AuditRow[] = $derived.by(() => filterAuditRows(this.all, this.filter));
	readonly shownRows: AuditRow[] = $derived(this.rows.slice(0, this.limit));
	readonly facets = $derived.by(() => auditRowFacets(this.all, this.filter.kind));
	readonly filtered = $derived.by(() =>
		(Object.keys(NO_FILTER) as Array<keyof AuditRowFilter>).some(
			(k) => this.filter[k] !== NO_FILTER[k]
		)
	);

	constructor(ws: WorkspaceState, api?: PeopleApi) {
		this.isAdmin = ws.session.role === 'admin';
		this.trail = new AuditTrail(ws);
		this.api =
			api ??
			peopleApi({
				origin: typeof location === 'undefined' ? '' : location.origin,
				token: ws.session.token
			});
	}

	/** Loads the relay's people trail (needs a connection; the catalog trail does not). */
	async loadPeople(): Promise<void> {
		if (!this.isAdmin) return;
		try {
			this.people = await this.api.changes();
			this.peopleFailed = false;
		} catch {
			this.peopleFailed = true;
		}
	}

	/** Changes one filter; a field of another kind no longer applies when the kind changes. */
	set<K extends keyof AuditRowFilter>(key: K, value: AuditRowFilter[K]): void {
		const next = { ...this.filter, [key]: value };
		if (key === 'kind' && next.field !== '' && value !== '' && !next.field.startsWith(`${value}.`))
			next.field = '';
		this.filter = next;
		this.limit = PAGE_ROWS;
	}

	clear(): void {
		this.filter = { ...NO_FILTER };
		this.limit = PAGE_ROWS;
	}

	showMore(): void {
		this.limit += PAGE_ROWS * 2;
	}

	/** The filtered rows, all of them (not only those rendered), for ExportButton. */
	exportTable(): Table {
		return auditExportTable(this.rows);
	}

	close(): void {
		this.trail.close();
	}
}

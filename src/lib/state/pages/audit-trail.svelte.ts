// The catalog's audit trail as pages read it: every valid entry (re-read when the log grows)
// and the labels of the records they name (items, warehouses and locations from the workspace,
// customers, suppliers and prices from the catalog doc when the trail is read). One instance
// per page, closed with it.

import type { AuditEntry, AuditedRecord } from '../../domain/audit/entry';
import { observeAudit, readAudit } from '../../doc/audit-doc';
import { readCustomers } from '../../doc/customers-doc';
import { readPriceList, readSuppliers } from '../../doc/suppliers-doc';
import type { WorkspaceState } from '../workspace.svelte';
import type { AuditNames } from './audit-format';

const label = (r: { code: string; name: string }): string => `${r.code} ${r.name}`;

export class AuditTrail {
	entries: AuditEntry[] = $state.raw([]);
	/** Entries skipped as malformed (a peer wrote garbage the relay let through before checks). */
	invalid = $state(0);
	private revision = $state(0);
	private readonly stop: () => void;

	/** Labels for the records the trail names, as they are now. */
	readonly names: AuditNames = $derived.by(() => {
		void this.revision;
		const doc = this.ws.runtime.docs.catalog;
		const byKind = new Map<AuditedRecord, Map<string, string>>([
			['item', new Map(this.ws.items.map((i) => [i.id, label(i)]))],
			['warehouse', new Map(this.ws.warehouses.map((w) => [w.id, label(w)]))],
			['customer', new Map(readCustomers(doc).map((c) => [c.id, label(c)]))],
			['supplier', new Map(readSuppliers(doc).map((s) => [s.id, label(s)]))]
		]);
		const warehouseOf = (id: string): string => byKind.get('warehouse')?.get(id) ?? id;
		byKind.set(
			'location',
			new Map(this.ws.locations.map((l) => [l.id, `${warehouseOf(l.warehouseId)} / ${l.code}`]))
		);
		const nameOf = (kind: AuditedRecord, id: string): string => byKind.get(kind)?.get(id) ?? id;
		byKind.set(
			'priceList',
			new Map(
				readPriceList(doc).map((p) => [
					p.id,
					`${nameOf('supplier', p.supplierId)} · ${nameOf('item', p.itemId)}`
				])
			)
		);
		return { label: (kind, id) => byKind.get(kind)?.get(id) };
	});

	constructor(private readonly ws: WorkspaceState) {
		const doc = ws.runtime.docs.catalog;
		const refresh = (): void => {
			const read = readAudit(doc);
			this.entries = read.entries;
			this.invalid = read.invalid;
			this.revision++;
		};
		refresh();
		this.stop = observeAudit(doc, refresh);
		// The catalog loads from IndexedDB after the page may have mounted.
		void ws.runtime.ready.then(refresh);
	}

	close(): void {
		this.stop();
	}
}

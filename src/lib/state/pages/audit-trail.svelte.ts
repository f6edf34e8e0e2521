// The catalog's audit trail as pages read it: every valid entry (re-read when the log grows)
// and the labels of the records they name (items, warehouses and locations from the workspace,
// customers, suppliers and prices from the catalog doc when the trail is read). One instance
// per page, closed with it.

import type { AuditEntry } from '../../domain/audit/entry';
import { observeAudit, readAudit } from '../../doc/audit-doc';
import { readCustomers } from '../../doc/customers-doc';
import { readPriceList, readSuppliers } from '../../doc/suppliers-doc';
import type { WorkspaceState } from '../workspace.svelte';
import type { AuditNames } from './audit-format';
import { auditNames } from './audit-names';

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
		return auditNames({
			items: this.ws.items,
			warehouses: this.ws.warehouses,
			locations: this.ws.locations,
			customers: readCustomers(doc),
			suppliers: readSuppliers(doc),
			prices: readPriceList(doc)
		});
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

// Customers for the sales pages: the catalog doc's `customers` map, re-read on every change
// (the workspace's catalog event covers items, warehouses and locations only).

import type { Customer } from '../../domain/customers/customer';
import type { Table } from '../../domain/tabular/table';
import { t } from '../../i18n';
import { observeCustomers, readCustomers } from '../../doc/customers-doc';
import type { WorkspaceState } from '../workspace.svelte';

export class CustomersModel {
	list: Customer[] = $state.raw([]);
	private readonly stop: () => void;

	constructor(ws: WorkspaceState) {
		const doc = ws.runtime.docs.catalog;
		const refresh = (): void => {
			this.list = readCustomers(doc).sort((a, b) => a.code.localeCompare(b.code));
		};
		refresh();
		this.stop = observeCustomers(doc, refresh);
		// The catalog loads from IndexedDB after the page may have mounted.
		void ws.runtime.ready.then(refresh);
	}

	byId(id: string): Customer | undefined {
		return this.list.find((c) => c.id === id);
	}

	search(text: string): Customer[] {
		const q = text.trim().toLowerCase();
		if (!q) return this.list;
		return this.list.filter((c) =>
			[c.code, c.name, c.phone, c.contact].some((f) => f.toLowerCase().includes(q))
		);
	}

	/** What the list shows for `text`, as a table for ExportButton. */
	exportTable(text: string): Table {
		return {
			headers: [
				t('customers.code'),
				t('customers.name'),
				t('customers.contact'),
				t('customers.phone'),
				t('customers.email'),
				t('customers.address'),
				t('customers.creditTermsDays'),
				t('customers.priceLevel'),
				t('customers.notes'),
				t('common.active')
			],
			rows: this.search(text).map((c) => [
				c.code,
				c.name,
				c.contact,
				c.phone,
				c.email,
				c.address,
				c.creditTermsDays,
				t(`priceLevel.${c.priceLevel}`),
				c.notes,
				c.active ? t('common.yes') : t('common.no')
			])
		};
	}

	close(): void {
		this.stop();
	}
}

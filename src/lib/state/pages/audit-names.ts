// Labels of the records the audit trail names, as people know them now: `code name`, a
// location under its warehouse, a price as its supplier and item. A record since gone (or not
// loaded) has none: the reader shows its id.

import type { AuditedRecord } from '../../domain/audit/entry';
import type { AuditNames } from './audit-format';

interface Coded {
	id: string;
	code: string;
	name: string;
}

export interface AuditNameSources {
	items: readonly Coded[];
	warehouses: readonly Coded[];
	locations: ReadonlyArray<Coded & { warehouseId: string }>;
	customers: readonly Coded[];
	suppliers: readonly Coded[];
	prices: ReadonlyArray<{ id: string; supplierId: string; itemId: string }>;
}

const labels = (records: readonly Coded[]): Map<string, string> =>
	new Map(records.map((r) => [r.id, `${r.code} ${r.name}`]));

export function auditNames(sources: AuditNameSources): AuditNames {
	const items = labels(sources.items);
	const warehouses = labels(sources.warehouses);
	const suppliers = labels(sources.suppliers);
	const byKind = new Map<AuditedRecord, Map<string, string>>([
		['item', items],
		['warehouse', warehouses],
		['customer', labels(sources.customers)],
		['supplier', suppliers],
		[
			'location',
			new Map(
				sources.locations.map((l) => [
					l.id,
					`${warehouses.get(l.warehouseId) ?? l.warehouseId} / ${l.code}`
				])
			)
		],
		[
			'priceList',
			new Map(
				sources.prices.map((p) => [
					p.id,
					`${suppliers.get(p.supplierId) ?? p.supplierId} · ${items.get(p.itemId) ?? p.itemId}`
				])
			)
		]
	]);
	return { label: (kind, id) => byKind.get(kind)?.get(id) };
}

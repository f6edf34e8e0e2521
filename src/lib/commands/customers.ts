// Customer commands: create, edit and CSV import into the catalog doc's `customers` map.
// Codes stay unique (normalized); an edit writes only the fields it changes.

import { findByCode } from '../domain/catalog/duplicates';
import { customerSchema, type Customer, type CustomerInput } from '../domain/customers/customer';
import { customersImporter } from '../domain/customers/customers-csv';
import { DuplicateCustomerCodeError, UnknownCustomerError } from '../domain/errors';
import { parseOrThrow } from '../domain/parse';
import { planImport, previewImport, type ImportPreview } from '../domain/tabular/importer';
import { readCsv, type Source } from '../domain/tabular/source';
import { writeEntity } from '../doc/catalog-doc';
import { customersMap, readCustomers } from '../doc/customers-doc';
import { CATALOG } from '../doc/names';
import { ensureSchema } from '../doc/schema';
import { requireRecord, requireWrite } from './access';
import { auditedWrite } from './audit';
import { commandOrigin, type CommandContext } from './context';

export type CustomersImportPreview = ImportPreview<Customer>;

function write(ctx: CommandContext, command: string, rows: readonly Customer[]): void {
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			const targets = rows.map((c) => ({ record: 'customer' as const, id: c.id }));
			auditedWrite(ctx, doc, command, targets, () => {
				for (const c of rows) writeEntity(customersMap(doc), c.id, c);
			});
		},
		commandOrigin(ctx, command)
	);
}

export function createCustomer(ctx: CommandContext, input: Omit<CustomerInput, 'id'>): Customer {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'customer');
	const customer = parseOrThrow(customerSchema, { ...input, id: ctx.ids.next() });
	if (findByCode(readCustomers(ctx.docs.catalog), customer.code))
		throw new DuplicateCustomerCodeError(customer.code);
	write(ctx, 'createCustomer', [customer]);
	return customer;
}

export function updateCustomer(
	ctx: CommandContext,
	id: string,
	patch: Partial<Omit<CustomerInput, 'id'>>
): Customer {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'customer');
	const all = readCustomers(ctx.docs.catalog);
	const existing = all.find((c) => c.id === id);
	if (!existing) throw new UnknownCustomerError(id);
	const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
	const customer = parseOrThrow(customerSchema, { ...existing, ...changes, id });
	if (findByCode(all, customer.code, id)) throw new DuplicateCustomerCodeError(customer.code);
	const doc = ctx.docs.catalog;
	const changed = Object.fromEntries(
		Object.keys(changes).map((k) => [k, new Map(Object.entries(customer)).get(k)])
	);
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			auditedWrite(ctx, doc, 'updateCustomer', [{ record: 'customer', id }], () =>
				writeEntity(customersMap(doc), id, changed)
			);
		},
		commandOrigin(ctx, 'updateCustomer')
	);
	return customer;
}

/** `source` is a file read by the tabular pipeline, or CSV text. */
export function previewCustomersCsv(
	ctx: CommandContext,
	source: Source | string
): CustomersImportPreview {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'customer');
	const records = typeof source === 'string' ? readCsv(source) : source;
	return previewImport(customersImporter, records, readCustomers(ctx.docs.catalog));
}

/**
 * Writes the preview's rows in one transaction, matching codes again (a sync may have run).
 * Every row is validated before the transaction starts, so a failure writes nothing.
 */
export function importCustomersCsv(
	ctx: CommandContext,
	preview: CustomersImportPreview
): { created: number; updated: number } {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'customer');
	const all = readCustomers(ctx.docs.catalog);
	const planned = planImport(customersImporter, preview, all, () => ctx.ids.next());
	write(
		ctx,
		'importCustomersCsv',
		planned.map((p) => p.record)
	);
	const created = planned.filter((p) => p.created).length;
	return { created, updated: planned.length - created };
}

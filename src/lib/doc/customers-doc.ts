// Customers in the catalog doc: `customers` is `Y.Map<id, Y.Map<field, value>>` like items,
// so two devices editing different fields of one customer both keep their edit.

import * as Y from 'yjs';
import { customerSchema, type Customer } from '../domain/customers/customer';
import type { ReadResult } from './catalog-doc';

export function customersMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>('customers');
}

export function readCustomersResult(doc: Y.Doc): ReadResult<Customer> {
	const values: Customer[] = [];
	let invalid = 0;
	for (const [id, entity] of customersMap(doc).entries()) {
		if (!(entity instanceof Y.Map)) {
			invalid++;
			continue;
		}
		const parsed = customerSchema.safeParse({ ...entity.toJSON(), id });
		if (parsed.success) values.push(parsed.data);
		else invalid++;
	}
	values.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { values, invalid };
}

/** Valid customers, sorted by id. */
export function readCustomers(doc: Y.Doc): Customer[] {
	return readCustomersResult(doc).values;
}

export function observeCustomers(doc: Y.Doc, onChange: () => void): () => void {
	const map = customersMap(doc);
	const handler = (): void => onChange();
	map.observeDeep(handler);
	return () => map.unobserveDeep(handler);
}

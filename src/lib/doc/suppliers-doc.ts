// Suppliers and price lists in the catalog doc. `suppliers` is `Y.Map<id, Y.Map<field, value>>`
// like customers; inside a supplier, `items` (keyed by item id) and `qualifications` (keyed by
// qualification id) are nested Y.Maps of plain objects, so two devices adding one each both
// keep theirs. `priceLists` is `Y.Map<id, Y.Map<field, value>>`, one entry per supplier × item
// × validity; `purchasingSettings` holds the purchasing policy (approval limits, reminders).

import * as Y from 'yjs';
import { nestedMap, sameJson } from './nested';
import { DEFAULT_POLICY, type PurchasingPolicy } from '../domain/purchasing/approval';
import { priceListEntrySchema, type PriceListEntry } from '../domain/purchasing/price-list';
import {
	qualificationSchema,
	suppliedItemSchema,
	supplierSchema,
	type Qualification,
	type SuppliedItem,
	type Supplier
} from '../domain/purchasing/supplier';
import { z } from 'zod';
import { ROLES } from '../domain/auth/roles';
import { writeEntity, type ReadResult } from './catalog-doc';

export const SUPPLIERS = 'suppliers';
export const PRICE_LISTS = 'priceLists';
export const PURCHASING_SETTINGS = 'purchasingSettings';

export function suppliersMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(SUPPLIERS);
}

export function priceListsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(PRICE_LISTS);
}

function nestedValues<T>(
	value: unknown,
	parse: (raw: unknown) => T | null
): { values: T[]; invalid: number } {
	const values: T[] = [];
	let invalid = 0;
	if (!(value instanceof Y.Map)) return { values, invalid };
	for (const raw of value.values()) {
		const parsed = parse(raw);
		if (parsed === null) invalid++;
		else values.push(parsed);
	}
	return { values, invalid };
}

const parseItem = (raw: unknown): SuppliedItem | null => {
	const r = suppliedItemSchema.safeParse(raw);
	return r.success ? r.data : null;
};
const parseQualification = (raw: unknown): Qualification | null => {
	const r = qualificationSchema.safeParse(raw);
	return r.success ? r.data : null;
};

/** Valid suppliers sorted by code; a bad nested item or qualification is skipped and counted. */
export function readSuppliersResult(doc: Y.Doc): ReadResult<Supplier> {
	const values: Supplier[] = [];
	let invalid = 0;
	for (const [id, entity] of suppliersMap(doc).entries()) {
		if (!(entity instanceof Y.Map)) {
			invalid++;
			continue;
		}
		const items = nestedValues(entity.get('items'), parseItem);
		const quals = nestedValues(entity.get('qualifications'), parseQualification);
		const fields: Record<string, unknown> = {};
		for (const [k, v] of entity.entries())
			if (k !== 'items' && k !== 'qualifications') fields[k] = v;
		const parsed = supplierSchema.safeParse({
			...fields,
			id,
			items: items.values.sort((a, b) => (a.itemId < b.itemId ? -1 : 1)),
			qualifications: quals.values.sort((a, b) =>
				a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : a.id < b.id ? -1 : 1
			)
		});
		invalid += items.invalid + quals.invalid;
		if (parsed.success) values.push(parsed.data);
		else invalid++;
	}
	values.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : 1));
	return { values, invalid };
}

export function readSuppliers(doc: Y.Doc): Supplier[] {
	return readSuppliersResult(doc).values;
}

/**
 * Writes a supplier inside a transaction: changed scalar fields, contacts when they changed,
 * and supplied items / qualifications by key (only those that changed; `removeItems` drops).
 */
export function writeSupplier(
	doc: Y.Doc,
	supplier: Supplier,
	options: { removeItemIds?: readonly string[]; removeQualificationIds?: readonly string[] } = {}
): void {
	const { items, qualifications, contacts, ...scalars } = supplier;
	const map = suppliersMap(doc);
	writeEntity(map, supplier.id, scalars);
	const entity = map.get(supplier.id);
	if (!(entity instanceof Y.Map)) return;
	if (!sameJson(entity.get('contacts'), contacts))
		entity.set(
			'contacts',
			contacts.map((c) => ({ ...c }))
		);
	const itemMap = nestedMap(entity, 'items');
	for (const i of items) if (!sameJson(itemMap.get(i.itemId), i)) itemMap.set(i.itemId, { ...i });
	for (const id of options.removeItemIds ?? []) itemMap.delete(id);
	const qualMap = nestedMap(entity, 'qualifications');
	for (const q of qualifications) if (!sameJson(qualMap.get(q.id), q)) qualMap.set(q.id, { ...q });
	for (const id of options.removeQualificationIds ?? []) qualMap.delete(id);
}

export function readPriceListResult(doc: Y.Doc): ReadResult<PriceListEntry> {
	const values: PriceListEntry[] = [];
	let invalid = 0;
	for (const [id, entity] of priceListsMap(doc).entries()) {
		const parsed = priceListEntrySchema.safeParse(
			entity instanceof Y.Map ? { ...entity.toJSON(), id } : null
		);
		if (parsed.success) values.push(parsed.data);
		else invalid++;
	}
	values.sort((a, b) => (a.id < b.id ? -1 : 1));
	return { values, invalid };
}

export function readPriceList(doc: Y.Doc): PriceListEntry[] {
	return readPriceListResult(doc).values;
}

export function writePriceEntry(doc: Y.Doc, entry: PriceListEntry): void {
	const map = priceListsMap(doc);
	const { breaks, ...fields } = entry;
	writeEntity(map, entry.id, fields);
	const entity = map.get(entry.id);
	if (entity instanceof Y.Map && !sameJson(entity.get('breaks'), breaks))
		entity.set(
			'breaks',
			breaks.map((b) => ({ ...b }))
		);
}

const policySchema = z.object({
	approvalLimitsCents: z.partialRecord(z.enum(ROLES), z.number().int().nonnegative()),
	expiryWarnDays: z.number().int().min(0).max(365),
	overReceiptTolerancePct: z.number().min(0).max(100)
});

/** The stored policy over the defaults; a bad stored value falls back to its default. */
export function readPurchasingPolicy(doc: Y.Doc): PurchasingPolicy {
	const map = doc.getMap<unknown>(PURCHASING_SETTINGS);
	const policy: PurchasingPolicy = { ...DEFAULT_POLICY };
	const shape = policySchema.shape;
	const limits = shape.approvalLimitsCents.safeParse(map.get('approvalLimitsCents'));
	if (limits.success) policy.approvalLimitsCents = limits.data;
	const warn = shape.expiryWarnDays.safeParse(map.get('expiryWarnDays'));
	if (warn.success) policy.expiryWarnDays = warn.data;
	const tol = shape.overReceiptTolerancePct.safeParse(map.get('overReceiptTolerancePct'));
	if (tol.success) policy.overReceiptTolerancePct = tol.data;
	return policy;
}

export function writePurchasingPolicy(
	doc: Y.Doc,
	patch: Partial<
		Pick<PurchasingPolicy, 'approvalLimitsCents' | 'expiryWarnDays' | 'overReceiptTolerancePct'>
	>
): void {
	const parsed = policySchema.partial().parse(patch);
	const map = doc.getMap<unknown>(PURCHASING_SETTINGS);
	for (const [k, v] of Object.entries(parsed))
		if (v !== undefined && !sameJson(map.get(k), v)) map.set(k, v);
}

export function observeSuppliers(doc: Y.Doc, onChange: () => void): () => void {
	const maps = [suppliersMap(doc), priceListsMap(doc), doc.getMap<unknown>(PURCHASING_SETTINGS)];
	const handler = (): void => onChange();
	for (const m of maps) m.observeDeep(handler);
	return () => {
		for (const m of maps) m.unobserveDeep(handler);
	};
}

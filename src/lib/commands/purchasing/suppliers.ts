// Supplier commands: create and edit suppliers, their supplied items and qualifications,
// price-list entries and the purchasing policy, all in the catalog doc. Purchasing and admin
// may write them (requirePurchasing); codes stay unique after normalization.

import { findByCode } from '../../domain/catalog/duplicates';
import { ForbiddenError } from '../../domain/errors';
import { parseOrThrow } from '../../domain/parse';
import type { PurchasingPolicy } from '../../domain/purchasing/approval';
import {
	priceListEntrySchema,
	type PriceListEntry,
	type PriceListEntryInput
} from '../../domain/purchasing/price-list';
import {
	qualificationSchema,
	suppliedItemSchema,
	supplierSchema,
	type Qualification,
	type QualificationInput,
	type SuppliedItemInput,
	type Supplier,
	type SupplierInput
} from '../../domain/purchasing/supplier';
import { readItems } from '../../doc/catalog-doc';
import { CATALOG } from '../../doc/names';
import { ensureSchema } from '../../doc/schema';
import {
	readSuppliers,
	writePriceEntry,
	writePurchasingPolicy,
	writeSupplier
} from '../../doc/suppliers-doc';
import { UnknownItemError } from '../../domain/errors';
import { requireWrite } from '../access';
import { auditedWrite } from '../audit';
import { commandOrigin, type CommandContext } from '../context';
import { DuplicateSupplierCodeError, UnknownSupplierError } from './errors';

/** Suppliers, prices, requisitions and POs are purchasing's (and admin's) to write. */
export function requirePurchasing(ctx: CommandContext, docName: string): void {
	requireWrite(ctx, docName);
	if (ctx.role !== 'purchasing' && ctx.role !== 'admin')
		throw new ForbiddenError(ctx.role, `write purchasing data in ${docName}`);
}

function save(
	ctx: CommandContext,
	command: string,
	supplier: Supplier,
	removeQualificationIds: string[] = []
): void {
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			auditedWrite(ctx, doc, command, [{ record: 'supplier', id: supplier.id }], () =>
				writeSupplier(doc, supplier, { removeQualificationIds })
			);
		},
		commandOrigin(ctx, command)
	);
}

function checkItems(ctx: CommandContext, supplier: Supplier): void {
	const known = new Set(readItems(ctx.docs.catalog).map((i) => i.id));
	for (const i of supplier.items) if (!known.has(i.itemId)) throw new UnknownItemError(i.itemId);
}

export type NewSupplierInput = Omit<SupplierInput, 'id' | 'qualifications'> & {
	/** Qualifications without an id get a new one. */
	qualifications?: (Omit<QualificationInput, 'id'> & { id?: string })[];
};

export function createSupplier(ctx: CommandContext, input: NewSupplierInput): Supplier {
	requirePurchasing(ctx, CATALOG);
	const qualifications = (input.qualifications ?? []).map((q) => ({
		...q,
		id: q.id ?? ctx.ids.next()
	}));
	const supplier = parseOrThrow(supplierSchema, { ...input, qualifications, id: ctx.ids.next() });
	if (findByCode(readSuppliers(ctx.docs.catalog), supplier.code))
		throw new DuplicateSupplierCodeError(supplier.code);
	checkItems(ctx, supplier);
	save(ctx, 'createSupplier', supplier);
	return supplier;
}

/** Header fields only; items and qualifications have their own commands (they merge by key). */
export type SupplierPatch = Partial<Omit<SupplierInput, 'id' | 'items' | 'qualifications'>>;

export function updateSupplier(ctx: CommandContext, id: string, patch: SupplierPatch): Supplier {
	requirePurchasing(ctx, CATALOG);
	const all = readSuppliers(ctx.docs.catalog);
	const existing = all.find((s) => s.id === id);
	if (!existing) throw new UnknownSupplierError(id);
	const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
	const supplier = parseOrThrow(supplierSchema, { ...existing, ...changes, id });
	if (findByCode(all, supplier.code, id)) throw new DuplicateSupplierCodeError(supplier.code);
	save(ctx, 'updateSupplier', supplier);
	return supplier;
}

function existingSupplier(ctx: CommandContext, id: string): Supplier {
	const s = readSuppliers(ctx.docs.catalog).find((x) => x.id === id);
	if (!s) throw new UnknownSupplierError(id);
	return s;
}

export function addQualification(
	ctx: CommandContext,
	supplierId: string,
	input: Omit<QualificationInput, 'id'>
): Qualification {
	requirePurchasing(ctx, CATALOG);
	const supplier = existingSupplier(ctx, supplierId);
	const q = parseOrThrow(qualificationSchema, { ...input, id: ctx.ids.next() });
	save(ctx, 'addQualification', { ...supplier, qualifications: [...supplier.qualifications, q] });
	return q;
}

export function removeQualification(
	ctx: CommandContext,
	supplierId: string,
	qualificationId: string
): void {
	requirePurchasing(ctx, CATALOG);
	const supplier = existingSupplier(ctx, supplierId);
	save(
		ctx,
		'removeQualification',
		{
			...supplier,
			qualifications: supplier.qualifications.filter((q) => q.id !== qualificationId)
		},
		[qualificationId]
	);
}

/** Adds or changes the terms on which the supplier supplies one item. */
export function setSuppliedItem(
	ctx: CommandContext,
	supplierId: string,
	input: SuppliedItemInput
): void {
	requirePurchasing(ctx, CATALOG);
	const supplier = existingSupplier(ctx, supplierId);
	const terms = parseOrThrow(suppliedItemSchema, input);
	const next = {
		...supplier,
		items: [...supplier.items.filter((i) => i.itemId !== terms.itemId), terms]
	};
	checkItems(ctx, next);
	save(ctx, 'setSuppliedItem', next);
}

export type PriceInput = Omit<PriceListEntryInput, 'id'> & { id?: string };

/** Creates a price-list entry, or replaces the one with `id` (a new validity is a new entry). */
export function setPrice(ctx: CommandContext, input: PriceInput): PriceListEntry {
	const [entry] = setPrices(ctx, [input]);
	if (!entry) throw new Error('setPrices wrote nothing');
	return entry;
}

/** Several price-list entries in one transaction, all validated first (a price list import). */
export function setPrices(ctx: CommandContext, inputs: readonly PriceInput[]): PriceListEntry[] {
	requirePurchasing(ctx, CATALOG);
	const suppliers = new Set(readSuppliers(ctx.docs.catalog).map((x) => x.id));
	const items = new Set(readItems(ctx.docs.catalog).map((i) => i.id));
	const entries = inputs.map((input) => {
		if (!suppliers.has(input.supplierId)) throw new UnknownSupplierError(input.supplierId);
		if (!items.has(input.itemId)) throw new UnknownItemError(input.itemId);
		return parseOrThrow(priceListEntrySchema, { ...input, id: input.id ?? ctx.ids.next() });
	});
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			const targets = entries.map((e) => ({ record: 'priceList' as const, id: e.id }));
			auditedWrite(ctx, doc, 'setPrices', targets, () => {
				for (const entry of entries) writePriceEntry(doc, entry);
			});
		},
		commandOrigin(ctx, 'setPrices')
	);
	return entries;
}

export function setPurchasingPolicy(
	ctx: CommandContext,
	patch: Partial<
		Pick<PurchasingPolicy, 'approvalLimitsCents' | 'expiryWarnDays' | 'overReceiptTolerancePct'>
	>
): void {
	requireWrite(ctx, CATALOG);
	if (ctx.role !== 'admin') throw new ForbiddenError(ctx.role, 'change the purchasing policy');
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			writePurchasingPolicy(doc, patch);
		},
		commandOrigin(ctx, 'setPurchasingPolicy')
	);
}

// Suppliers imported from CSV or XLSX (供應商匯入): preview against the stored suppliers
// (a known code updates that supplier), then write every valid row in one transaction; rows the
// preview refused are left out (as items and customers do), a file problem blocks everything.

import { parseOrThrow } from '../../domain/parse';
import { supplierSchema } from '../../domain/purchasing/supplier';
import {
	supplierFromRow,
	supplierRow,
	suppliersImporter,
	type SupplierRow
} from '../../domain/purchasing/supplier-import';
import { planImport, previewImport, type ImportPreview } from '../../domain/tabular/importer';
import type { Source } from '../../domain/tabular/source';
import { CATALOG } from '../../doc/names';
import { ensureSchema } from '../../doc/schema';
import { readSuppliers, writeSupplier } from '../../doc/suppliers-doc';
import { auditedWrite } from '../audit';
import { commandOrigin, type CommandContext } from '../context';
import { requirePurchasing } from './suppliers';

export function previewSupplierImport(
	ctx: CommandContext,
	source: Source
): ImportPreview<SupplierRow> {
	requirePurchasing(ctx, CATALOG);
	return previewImport(suppliersImporter, source, readSuppliers(ctx.docs.catalog).map(supplierRow));
}

export function commitSupplierImport(
	ctx: CommandContext,
	preview: ImportPreview<SupplierRow>
): { created: number; updated: number } {
	requirePurchasing(ctx, CATALOG);
	const stored = readSuppliers(ctx.docs.catalog);
	const planned = planImport(suppliersImporter, preview, stored.map(supplierRow), () =>
		ctx.ids.next()
	);
	const suppliers = planned.map((p) =>
		parseOrThrow(
			supplierSchema,
			supplierFromRow(
				p.record,
				stored.find((s) => s.id === p.id)
			)
		)
	);
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			const targets = suppliers.map((s) => ({ record: 'supplier' as const, id: s.id }));
			auditedWrite(ctx, doc, 'importSuppliers', targets, () => {
				for (const s of suppliers) writeSupplier(doc, s);
			});
		},
		commandOrigin(ctx, 'importSuppliers')
	);
	const created = planned.filter((p) => p.created).length;
	return { created, updated: planned.length - created };
}

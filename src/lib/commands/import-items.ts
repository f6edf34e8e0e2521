// Items import (CSV or XLSX, read by the tabular pipeline): preview against the catalog,
// nothing written; then commit the preview's rows in one catalog transaction, or nothing.

import type { Item } from '../domain/catalog/entities';
import { itemsImporter } from '../domain/csv/items-csv';
import { planImport, previewImport, type ImportPreview } from '../domain/tabular/importer';
import { readCsv, type Source } from '../domain/tabular/source';
import { entityMap, readItems, writeEntity } from '../doc/catalog-doc';
import { CATALOG } from '../doc/names';
import { ensureSchema } from '../doc/schema';
import { changedSpecialFields, requireFields, requireRecord, requireWrite } from './access';
import { ITEM_DEFAULTS } from './catalog';
import { auditedWrite } from './audit';
import { commandOrigin, type CommandContext } from './context';

export type ItemsImportPreview = ImportPreview<Item>;

/** `source` is a file read by the tabular pipeline, or CSV text. */
export function previewItemsCsv(ctx: CommandContext, source: Source | string): ItemsImportPreview {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'item');
	const records = typeof source === 'string' ? readCsv(source) : source;
	return previewImport(itemsImporter, records, readItems(ctx.docs.catalog));
}

/**
 * Writes the preview's rows (refused rows are not among them) in one transaction. Every row
 * is validated before the transaction starts, so a failure writes nothing.
 */
export function importItemsCsv(
	ctx: CommandContext,
	preview: ItemsImportPreview
): { created: number; updated: number } {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'item');
	const doc = ctx.docs.catalog;
	const existing = new Map(readItems(doc).map((item) => [item.id, item]));
	const planned = planImport(itemsImporter, preview, [...existing.values()], () => ctx.ids.next());
	// A cost column is the cost right's (unless it repeats what the item holds).
	for (const p of planned) {
		const before = existing.get(p.id) ?? ITEM_DEFAULTS;
		requireFields(ctx, 'item', changedSpecialFields('item', p.record, before));
	}
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			const map = entityMap(doc, 'items');
			const targets = planned.map((p) => ({ record: 'item' as const, id: p.id }));
			auditedWrite(ctx, doc, 'importItemsCsv', targets, () => {
				for (const p of planned) writeEntity(map, p.id, p.record);
			});
		},
		commandOrigin(ctx, 'importItemsCsv')
	);
	const created = planned.filter((p) => p.created).length;
	return { created, updated: planned.length - created };
}

// Items CSV import: preview (parse + validate against the catalog, nothing written), then
// apply the valid rows in one catalog transaction.

import { findByCode } from '../domain/catalog/duplicates';
import { itemSchema } from '../domain/catalog/entities';
import {
	parseItemsCsv,
	type ItemsCsvError,
	type ItemsCsvPreview,
	type ItemsCsvRow
} from '../domain/csv/items-csv';
import { parseOrThrow } from '../domain/parse';
import { entityMap, readItems, writeEntity } from '../doc/catalog-doc';
import { CATALOG } from '../doc/names';
import { ensureSchema } from '../doc/schema';
import { requireWrite } from './access';
import { commandOrigin, type CommandContext } from './context';

export type { ItemsCsvError, ItemsCsvPreview, ItemsCsvRow };

export function previewItemsCsv(ctx: CommandContext, csvText: string): ItemsCsvPreview {
	requireWrite(ctx, CATALOG);
	return parseItemsCsv(csvText, readItems(ctx.docs.catalog));
}

/**
 * Applies the preview's valid rows. The catalog may have changed since the preview (a sync
 * arrived), so each row is matched by code again: a code that now exists updates that item.
 */
export function importItemsCsv(
	ctx: CommandContext,
	preview: ItemsCsvPreview
): { created: number; updated: number } {
	requireWrite(ctx, CATALOG);
	const doc = ctx.docs.catalog;
	const items = readItems(doc);
	const planned = preview.rows.map((row) => {
		const existing =
			(row.itemId !== undefined ? items.find((i) => i.id === row.itemId) : undefined) ??
			findByCode(items, row.input.code);
		const id = existing?.id ?? ctx.ids.next();
		return { id, created: !existing, item: parseOrThrow(itemSchema, { ...row.input, id }) };
	});
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			const map = entityMap(doc, 'items');
			for (const p of planned) writeEntity(map, p.id, p.item);
		},
		commandOrigin(ctx, 'importItemsCsv')
	);
	const created = planned.filter((p) => p.created).length;
	return { created, updated: planned.length - created };
}

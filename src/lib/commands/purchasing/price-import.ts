// Price-list import (價目表匯入): preview a CSV/XLSX file against the suppliers and items, then
// write every entry in one transaction (setPrices) — or nothing, when any row is refused or
// no longer matches the catalog at commit time.

import { normalizeCode } from '../../domain/catalog/entities';
import {
	previewPriceImport,
	resolvePriceRows,
	type PriceImportCatalog,
	type PriceRow
} from '../../domain/purchasing/price-import';
import type { ImportPreview } from '../../domain/tabular/importer';
import { ImportBlockedError } from '../../domain/tabular/problems';
import type { Source } from '../../domain/tabular/source';
import { CATALOG } from '../../doc/names';
import type { CommandContext } from '../context';
import { purchasingView } from './read';
import { requirePurchasing, setPrices } from './suppliers';

function catalogOf(ctx: CommandContext): PriceImportCatalog {
	const view = purchasingView(ctx);
	return {
		suppliers: view.suppliers,
		itemByCode: new Map(view.items.map((i) => [normalizeCode(i.code), i.id]))
	};
}

export function previewPriceListImport(
	ctx: CommandContext,
	source: Source
): ImportPreview<PriceRow> {
	requirePurchasing(ctx, CATALOG);
	return previewPriceImport(source, catalogOf(ctx));
}

export function commitPriceListImport(
	ctx: CommandContext,
	preview: ImportPreview<PriceRow>
): { created: number; updated: number } {
	if (preview.errors.length > 0 || preview.rows.length === 0)
		throw new ImportBlockedError('the file has refused rows');
	const resolved = resolvePriceRows(preview.rows, catalogOf(ctx));
	if (resolved.errors.length > 0)
		throw new ImportBlockedError(resolved.errors[0]?.message ?? 'rows no longer match');
	const written = setPrices(
		ctx,
		resolved.entries.map(({ id: _id, ...e }) => e)
	);
	return { created: written.length, updated: 0 };
}

// A supplier's price list (CSV or XLSX) imported as its quote on a request for quotation,
// through the tabular pipeline (domain/purchasing/quote-import.ts). The commit reads the
// request and the catalog again and refuses the whole file if any row no longer matches:
// a quote is imported whole or not at all.

import { normalizeCode } from '../../domain/catalog/entities';
import { InvalidFieldError } from '../../domain/errors';
import {
	previewQuoteImport,
	resolveQuoteRows,
	type QuoteImportContext,
	type QuoteRow
} from '../../domain/purchasing/quote-import';
import type { ImportPreview } from '../../domain/tabular/importer';
import { ImportBlockedError } from '../../domain/tabular/problems';
import type { Source } from '../../domain/tabular/source';
import type { CommandContext } from '../context';
import { purchasingView, requireSupplier } from './read';
import { recordQuote, requireRfq, type QuoteInput } from './rfq';
import { requirePurchasing } from './suppliers';

function importContext(ctx: CommandContext, rfqId: string, supplierId: string): QuoteImportContext {
	const { rfq } = requireRfq(ctx, rfqId);
	const view = purchasingView(ctx);
	const supplier = requireSupplier(view, supplierId);
	const itemByPartNo = new Map<string, string>();
	for (const s of supplier.items)
		if (s.supplierPartNo) itemByPartNo.set(normalizeCode(s.supplierPartNo), s.itemId);
	return {
		lines: rfq.lines,
		itemByCode: new Map(view.items.map((i) => [normalizeCode(i.code), i.id])),
		itemByPartNo,
		defaultLeadTimeDays: (itemId) =>
			supplier.items.find((s) => s.itemId === itemId)?.leadTimeDays ?? 7
	};
}

export function previewRfqQuoteImport(
	ctx: CommandContext,
	rfqId: string,
	supplierId: string,
	source: Source
): ImportPreview<QuoteRow> {
	requirePurchasing(ctx, 'orders');
	if (!supplierId) throw new InvalidFieldError('supplierId', 'required');
	return previewQuoteImport(source, importContext(ctx, rfqId, supplierId));
}

export function commitRfqQuoteImport(
	ctx: CommandContext,
	rfqId: string,
	quote: Omit<QuoteInput, 'lines' | 'source'>,
	preview: ImportPreview<QuoteRow>
): { created: number; updated: number } {
	if (preview.errors.length > 0 || preview.rows.length === 0)
		throw new ImportBlockedError('the file has refused rows');
	const resolved = resolveQuoteRows(preview.rows, importContext(ctx, rfqId, quote.supplierId));
	if (resolved.errors.length > 0)
		throw new ImportBlockedError(resolved.errors[0]?.message ?? 'rows no longer match');
	recordQuote(ctx, rfqId, { ...quote, source: 'import', lines: resolved.lines });
	return { created: resolved.lines.length, updated: 0 };
}

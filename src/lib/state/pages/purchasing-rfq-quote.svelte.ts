// A supplier's quote on a request for quotation, typed (a price and lead time per line, money
// and quantities through the one parsers) or imported from the supplier's CSV/XLSX price list
// through the tabular import view model (row errors translated; any refused row imports
// nothing).

import { parseMoneyToCents } from '../../domain/money/money';
import { parseQuantity } from '../../domain/quantity/quantity';
import {
	quoteImporter,
	type QuoteColumn,
	type QuoteRow
} from '../../domain/purchasing/quote-import';
import type { Currency } from '../../domain/purchasing/supplier';
import { recordQuote } from '../../commands/purchasing/rfq';
import { commitRfqQuoteImport, previewRfqQuoteImport } from '../../commands/purchasing/rfq-import';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import type { PurchasingData } from './purchasing-data.svelte';
import { TabularImport } from './tabular-import.svelte';
import { toast } from './toasts.svelte';

export class RfqQuoteModel {
	supplierId = $state('');
	currency = $state<Currency>('TWD');
	quotedOn = $state('');
	validTo = $state('');
	/** Line id → typed price and lead time. */
	prices = $state<Record<string, { price: string; lead: string }>>({});
	error = $state<string | null>(null);
	readonly importer: TabularImport<QuoteColumn, QuoteRow>;

	constructor(
		readonly ws: WorkspaceState,
		private readonly data: PurchasingData,
		private readonly id: () => string
	) {
		this.quotedOn = data.today;
		this.importer = new TabularImport(ws, quoteImporter, {
			preview: (ctx, source) => previewRfqQuoteImport(ctx, this.id(), this.supplierId, source),
			commit: (ctx, preview) => commitRfqQuoteImport(ctx, this.id(), this.header(), preview)
		});
	}

	private header() {
		return {
			supplierId: this.supplierId,
			currency: this.currency,
			quotedOn: this.quotedOn,
			validTo: this.validTo
		};
	}

	/** Picking a supplier takes its currency. */
	chooseSupplier(id: string): void {
		this.supplierId = id;
		this.currency = this.data.supplier(id)?.currency ?? 'TWD';
		this.importer.reset();
	}

	/** The typed price or lead time of a line ('' when untouched; never written while rendering). */
	typed(lineId: string, field: 'price' | 'lead'): string {
		return this.prices[lineId]?.[field] ?? '';
	}

	type(lineId: string, field: 'price' | 'lead', value: string): void {
		const row = this.prices[lineId] ?? { price: '', lead: '' };
		this.prices[lineId] = { ...row, [field]: value };
	}

	/** Saves the typed quote: lines left empty are not quoted. */
	save(): boolean {
		if (!this.supplierId) {
			this.error = t('rfq.chooseSupplier');
			return false;
		}
		const lines: { lineId: string; unitPriceCents: number; leadTimeDays: number }[] = [];
		for (const [lineId, v] of Object.entries(this.prices)) {
			if (!v.price.trim() && !v.lead.trim()) continue;
			const cents = parseMoneyToCents(v.price);
			const lead = parseQuantity(v.lead || '0');
			if (cents === null || !lead.ok || !Number.isInteger(lead.qty) || lead.qty < 0) {
				this.error = t('rfq.quoteInvalid');
				return false;
			}
			lines.push({ lineId, unitPriceCents: cents, leadTimeDays: lead.qty });
		}
		if (lines.length === 0) {
			this.error = t('rfq.quoteInvalid');
			return false;
		}
		const r = this.ws.run((ctx) =>
			recordQuote(ctx, this.id(), { ...this.header(), source: 'manual', lines })
		);
		if (!r.ok) {
			this.error = errorMessage(r.error);
			return false;
		}
		toast(t('rfq.quoteSaved', { supplier: this.data.supplierLabel(this.supplierId) }));
		this.prices = {};
		this.error = null;
		return true;
	}

	async importFile(file: File): Promise<void> {
		if (!this.supplierId) {
			this.error = t('rfq.chooseSupplier');
			return;
		}
		this.error = null;
		await this.importer.readFile(file);
	}

	applyImport(): void {
		if (this.importer.commit())
			toast(t('rfq.quoteSaved', { supplier: this.data.supplierLabel(this.supplierId) }));
	}
}

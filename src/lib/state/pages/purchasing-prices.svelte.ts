// View model of price lists and quotation comparison (價目表 / 比價): the entries with a form
// to add one (quantity breaks typed as money), and the comparison of every supplier's offer
// for one item at a needed quantity and date, ranked with visible, adjustable weights.

import { parseMoneyToCents } from '../../domain/money/money';
import { parseQuantity } from '../../domain/quantity/quantity';
import { applicableEntry } from '../../domain/purchasing/price-list';
import { addDays } from '../../domain/purchasing/qualification';
import {
	DEFAULT_WEIGHTS,
	rankOffers,
	type Offer,
	type OfferNote,
	type Ranking,
	type RankingWeights
} from '../../domain/purchasing/ranking';
import { supplierScorecard } from '../../domain/purchasing/scorecard';
import { suppliedItem, type Currency } from '../../domain/purchasing/supplier';
import type { Table } from '../../domain/tabular/table';
import { setPrice } from '../../commands/purchasing/suppliers';
import {
	commitPriceListImport,
	previewPriceListImport
} from '../../commands/purchasing/price-import';
import {
	priceImporter,
	type PriceColumn,
	type PriceRow
} from '../../domain/purchasing/price-import';
import { TabularImport } from './tabular-import.svelte';
import { errorMessage, fmtMoney, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PurchasingData } from './purchasing-data.svelte';
import { toast } from './toasts.svelte';

function blankEntry(today: string) {
	return {
		supplierId: '',
		itemId: '',
		currency: 'TWD' as Currency,
		validFrom: today,
		validTo: '',
		landedExtraPct: '0',
		source: 'list' as 'list' | 'quote',
		breaks: [
			{ minQty: '0', price: '' },
			{ minQty: '', price: '' },
			{ minQty: '', price: '' }
		]
	};
}

export class PricesPageModel {
	readonly data: PurchasingData;
	readonly canEdit: boolean;
	entry = $state(blankEntry(''));
	error = $state<string | null>(null);
	/** Comparison inputs. */
	itemId = $state('');
	neededQty = $state('100');
	needDate = $state('');
	weights: RankingWeights = $state({ ...DEFAULT_WEIGHTS });

	readonly ranking: Ranking | null = $derived.by(() => {
		const qty = parseQuantity(this.neededQty);
		if (!this.itemId || !qty.ok || qty.qty <= 0 || !this.needDate) return null;
		const { suppliers, priceList, orders, policy } = this.data.view;
		const today = this.data.today;
		const period = { from: addDays(today, -365), to: today, today };
		const offers: Offer[] = [];
		for (const supplier of suppliers) {
			const terms = suppliedItem(supplier, this.itemId);
			const entry = applicableEntry(priceList, supplier.id, this.itemId, today);
			if (!terms || !entry) continue;
			const card = supplierScorecard(supplier.id, orders, period);
			offers.push({
				supplier,
				terms,
				entry,
				onTimeRate: card.onTimeRate,
				qualityRate: card.qualityRate
			});
		}
		return rankOffers({
			offers,
			neededQty: qty.qty,
			needDate: this.needDate,
			today,
			weights: { ...this.weights },
			fxToBase: policy.fxToBase
		});
	});

	/** Price-list import (CSV/XLSX); any refused row imports nothing. */
	readonly importer: TabularImport<PriceColumn, PriceRow>;

	constructor(ws: WorkspaceState) {
		this.importer = new TabularImport(ws, priceImporter, {
			preview: previewPriceListImport,
			commit: commitPriceListImport
		});
		this.data = new PurchasingData(ws);
		this.canEdit = ['admin', 'purchasing'].includes(ws.role);
		this.entry = blankEntry(this.data.today);
		this.needDate = addDays(this.data.today, 14);
	}

	/** The recommendation in words: supplier, then the reasons that made it win. */
	reasonText(notes: readonly OfferNote[]): string {
		return notes.map((n) => t(`purchasing.note.${n}`)).join('、');
	}

	save(): void {
		const e = this.entry;
		const breaks: { minQty: number; unitPriceCents: number }[] = [];
		for (const b of e.breaks) {
			if (!b.minQty.trim() && !b.price.trim()) continue;
			const min = parseQuantity(b.minQty);
			const cents = parseMoneyToCents(b.price);
			if (!min.ok || cents === null) {
				this.error = t('purchasing.breakInvalid');
				return;
			}
			breaks.push({ minQty: min.qty, unitPriceCents: cents });
		}
		const extra = parseQuantity(e.landedExtraPct);
		if (!e.supplierId || !e.itemId || breaks.length === 0 || !extra.ok) {
			this.error = t('purchasing.entryIncomplete');
			return;
		}
		const r = this.data.ws.run((ctx) =>
			setPrice(ctx, {
				supplierId: e.supplierId,
				itemId: e.itemId,
				currency: e.currency,
				validFrom: e.validFrom,
				validTo: e.validTo,
				landedExtraPct: extra.qty,
				source: e.source,
				breaks
			})
		);
		if (r.ok) {
			toast(t('purchasing.priceSaved'));
			this.entry = blankEntry(this.data.today);
			this.error = null;
		} else this.error = errorMessage(r.error);
	}

	exportTable(): Table {
		return {
			headers: [
				t('purchasing.supplier'),
				t('purchasing.item'),
				t('purchasing.currency'),
				t('purchasing.validFrom'),
				t('purchasing.validTo'),
				t('purchasing.breaks'),
				t('purchasing.source')
			],
			rows: this.data.view.priceList.map((p) => [
				this.data.supplierLabel(p.supplierId),
				this.data.itemLabel(p.itemId),
				p.currency,
				p.validFrom,
				p.validTo,
				p.breaks.map((b) => `${b.minQty}:${fmtMoney(b.unitPriceCents)}`).join(' '),
				t(`purchasing.priceSource.${p.source}`)
			])
		};
	}

	/** Imports the previewed file; the toast names how many entries were written. */
	applyImport(): void {
		if (this.importer.commit())
			toast(t('purchasing.priceImported', { count: this.importer.result?.created ?? 0 }));
	}

	close(): void {
		this.data.close();
	}
}

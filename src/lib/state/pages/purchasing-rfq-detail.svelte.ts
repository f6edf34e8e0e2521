// View model of one request for quotation: the suppliers asked and what each quoted, send /
// cancel, the comparison of each line's quotes (ranked with visible, adjustable weights, the
// recommendation in words) and the award of a line to a supplier, which makes its draft PO.
// Quotes are typed or imported through RfqQuoteModel.

import { addDays } from '../../domain/purchasing/qualification';
import {
	DEFAULT_WEIGHTS,
	rankOffers,
	type Ranking,
	type RankingWeights
} from '../../domain/purchasing/ranking';
import { lineOffers, rfqSupplierIds } from '../../domain/purchasing/rfq-fold';
import type { RfqLine } from '../../domain/purchasing/rfq';
import { supplierScorecard } from '../../domain/purchasing/scorecard';
import { awardRfq, cancelRfq, sendRfq } from '../../commands/purchasing/rfq';
import { errorMessage, fmtMoney, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PurchasingData } from './purchasing-data.svelte';
import { RfqQuoteModel } from './purchasing-rfq-quote.svelte';
import { toast } from './toasts.svelte';

export class RfqDetailModel {
	readonly data: PurchasingData;
	readonly canEdit: boolean;
	readonly quote: RfqQuoteModel;
	weights: RankingWeights = $state({ ...DEFAULT_WEIGHTS });
	cancelReason = $state('');
	error = $state<string | null>(null);
	/** The PO made by the last award (the page links to it). */
	lastPo = $state<{ id: string; number: string } | null>(null);

	readonly o = $derived.by(() => this.data.rfqs.find((r) => r.rfq.id === this.id()));
	readonly open = $derived(
		this.o !== undefined && this.o.fold.status !== 'cancelled' && this.o.fold.status !== 'awarded'
	);
	/** Suppliers on the request with their quote's summary. */
	readonly suppliers = $derived.by(() => {
		const o = this.o;
		if (!o) return [];
		return rfqSupplierIds(o.rfq, o.fold).map((id) => {
			const q = o.fold.quotes.get(id);
			return {
				id,
				label: this.data.supplierLabel(id),
				asked: o.rfq.supplierIds.includes(id),
				quote: q
					? {
							quotedOn: q.quotedOn,
							validTo: q.validTo,
							source: q.source,
							currency: q.currency,
							lines: q.lines.length
						}
					: null
			};
		});
	});

	private readonly history = $derived.by(() => {
		const today = this.data.today;
		const period = { from: addDays(today, -365), to: today, today };
		const orders = this.data.view.orders;
		return (supplierId: string) => {
			const card = supplierScorecard(supplierId, orders, period);
			return { onTimeRate: card.onTimeRate, qualityRate: card.qualityRate };
		};
	});

	/** Each line with its ranked quotes and its award, if any. */
	readonly comparisons = $derived.by(() => {
		const o = this.o;
		if (!o) return [];
		const weights = { ...this.weights };
		return o.rfq.lines.map((line: RfqLine) => {
			const offers = lineOffers(
				o.rfq,
				o.fold,
				line,
				this.data.view.suppliers,
				this.history,
				this.data.today
			);
			const ranking: Ranking = rankOffers({
				offers,
				neededQty: line.qty,
				needDate: o.rfq.needDate,
				today: this.data.today,
				weights,
				fxToBase: this.data.view.policy.fxToBase
			});
			return { line, ranking, award: o.fold.awards.get(line.id) ?? null };
		});
	});

	constructor(
		ws: WorkspaceState,
		private readonly id: () => string
	) {
		this.data = new PurchasingData(ws);
		this.canEdit = ['admin', 'purchasing'].includes(ws.role);
		this.quote = new RfqQuoteModel(ws, this.data, id);
	}

	reasonText(notes: readonly string[]): string {
		return notes.map((n) => t(`purchasing.note.${n}` as 'purchasing.note.in-time')).join('、');
	}

	unitText(cents: number): string {
		return fmtMoney(cents);
	}

	send(): void {
		const r = this.data.ws.run((ctx) => sendRfq(ctx, this.id(), 'print'));
		if (r.ok) toast(t('rfq.sentToast'));
		else this.error = errorMessage(r.error);
	}

	cancel(): void {
		const r = this.data.ws.run((ctx) => cancelRfq(ctx, this.id(), this.cancelReason));
		if (r.ok) {
			toast(t('rfq.cancelledToast'));
			this.cancelReason = '';
		} else this.error = errorMessage(r.error);
	}

	/** Gives one line to a supplier: its draft PO at the quoted price. */
	award(lineId: string, supplierId: string): void {
		const r = this.data.ws.run((ctx) =>
			awardRfq(ctx, this.id(), { supplierId, lineIds: [lineId], orderDate: this.data.today })
		);
		if (r.ok) {
			this.lastPo = { id: r.value.poId, number: r.value.poNumber };
			toast(t('rfq.awardedToast', { number: r.value.poNumber }));
			this.error = null;
		} else this.error = errorMessage(r.error);
	}

	destroy(): void {
		this.data.close();
	}
}

// View model of one supplier: its scorecard over the last twelve months with the monthly
// trend, the items it supplies (part number, lead time, MOQ, multiple, preferred) with a form
// to add or change one, and its price-list entries.

import { parseQuantity } from '../../domain/quantity/quantity';
import { addDays } from '../../domain/purchasing/qualification';
import { supplierScorecard, type Scorecard } from '../../domain/purchasing/scorecard';
import { setSuppliedItem } from '../../commands/purchasing/suppliers';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PurchasingData } from './purchasing-data.svelte';
import { RecordHistoryModel } from './record-history.svelte';
import { toast } from './toasts.svelte';

function blankTerms() {
	return {
		itemId: '',
		supplierPartNo: '',
		leadTimeDays: '7',
		moq: '0',
		orderMultiple: '0',
		preferred: false
	};
}

export class SupplierDetailModel {
	readonly data: PurchasingData;
	/** The supplier's history, with its price-list entries' changes. */
	readonly history: RecordHistoryModel;
	readonly canEdit: boolean;
	terms = $state(blankTerms());
	error = $state<string | null>(null);

	readonly supplier = $derived.by(() => this.data.supplier(this.id()));
	readonly card: Scorecard | null = $derived.by(() => {
		const s = this.supplier;
		if (!s) return null;
		const today = this.data.today;
		return supplierScorecard(s.id, this.data.view.orders, {
			from: addDays(today, -365),
			to: today,
			today
		});
	});
	readonly prices = $derived.by(() =>
		this.data.view.priceList.filter((e) => e.supplierId === this.id())
	);
	readonly orders = $derived.by(() =>
		this.data.view.orders.filter((o) => o.po.supplierId === this.id()).reverse()
	);

	constructor(
		ws: WorkspaceState,
		private readonly id: () => string
	) {
		this.data = new PurchasingData(ws);
		this.history = new RecordHistoryModel(
			ws,
			'supplier',
			() => this.id() || null,
			() => this.prices.map((p) => ({ record: 'priceList' as const, id: p.id }))
		);
		this.canEdit = ['admin', 'purchasing'].includes(ws.role);
	}

	editTerms(itemId: string): void {
		const existing = this.supplier?.items.find((i) => i.itemId === itemId);
		this.terms = existing
			? {
					...existing,
					leadTimeDays: String(existing.leadTimeDays),
					moq: String(existing.moq),
					orderMultiple: String(existing.orderMultiple)
				}
			: { ...blankTerms(), itemId };
	}

	saveTerms(): void {
		const s = this.supplier;
		if (!s) return;
		const lead = parseQuantity(this.terms.leadTimeDays, { decimals: 0 });
		const moq = parseQuantity(this.terms.moq);
		const multiple = parseQuantity(this.terms.orderMultiple);
		if (!this.terms.itemId || !lead.ok || !moq.ok || !multiple.ok) {
			this.error = t('purchasing.termsInvalid');
			return;
		}
		const r = this.data.ws.run((ctx) =>
			setSuppliedItem(ctx, s.id, {
				itemId: this.terms.itemId,
				supplierPartNo: this.terms.supplierPartNo,
				leadTimeDays: lead.qty,
				moq: moq.qty,
				orderMultiple: multiple.qty,
				preferred: this.terms.preferred
			})
		);
		if (r.ok) {
			toast(t('purchasing.termsSaved'));
			this.terms = blankTerms();
			this.error = null;
		} else this.error = errorMessage(r.error);
	}

	close(): void {
		this.data.close();
		this.history.close();
	}
}

// View model of the purchase-order list (採購單): filter by status and text, export what is shown.

import { PO_STATUSES, type PoStatus } from '../../domain/purchasing/po-state-machine';
import { poTotals } from '../../domain/purchasing/purchase-order';
import type { Table } from '../../domain/tabular/table';
import { fmtMoney, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PurchasingData } from './purchasing-data.svelte';

/** Rows rendered at first; the list's last row asks for more (a year is 1,000+ orders). */
const PAGE_ROWS = 200;

export class PurchaseOrdersPageModel {
	readonly data: PurchasingData;
	readonly statuses = PO_STATUSES;
	query = $state('');
	status = $state<PoStatus | ''>('');

	readonly shown = $derived.by(() => {
		const q = this.query.trim().toLowerCase();
		return [...this.data.view.orders]
			.reverse()
			.filter(
				(o) =>
					(!this.status || o.fold.status === this.status) &&
					(!q ||
						`${o.po.number} ${this.data.supplierLabel(o.po.supplierId)}`.toLowerCase().includes(q))
			);
	});

	limit = $state(PAGE_ROWS);
	readonly shownRows = $derived(this.shown.slice(0, this.limit));

	showMore(): void {
		this.limit += PAGE_ROWS;
	}

	/** The last scan that matched no purchase order (shown under the toolbar). */
	scanMiss = $state<string | null>(null);

	constructor(ws: WorkspaceState) {
		this.data = new PurchasingData(ws);
	}

	/**
	 * A scanned PO number (wedge or camera, from the printed PO): the id of the order to
	 * receive, or null with the miss shown.
	 */
	scanned(code: string): string | null {
		const wanted = code.trim().toUpperCase();
		const found = this.data.view.orders.find((o) => o.po.number.toUpperCase() === wanted);
		this.scanMiss = found ? null : t('purchasing.scanNoPo', { code: code.trim() });
		return found?.po.id ?? null;
	}

	exportTable(): Table {
		return {
			headers: [
				t('purchasing.number'),
				t('purchasing.supplier'),
				t('purchasing.orderDate'),
				t('purchasing.status'),
				t('purchasing.currency'),
				t('purchasing.amount')
			],
			rows: this.shown.map((o) => [
				o.po.number,
				this.data.supplierLabel(o.po.supplierId),
				o.po.orderDate,
				t(`purchasing.status.${o.fold.status}`),
				o.po.currency,
				fmtMoney(poTotals(o.po.lines).netCents)
			])
		};
	}

	close(): void {
		this.data.close();
	}
}

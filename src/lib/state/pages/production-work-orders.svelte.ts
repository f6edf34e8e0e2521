// View model of the work-order list (工單): filter by status and text, late ones flagged,
// export what is shown.

import { WO_STATUSES, type WoStatus } from '../../domain/production/wo-state-machine';
import type { Table } from '../../domain/tabular/table';
import { fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { ProductionData } from './production-data.svelte';

export class WorkOrdersPageModel {
	readonly data: ProductionData;
	readonly canCreate: boolean;
	query = $state('');
	status = $state<WoStatus | ''>('');

	readonly statusOptions = $derived(
		WO_STATUSES.map((s) => ({ value: s, label: t(`production.status.${s}`) }))
	);

	/** Newest first (numbers grow per device and year). */
	readonly shown = $derived.by(() => {
		const q = this.query.trim().toLowerCase();
		return [...this.data.view.workOrders]
			.sort((a, b) => (a.order.createdAt < b.order.createdAt ? 1 : -1))
			.filter(
				(w) =>
					(!this.status || w.fold.status === this.status) &&
					(!q ||
						`${w.order.number} ${this.data.itemLabel(w.order.itemId)}`.toLowerCase().includes(q))
			);
	});

	constructor(ws: WorkspaceState) {
		this.data = new ProductionData(ws);
		this.canCreate = ws.canWrite('orders') && ['admin', 'production'].includes(ws.role);
	}

	exportTable(): Table {
		return {
			headers: [
				t('production.number'),
				t('production.item'),
				t('production.qty'),
				t('production.startDate'),
				t('production.dueDate'),
				t('production.warehouse'),
				t('production.status'),
				t('production.source')
			],
			rows: this.shown.map((w) => [
				w.order.number,
				this.data.itemLabel(w.order.itemId),
				fmtNumber(w.order.qty),
				w.order.startDate,
				w.order.dueDate,
				this.data.warehouseLabel(w.order.warehouseId),
				t(`production.status.${w.fold.status}`),
				t(`production.source.${w.order.source}`)
			])
		};
	}

	close(): void {
		this.data.close();
	}
}

// View model of the warehouse alerts dashboard: shortages, overstock, lots expiring within N
// days and slow movers, grouped (domain `groupAlerts`), for one warehouse or all; and the
// suppliers' qualifications expiring or expired (purchasing's fold, its warning days), so the
// reminder reaches the people who receive the goods too. Live: a remote change re-derives them.

import type { Item, Warehouse } from '../../domain/catalog/entities';
import type { Alert } from '../../domain/alerts/alerts';
import { ALERT_GROUPS, groupAlerts, type AlertGroup } from '../../domain/alerts/groups';
import {
	qualificationAlerts,
	type QualificationAlert
} from '../../domain/purchasing/qualification';
import type { Table } from '../../domain/tabular/table';
import { fmtNumber, fmtStamp, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PurchasingData } from './purchasing-data.svelte';
import { qualificationFlag } from './qualification-flag';
import { WarehouseFloor } from './warehouse-floor.svelte';

export class AlertsPage {
	readonly floor: WarehouseFloor;
	private readonly purchasing: PurchasingData;
	readonly groupIds = ALERT_GROUPS;

	readonly groups: Record<AlertGroup, Alert[]> = $derived.by(() => groupAlerts(this.floor.alerts));
	readonly warehouses: Warehouse[] = $derived.by(() =>
		[...this.ws.warehouses].sort((a, b) => a.code.localeCompare(b.code))
	);

	/** Qualifications of active suppliers expiring within purchasing's warning days, or expired. */
	readonly qualifications: QualificationAlert[] = $derived.by(() =>
		qualificationAlerts(
			this.purchasing.view.suppliers,
			this.purchasing.today,
			this.purchasing.view.policy.expiryWarnDays
		)
	);

	constructor(private readonly ws: WorkspaceState) {
		this.floor = new WarehouseFloor(ws);
		this.purchasing = new PurchasingData(ws);
	}

	close(): void {
		this.purchasing.close();
	}

	item(id: string): Item | undefined {
		return this.ws.item(id);
	}

	/** The line under the item: on hand against the limit, the lot, or the last issue. */
	detail(a: Alert): string {
		switch (a.kind) {
			case 'shortage':
				return t('alerts.shortageDetail', {
					onHand: fmtNumber(a.onHand),
					safety: fmtNumber(a.safetyStock)
				});
			case 'overstock':
				return t('alerts.overstockDetail', {
					onHand: fmtNumber(a.onHand),
					max: fmtNumber(a.maxStock)
				});
			case 'expiring':
			case 'expired':
				return `${a.lot} · ${a.expiry} · ${fmtNumber(a.onHand)} ${this.ws.item(a.itemId)?.unit ?? ''}`.trim();
			case 'slow-moving':
				return t('alerts.slowDetail', {
					onHand: fmtNumber(a.onHand),
					last: a.lastIssueAt ? fmtStamp(a.lastIssueAt) : t('alerts.never')
				});
		}
	}

	/** The badge text: days left, expired, or the kind. */
	flag(a: Alert): string {
		switch (a.kind) {
			case 'expiring':
				return t('alerts.daysLeft', { days: a.daysLeft });
			case 'expired':
				return t('alerts.expired');
			case 'shortage':
			case 'overstock':
			case 'slow-moving':
				return t(`alerts.kind.${a.kind}`);
		}
	}

	/** Every alert the dashboard shows, group by group, for ExportButton. */
	exportTable(): Table {
		return {
			headers: [
				t('alerts.col.group'),
				t('item.code'),
				t('item.name'),
				t('alerts.col.detail'),
				t('alerts.col.flag')
			],
			rows: [
				...ALERT_GROUPS.flatMap((g) =>
					this.groups[g].map((a) => {
						const item = this.ws.item(a.itemId);
						return [
							t(`alerts.group.${g}`),
							item?.code ?? a.itemId,
							item?.name ?? '',
							this.detail(a),
							this.flag(a)
						];
					})
				),
				...this.qualifications.map((q) => [
					t('alerts.group.qualifications'),
					q.supplierCode,
					q.supplierName,
					`${q.qualification.name || t(`purchasing.qualType.${q.qualification.type}`)} · ${q.qualification.expiresOn}`,
					qualificationFlag(q)
				])
			]
		};
	}
}

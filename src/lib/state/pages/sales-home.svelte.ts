// The sales landing page (業務總覽): the board folded into the KPIs a sales manager reads
// first (domain/orders/sales-kpis), this month's shipped value against last month's, and the
// customers most likely to reorder soon. Each number has a board link with the same filter.
// The page renders `tiles` and `reorderRows` as they are.

import { buildBoard, type Board } from '../../domain/orders/board';
import { estimateRepurchases } from '../../domain/orders/repurchase';
import {
	previousMonth,
	salesKpis,
	topReorderCustomers,
	type ReorderCustomer,
	type SalesKpis
} from '../../domain/orders/sales-kpis';
import { readOrders } from '../../doc/orders-doc';
import { resolve } from '$app/paths';
import type { KpiTile, KpiTone } from '../../components/KpiCard.svelte';
import { fmtCurrencyWhole, fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { CustomersModel } from './customers.svelte';
import { addDays, localDayOfStamp, localToday } from './orders-board-helpers';
import { purchaseHistory } from './orders-repurchase.svelte';

/** The on-time rate looks back this many days (a quarter: recent enough to act on). */
export const ON_TIME_WINDOW_DAYS = 90;
const TOP_REORDER = 5;

type SalesTileId =
	'open' | 'late' | 'over-allocated' | 'due-today' | 'ready' | 'shipped' | 'on-time';

/** One headline number, linking to the board with the same filter. */
export interface SalesTile extends KpiTile {
	id: SalesTileId;
	hint: string;
	tone: KpiTone;
	href: string;
	trend: 'up' | 'down' | 'flat';
}

/** A tile as `buildTiles` writes it: the board link's query string, the trend if any. */
type TileSpec = Omit<SalesTile, 'href' | 'trend' | 'testid' | 'valueTestid'> & {
	query: string;
	trend?: SalesTile['trend'];
};

function salesTile({ query, trend = 'flat', ...spec }: TileSpec): SalesTile {
	return {
		...spec,
		trend,
		href: `${resolve('/sales/board')}${query}`,
		testid: `sales-kpi-${spec.id}`,
		valueTestid: 'sales-kpi-value'
	};
}

/** A customer likely to reorder soon, as the list shows it. */
export interface ReorderRow extends ReorderCustomer {
	code: string;
	name: string;
	dueText: string;
	overdue: boolean;
}

function dueText(dueInDays: number): string {
	if (dueInDays < 0) return t('reorder.overdue', { days: -dueInDays });
	if (dueInDays === 0) return t('reorder.dueToday');
	return t('reorder.dueIn', { days: dueInDays });
}

export class SalesHomeModel {
	today = $state(localToday());
	nowMs = $state(Date.now());

	readonly board: Board = $derived.by(() => {
		void this.ws.docRevision.orders;
		return buildBoard(this.orders(), this.ws.balances, this.today, this.ws.heldLocations);
	});

	readonly kpis: SalesKpis = $derived(
		salesKpis({
			orders: this.board.orders,
			today: this.today,
			onTimeSince: addDays(this.today, -ON_TIME_WINDOW_DAYS),
			dayOf: localDayOfStamp
		})
	);

	readonly thisMonth: string = $derived(this.today.slice(0, 7));
	readonly shippedThisMonth: number = $derived(this.kpis.shippedByMonth.get(this.thisMonth) ?? 0);
	readonly shippedLastMonth: number = $derived(
		this.kpis.shippedByMonth.get(previousMonth(this.thisMonth)) ?? 0
	);

	readonly reorder: ReorderCustomer[] = $derived.by(() => {
		void this.ws.docRevision.orders;
		const estimates = estimateRepurchases(purchaseHistory(this.ws), { nowMs: this.nowMs });
		return topReorderCustomers(estimates, TOP_REORDER);
	});

	get canCreateOrder(): boolean {
		return this.ws.canWriteRecord('salesOrder');
	}

	readonly tiles: SalesTile[] = $derived.by(() => this.buildTiles());

	readonly reorderRows: ReorderRow[] = $derived(
		this.reorder.map((r) => {
			const c = this.customers.byId(r.customerId);
			return {
				...r,
				code: c?.code ?? '',
				name: c?.name ?? r.customerId,
				dueText: dueText(r.dueInDays),
				overdue: r.dueInDays < 0
			};
		})
	);

	private readonly ws: WorkspaceState;
	private readonly customers: CustomersModel;

	constructor(ws: WorkspaceState) {
		this.ws = ws;
		this.customers = new CustomersModel(ws);
	}

	/** Move the clock on (the page calls this every minute): today's board and estimates. */
	tick(): void {
		this.today = localToday();
		this.nowMs = Date.now();
	}

	close(): void {
		this.customers.close();
	}

	private buildTiles(): SalesTile[] {
		const k = this.kpis;
		const level = (n: number, tone: KpiTone): KpiTone => (n > 0 ? tone : 'neutral');
		const shippedTrend =
			this.shippedThisMonth > this.shippedLastMonth
				? 'up'
				: this.shippedThisMonth < this.shippedLastMonth
					? 'down'
					: 'flat';
		const onTime =
			k.onTimeRate === null ? '—' : `${fmtNumber(Math.round(k.onTimeRate * 1000) / 10)}%`;
		const tile = salesTile;
		return [
			tile({
				id: 'open',
				label: t('sales.kpi.open'),
				value: fmtNumber(k.open),
				hint: t('sales.kpi.openValue', { amount: fmtCurrencyWhole(k.openValueCents) }),
				icon: 'cart',
				tone: 'blue',
				query: '?only=open'
			}),
			tile({
				id: 'late',
				label: t('sales.kpi.late'),
				value: fmtNumber(k.late),
				hint: t('sales.kpi.lateHint'),
				icon: 'alert',
				tone: level(k.late, 'amber'),
				query: '?late=1'
			}),
			tile({
				id: 'over-allocated',
				label: t('sales.kpi.overAllocated'),
				value: fmtNumber(k.overAllocated),
				hint: t('sales.kpi.overAllocatedHint'),
				icon: 'x',
				tone: level(k.overAllocated, 'red'),
				query: '?only=over-allocated'
			}),
			tile({
				id: 'due-today',
				label: t('sales.kpi.dueToday'),
				value: fmtNumber(k.dueByToday),
				hint: t('sales.kpi.dueTodayHint'),
				icon: 'issue',
				tone: level(k.dueByToday, 'blue'),
				query: '?only=open&due=today'
			}),
			tile({
				id: 'ready',
				label: t('sales.kpi.ready'),
				value: fmtNumber(k.backorderReady),
				hint: t('sales.kpi.readyHint'),
				icon: 'check',
				tone: level(k.backorderReady, 'green'),
				query: '?only=ready'
			}),
			tile({
				id: 'shipped',
				label: t('sales.kpi.shipped'),
				value: fmtCurrencyWhole(this.shippedThisMonth),
				hint: t('sales.kpi.vsLastMonth', { amount: fmtCurrencyWhole(this.shippedLastMonth) }),
				icon: 'coins',
				tone: 'green',
				query: '',
				trend: shippedTrend
			}),
			tile({
				id: 'on-time',
				label: t('sales.kpi.onTime'),
				value: onTime,
				hint:
					k.onTimeRate === null
						? t('sales.kpi.noDeliveries', { days: ON_TIME_WINDOW_DAYS })
						: t('sales.kpi.onTimeHint', {
								days: ON_TIME_WINDOW_DAYS,
								onTime: k.deliveredOnTime,
								delivered: k.delivered
							}),
				icon: 'history',
				tone: k.onTimeRate !== null && k.onTimeRate < 0.9 ? 'amber' : 'neutral',
				query: ''
			})
		];
	}

	private orders() {
		return readOrders(this.ws.runtime.docs.shared('orders')).orders;
	}
}

// View model of the warehouse landing page: the headline counts (items, warehouses, low, out,
// value at standard cost), whether the getting-started guide still shows, the items that need
// attention and the latest movements, each row with its item resolved for display.

import { stockAttention } from '../../domain/ledger/attention';
import type { Movement } from '../../domain/ledger/movement';
import { stockValue, type StockStatus } from '../../domain/ledger/summary';
import type { KpiTile } from '../../components/KpiCard.svelte';
import { fmtCurrencyWhole, fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';

const ATTENTION_ROWS = 8;
const RECENT_ROWS = 8;
/** While the movement projection fills after a first load, retry this often, this many times. */
const RECENT_RETRY_MS = 1000;
const RECENT_RETRIES = 10;

/** One headline number, with the list behind it. */
export interface WarehouseTile extends KpiTile {
	id: 'items' | 'warehouses' | 'low' | 'out' | 'value';
	href: string;
}

export interface AttentionRow {
	itemId: string;
	code: string;
	name: string;
	unit: string;
	onHand: number;
	safetyStock: number;
	status: StockStatus;
}

export interface RecentRow {
	movement: Movement;
	/** The item's code, or its id when the catalog does not know it (yet). */
	code: string;
	name: string;
}

export class WarehouseHomeModel {
	/** The latest movements, newest first; empty until `watchRecent` loaded them. */
	private recentMovements = $state.raw<Movement[]>([]);
	recentLoaded = $state(false);

	readonly attention = $derived.by(() => stockAttention(this.ws.stock, ATTENTION_ROWS));
	readonly lowCount: number = $derived(this.attention.low);
	readonly outCount: number = $derived(this.attention.out);
	/** On hand plus goods in transit between our warehouses (still ours). */
	readonly value = $derived.by(() => stockValue(this.ws.items, this.ws.balances));
	readonly valueCents: number = $derived(this.value.totalCents);
	readonly itemCount: number = $derived.by(() => this.ws.items.length);
	readonly warehouseCount: number = $derived.by(() => this.ws.warehouses.length);
	readonly hasStock: boolean = $derived.by(() => this.ws.balances.some((b) => b.qty !== 0));
	readonly setupDone: boolean = $derived(
		this.warehouseCount > 0 && this.itemCount > 0 && this.hasStock
	);

	readonly tiles: WarehouseTile[] = $derived.by(() => [
		{
			id: 'items',
			label: t('home.kpi.items'),
			value: fmtNumber(this.itemCount),
			icon: 'box',
			tone: 'neutral',
			href: '/items'
		},
		{
			id: 'warehouses',
			label: t('home.kpi.warehouses'),
			value: fmtNumber(this.warehouseCount),
			icon: 'warehouse',
			tone: 'neutral',
			href: '/warehouses'
		},
		{
			id: 'low',
			valueTestid: 'home-kpi-low',
			label: t('home.kpi.low'),
			value: fmtNumber(this.lowCount),
			icon: 'alert',
			tone: this.lowCount > 0 ? 'amber' : 'neutral',
			href: '/stock?status=low'
		},
		{
			id: 'out',
			label: t('home.kpi.out'),
			value: fmtNumber(this.outCount),
			icon: 'x',
			tone: this.outCount > 0 ? 'red' : 'neutral',
			href: '/stock?status=out'
		},
		{
			id: 'value',
			valueTestid: 'home-kpi-value',
			label: t('home.kpi.value'),
			value: fmtCurrencyWhole(this.valueCents),
			icon: 'coins',
			tone: 'green',
			hint:
				this.value.inTransitCents !== 0
					? t('home.kpi.valueInTransit', { value: fmtCurrencyWhole(this.value.inTransitCents) })
					: undefined,
			href: '/stock?view=warehouse'
		}
	]);

	readonly attentionRows: AttentionRow[] = $derived.by(() =>
		this.attention.top.map((s) => {
			const item = this.ws.item(s.itemId);
			return {
				itemId: s.itemId,
				code: item?.code ?? '',
				name: item?.name ?? '',
				unit: item?.unit ?? '',
				onHand: s.onHand,
				safetyStock: item?.safetyStock ?? 0,
				status: s.status
			};
		})
	);

	readonly recent: RecentRow[] = $derived.by(() =>
		this.recentMovements.map((m) => {
			const item = this.ws.item(m.itemId);
			return { movement: m, code: item?.code ?? m.itemId, name: item?.name ?? '' };
		})
	);

	constructor(private readonly ws: WorkspaceState) {}

	get canRecord(): boolean {
		return this.ws.canWrite('ledger');
	}

	/**
	 * Load the latest movements, again whenever balances change (a local or remote movement
	 * arrived). Call inside an `$effect`; returns its cleanup.
	 */
	watchRecent(): () => void {
		void this.ws.balances;
		let cancelled = false;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const load = (attempt: number): void => {
			void this.ws.movements({ limit: RECENT_ROWS }).then((list) => {
				if (cancelled) return;
				this.recentMovements = list;
				this.recentLoaded = true;
				// On first load the movement projection may still be filling: retry while empty.
				if (list.length === 0 && this.ws.balances.length > 0 && attempt < RECENT_RETRIES)
					timer = setTimeout(() => load(attempt + 1), RECENT_RETRY_MS);
			});
		};
		load(0);
		return () => {
			cancelled = true;
			clearTimeout(timer);
		};
	}
}

// View model of the movement history: newest first (by HLC stamp), filtered by item,
// warehouse and reason, a page at a time from the device's movement projection; closed months
// are not kept on the device and are downloaded a month at a time on request.
import type { Item, Warehouse } from '../../domain/catalog/entities';
import { normalizeCode } from '../../domain/catalog/entities';
import { previousMonth } from '../../domain/ledger/period';
import { MOVEMENT_REASONS, type Movement, type MovementReason } from '../../domain/ledger/movement';
import type { Table } from '../../domain/tabular/table';
import { fmtStamp, t } from '../../i18n';
import { connection } from '../connection.svelte';
import type { WorkspaceState } from '../workspace.svelte';
import { deviceLabel } from '../device-label';
import { placeLabel } from './place-label';

const PAGE = 50;

/** What the item filter needs of an item (the item picker's shape). */
export type FilterItem = Pick<Item, 'id' | 'code' | 'name' | 'unit' | 'barcode' | 'category'>;

/** Opening balances are folded into a month's snapshot, never listed as movements. */
export const LISTED_REASONS: readonly MovementReason[] = MOVEMENT_REASONS.filter(
	(r) => r !== 'opening'
);

const newestFirst = (a: Movement, b: Movement): number => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

/** A late movement carried forward is listed in the open month already. */
function closedNotListed(open: readonly Movement[], closed: readonly Movement[]): Movement[] {
	const listed: ReadonlySet<string> = new Set(open.map((m) => m.id));
	return closed.filter((m) => !listed.has(m.id));
}

export class MovementsPageModel {
	filterItem = $state<FilterItem | null>(null);
	warehouseId = $state('');
	reason = $state<MovementReason | ''>('');
	list = $state<Movement[]>([]);
	loading = $state(false);
	exhausted = $state(false);
	closedLoaded = $state<string[]>([]);
	loadingClosed = $state(false);
	private closedRows = $state<Movement[]>([]);

	constructor(private readonly ws: WorkspaceState) {}

	get canWrite(): boolean {
		return this.ws.canWrite('ledger');
	}

	readonly warehouses: Warehouse[] = $derived.by(() =>
		[...this.ws.warehouses].sort((a, b) => a.code.localeCompare(b.code))
	);

	/** A new device still receiving the history says so rather than "nothing here". */
	readonly stillLoading = $derived.by(
		() =>
			this.list.length === 0 &&
			(this.loading ||
				!this.ws.ready ||
				connection.status === 'connecting' ||
				connection.status === 'syncing')
	);

	/** The last closed month, if any. */
	readonly closedThrough: string | null = $derived.by(() => {
		void this.ws.items; // the catalog changed: a close may have moved it
		return this.ws.runtime.closedThrough;
	});

	/** The closed month "load" fetches next (going back), or null when none is left. */
	readonly nextClosed: string | null = $derived.by(() => {
		const through = this.closedThrough;
		if (through === null) return null;
		const loaded = this.closedLoaded.at(-1) ?? null;
		const next = loaded === null ? through : previousMonth(loaded);
		return this.ws.runtime.ledgerMonths.includes(next) ? next : null;
	});

	/** The open months' rows, then (once they are exhausted) the downloaded closed months'. */
	readonly rows: Movement[] = $derived.by(() => {
		if (!this.exhausted) return this.list;
		const closed = closedNotListed(this.list, this.closedRows).filter(
			(m) =>
				(!this.filterItem || m.itemId === this.filterItem.id) &&
				(!this.warehouseId || m.warehouseId === this.warehouseId) &&
				(!this.reason || m.reason === this.reason)
		);
		return [...this.list, ...closed];
	});

	private query(beforeAt?: string) {
		return {
			itemId: this.filterItem?.id,
			warehouseId: this.warehouseId || undefined,
			reason: this.reason || undefined,
			limit: PAGE,
			beforeAt
		};
	}

	/**
	 * Loads the first page for the current filters. Run it in an effect: it reads the filters
	 * and the balances (a new local or remote movement), and returns the cancel function.
	 */
	reload(): () => void {
		const q = this.query();
		void this.ws.balances;
		let cancelled = false;
		this.loading = true;
		void this.ws.movements(q).then((rows) => {
			if (cancelled) return;
			this.list = rows;
			this.exhausted = rows.length < PAGE;
			this.loading = false;
		});
		return () => {
			cancelled = true;
		};
	}

	async loadMore(): Promise<void> {
		const last = this.list.at(-1);
		if (!last) return;
		this.loading = true;
		const rows = await this.ws.movements(this.query(last.at));
		this.list = [...this.list, ...rows];
		this.exhausted = rows.length < PAGE;
		this.loading = false;
	}

	async loadClosed(): Promise<void> {
		const month = this.nextClosed;
		if (!month) return;
		this.loadingClosed = true;
		const rows = await this.ws.runtime.closedMonthMovements(month);
		this.closedRows = [...this.closedRows, ...rows].sort(newestFirst);
		this.closedLoaded = [...this.closedLoaded, month];
		this.loadingClosed = false;
	}

	item(m: Movement): Item | undefined {
		return this.ws.item(m.itemId);
	}

	/** The device's sign-in name, never its id. */
	deviceLabel = (id: string): string => deviceLabel(id);

	place(m: Movement): string {
		return placeLabel(this.ws, m);
	}

	searchItems(text: string): Item[] {
		return this.ws.searchItems(text, 20);
	}

	/** Exact code or barcode, for scanners that type the code and press Enter. */
	findExact(text: string): Item | undefined {
		const code = normalizeCode(text);
		return this.ws.items.find((i) => normalizeCode(i.code) === code || i.barcode === text.trim());
	}

	/** The rows shown (filters applied), for ExportButton. */
	exportTable(): Table {
		return {
			headers: [
				t('movements.time'),
				t('movements.reason'),
				t('item.code'),
				t('item.name'),
				t('movements.position'),
				t('movements.lot'),
				t('movement.expiry'),
				t('movements.qty'),
				t('item.unit'),
				t('movements.user'),
				t('movements.device'),
				t('movements.ref'),
				t('movement.note')
			],
			rows: this.rows.map((m) => {
				const item = this.item(m);
				return [
					fmtStamp(m.at),
					t(`reason.${m.reason}`),
					item?.code ?? m.itemId,
					item?.name ?? '',
					this.place(m),
					m.lot ?? '',
					m.expiry ?? '',
					m.qty,
					item?.unit ?? '',
					m.user,
					deviceLabel(m.device),
					m.ref ?? '',
					m.note ?? ''
				];
			})
		};
	}
}

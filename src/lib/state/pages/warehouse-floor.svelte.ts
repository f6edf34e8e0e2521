// View model of the warehouse dashboard pages (alerts, lot trace, labels): the movement set
// and lot fold this device holds, re-derived when balances change (every ledger change).

import { formatStamp } from '../../domain/clock/hlc';
import { computeAlerts, type Alert } from '../../domain/alerts/alerts';
import type { Movement } from '../../domain/ledger/movement';
import { lotFactsOf, type LotSummary } from '../../domain/lots/lot-fold';
import { traceLot, type LotTrace } from '../../domain/lots/trace';
import { allocatePick, type Allocation, type Pick } from '../../domain/picking/allocate';
import { recordIssue } from '../../commands/movements';
import {
	ledgerLots,
	ledgerMovements,
	ledgerOpening,
	ledgerReadable
} from '../../commands/ledger-cache';
import type { WorkspaceState } from '../workspace.svelte';

const DAY_MS = 86_400_000;

/** Today in the device's calendar, YYYY-MM-DD (en-CA formats dates that way). */
export function localToday(nowMs: number): string {
	return new Intl.DateTimeFormat('en-CA', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(nowMs);
}

export class WarehouseFloor {
	expiryWithinDays = $state(30);
	slowDays = $state(90);
	warehouseId = $state('');

	movements: Movement[] = $derived.by(() => {
		void this.ws.balances;
		return ledgerReadable(this.ws.runtime) ? ledgerMovements(this.ws.runtime) : [];
	});
	private static readonly NO_LOTS: ReadonlyMap<string, LotSummary> = new Map(); // eslint-disable-line svelte/prefer-svelte-reactivity -- never mutated
	lots: ReadonlyMap<string, LotSummary> = $derived.by(() => {
		void this.ws.balances;
		return ledgerReadable(this.ws.runtime) ? ledgerLots(this.ws.runtime) : WarehouseFloor.NO_LOTS;
	});

	alerts: Alert[] = $derived.by(() => {
		const now = Date.now();
		return computeAlerts({
			items: this.ws.items,
			balances: this.ws.balances,
			lots: this.lots.values(),
			movements: this.movements,
			today: localToday(now),
			expiryWithinDays: this.expiryWithinDays,
			slowSince: formatStamp({ wallMs: now - this.slowDays * DAY_MS, counter: 0, device: '0' }),
			warehouseId: this.warehouseId || undefined,
			lastIssues: ledgerReadable(this.ws.runtime)
				? (ledgerOpening(this.ws.runtime)?.lastIssues ?? [])
				: []
		});
	});

	constructor(private readonly ws: WorkspaceState) {}

	/** Lots of one item (with a lot), earliest expiry first. */
	lotsOf(itemId: string): LotSummary[] {
		return [...this.lots.values()]
			.filter((l) => l.itemId === itemId && l.lot !== '')
			.sort(
				(a, b) =>
					(a.expiry ?? '9999').localeCompare(b.expiry ?? '9999') || a.lot.localeCompare(b.lot)
			);
	}

	/** Every lot with stock or history, for the label and trace pickers. */
	allLots(): LotSummary[] {
		return [...this.lots.values()].filter((l) => l.lot !== '');
	}

	/** Pick suggestions by the item's policy (FEFO skips expired lots), in walking order. */
	suggestPicks(itemId: string, warehouseId: string, qty: number): Allocation {
		const item = this.ws.item(itemId);
		return allocatePick({
			itemId,
			warehouseId,
			qty,
			policy: item?.pickPolicy ?? 'fifo',
			balances: this.ws.balances,
			lotInfo: lotFactsOf(this.lots, itemId),
			locations: this.ws.locationsOf(warehouseId),
			notExpiredOn: item?.pickPolicy === 'fefo' ? localToday(Date.now()) : undefined
		});
	}

	/** Confirming a pick writes the issue movement for that bin and lot. */
	confirmPick(itemId: string, warehouseId: string, pick: Pick, ref: string) {
		const item = this.ws.item(itemId);
		return this.ws.run((ctx) =>
			recordIssue(ctx, {
				itemId,
				warehouseId,
				locationId: pick.locationId || undefined,
				lot: pick.lot || undefined,
				qty: pick.qty,
				unit: item?.unit ?? '',
				ref: ref.trim() || undefined
			})
		);
	}

	trace(itemId: string, lot: string): LotTrace {
		// The lot's first receipt survives a close in the lot facts the opening carries.
		const first = this.lots.get(`${itemId}|${lot}`)?.firstReceivedAt;
		return traceLot(this.movements, itemId, lot, first ? { firstReceivedAt: first } : {});
	}
}

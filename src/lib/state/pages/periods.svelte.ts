// View model of the period close page (月結): the ledger months with their status, the last
// close's figures, the next month to close with what blocks it, what this device lacks to
// close it (role, connection, unsynced changes), and the close itself.

import {
	closeBlockers,
	closePeriod,
	periodRows,
	PERIOD_CLOSERS,
	type CloseBlocker
} from '../../commands/period-close';
import { readCountSessions } from '../../doc/counts-doc';
import { monthOfMs } from '../../doc/names';
import { readClosedThrough } from '../../doc/period-doc';
import { openingTotals, type OpeningBalances } from '../../domain/ledger/period';
import { connection } from '../connection.svelte';
import type { RunResult, WorkspaceState } from '../workspace.svelte';
import {
	closeCandidate,
	closeGates,
	listedMonths,
	periodStatus,
	type CloseGate,
	type PeriodStatus
} from './period-status';

export { monthEndMs, type CloseGate, type PeriodStatus } from './period-status';

export interface PeriodView {
	month: string;
	status: PeriodStatus;
}

/** A blocker with what the page needs to link it (the stocktake's id). */
export type PeriodBlocker = CloseBlocker & { countId?: string };

export interface CloseSummary {
	record: OpeningBalances;
	/** Stock positions carried into the opening. */
	positions: number;
	/** Their quantities summed (base units of mixed items: a check figure, not a total). */
	qty: number;
}

function summarize(record: OpeningBalances): CloseSummary {
	const totals = openingTotals(record);
	return { record, positions: totals.positions, qty: totals.qty };
}

const MINUTE_MS = 60_000;

export class PeriodBook {
	/** Wall time the page reasons with; `tick()` moves it so a month can end while it is open. */
	nowMs = $state(Date.now());
	/** The close this page just ran (shown as its result). */
	justClosed = $state<CloseSummary | null>(null);

	nowMonth: string = $derived(monthOfMs(this.nowMs));

	/** The last closed month, or null. Re-read on every catalog publish. */
	closedThrough: string | null = $derived.by(() => {
		void this.ws.ledgerMonths;
		return readClosedThrough(this.ws.runtime.docs.catalog);
	});

	/** Newest first; the current month is listed even before anything is posted into it. */
	rows: PeriodView[] = $derived.by(() =>
		listedMonths(this.ws.ledgerMonths, this.nowMonth).map((month) => ({
			month,
			status: periodStatus(month, this.closedThrough, this.nowMonth)
		}))
	);

	/** The last close's record, once this device holds the opening it wrote. */
	lastClose: CloseSummary | null = $derived.by(() => {
		void this.ws.balances;
		if (this.closedThrough === null) return null;
		const row = periodRows(this.ws.runtime.context()).find((r) => r.close !== null);
		return row?.close ? summarize(row.close) : null;
	});

	candidate: string = $derived.by(() =>
		closeCandidate(this.ws.ledgerMonths, this.closedThrough, this.nowMonth)
	);

	blockers: PeriodBlocker[] = $derived.by(() => {
		void this.ws.ledgerMonths;
		void this.ws.balances;
		void this.ws.docRevision.counts;
		const ctx = this.ws.runtime.context();
		const found = closeBlockers(ctx, this.candidate, this.nowMonth);
		if (!found.some((b) => b.kind === 'open-count')) return found;
		const sessions = readCountSessions(ctx.docs.shared('counts')).sessions;
		return found.map((b) => {
			if (b.kind !== 'open-count') return b;
			const id = sessions.find((s) => s.number === b.number)?.id;
			return id ? { ...b, countId: id } : b;
		});
	});

	gates: CloseGate[] = $derived.by(() =>
		closeGates({
			mayClose: (PERIOD_CLOSERS as readonly string[]).includes(this.ws.role),
			status: connection.status,
			pending: connection.pending
		})
	);

	canClose: boolean = $derived(this.blockers.length === 0 && this.gates.length === 0);

	constructor(private readonly ws: WorkspaceState) {}

	tick(nowMs = Date.now()): void {
		// Only re-derive when the minute moved: blockers read the docs.
		if (Math.floor(nowMs / MINUTE_MS) !== Math.floor(this.nowMs / MINUTE_MS)) this.nowMs = nowMs;
	}

	close(month: string): RunResult<CloseSummary> {
		const result = this.ws.run((ctx) => summarize(closePeriod(ctx, month)));
		if (result.ok) this.justClosed = result.value;
		return result;
	}
}

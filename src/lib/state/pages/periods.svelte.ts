// View model of the period close page (月結): the ledger months with their status, the last
// close's figures, the next month to close with what blocks it, what this device lacks to
// close it (role, connection, unsynced changes), the confirmation and the close itself.

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
import { nextMonth, openingTotals, type OpeningBalances } from '../../domain/ledger/period';
import type { MonthFigures } from '../../domain/accounting/book';
import type { Table } from '../../domain/tabular/table';
import type { KpiTile } from '../../components/KpiCard.svelte';
import { errorMessage, fmtCurrency, fmtMonth, fmtNumber, fmtStamp, t } from '../../i18n';
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
import { blockerText, gateText } from './period-reasons';

export { monthEndMs, type CloseGate, type PeriodStatus } from './period-status';

export interface PeriodView {
	month: string;
	status: PeriodStatus;
	/** A closed month's figures as its close froze them (the last close carries them all). */
	figures: MonthFigures | null;
}

/** A blocker with what the page needs to link it (the stocktake's id). */
export type PeriodBlocker = CloseBlocker & { countId?: string };

/** A blocker or gate as the page shows it: the reason in words. */
export type ReasonView<T> = T & { text: string };

export type CloseOutcome = { ok: true; message: string } | { ok: false; message: string };

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
	/**
	 * Wall time the page reasons with — the relay's, never a device clock reset to 2001
	 * (runtime.timeMs) — `tick()` moves it so a month can end while the page is open.
	 */
	nowMs = $state(0);
	/** The close this page just ran (shown as its result). */
	justClosed = $state<CloseSummary | null>(null);

	nowMonth: string = $derived(monthOfMs(this.nowMs));

	/** The last closed month, or null. Re-read on every catalog publish. */
	closedThrough: string | null = $derived.by(() => {
		void this.ws.ledgerMonths;
		return readClosedThrough(this.ws.runtime.docs.catalog);
	});

	/** Newest first; the current month is listed even before anything is posted into it. */
	rows: PeriodView[] = $derived.by(() => {
		const closed = this.lastClose?.record.values?.months ?? [];
		return listedMonths(this.ws.ledgerMonths, this.nowMonth).map((month) => ({
			month,
			status: periodStatus(month, this.closedThrough, this.nowMonth),
			figures: closed.find((f) => f.month === month) ?? null
		}));
	});

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

	/** The last close in four numbers: through which month, positions, value, movements. */
	tiles: KpiTile[] = $derived.by(() => {
		const last = this.lastClose;
		const closedThrough = this.closedThrough;
		const figure = (n: number | undefined) => (n === undefined ? t('common.none') : fmtNumber(n));
		const closeValue = last?.record.values?.months.find(
			(m) => m.month === last.record.closedMonth
		)?.inventoryEndCents;
		return [
			{
				id: 'closed-through',
				icon: 'history',
				label: t('periods.kpi.closedThrough'),
				value: closedThrough ? fmtMonth(closedThrough) : t('periods.kpi.none'),
				tone: closedThrough ? 'green' : 'neutral',
				valueTestid: 'period-closed-through',
				hint: last
					? t('periods.closedByAt', {
							user: last.record.closedBy,
							time: fmtStamp(last.record.closedAt)
						})
					: closedThrough
						? t('periods.openingSyncing')
						: undefined
			},
			{
				id: 'positions',
				icon: 'box',
				label: t('periods.kpi.positions'),
				value: figure(last?.positions),
				valueTestid: 'period-positions'
			},
			{
				// What the stock was worth at the close: the carried layers' value. The quantities
				// summed across units are only a check figure, so they are the hint.
				id: 'value',
				icon: 'chart',
				label: t('periods.kpi.value'),
				value: closeValue === undefined ? t('common.none') : fmtCurrency(closeValue),
				valueTestid: 'period-value',
				hint: last ? t('periods.kpi.qtyHint', { qty: fmtNumber(last.qty) }) : undefined
			},
			{
				id: 'movements',
				icon: 'transfer',
				label: t('periods.kpi.movements'),
				value: figure(last?.record.movementCount),
				valueTestid: 'period-movements'
			}
		];
	});

	/** The month after the candidate: where the close's opening balances go. */
	next: string = $derived(nextMonth(this.candidate));

	blockerViews: ReasonView<PeriodBlocker>[] = $derived(
		this.blockers.map((b) => ({ ...b, text: blockerText(b, this.candidate) }))
	);

	gateViews: ReasonView<CloseGate>[] = $derived(
		this.gates.map((g) => ({ ...g, text: gateText(g, this.ws.role) }))
	);

	/** What the close this page just ran did, in words. */
	justClosedText: string | null = $derived.by(() => {
		const done = this.justClosed;
		if (!done) return null;
		return t('periods.done', {
			month: fmtMonth(done.record.closedMonth),
			next: fmtMonth(nextMonth(done.record.closedMonth)),
			positions: done.positions,
			qty: done.qty,
			movements: done.record.movementCount
		});
	});

	/** The confirmation that says what a close does is open. */
	confirming = $state(false);
	/** Why the last close attempt failed, shown in the close card. */
	error = $state<string | null>(null);

	constructor(private readonly ws: WorkspaceState) {
		this.nowMs = ws.runtime.timeMs();
	}

	requestClose(): void {
		this.error = null;
		this.confirming = true;
	}

	cancelClose(): void {
		this.confirming = false;
	}

	/** Close the candidate month; the outcome's message is for a toast. */
	confirmClose(): CloseOutcome {
		this.error = null;
		const month = this.candidate;
		const r = this.close(month);
		this.confirming = false;
		if (!r.ok) {
			this.error = errorMessage(r.error);
			return { ok: false, message: this.error };
		}
		return { ok: true, message: t('periods.closedToast', { month: fmtMonth(month) }) };
	}

	/** The months table as shown, for ExportButton: money in currency units, blank when open. */
	exportTable(): Table {
		const money = (cents: number | undefined): number | null =>
			cents === undefined ? null : cents / 100;
		return {
			headers: [
				t('periods.month'),
				t('periods.status'),
				t('periods.col.inventoryEnd'),
				t('periods.col.purchases'),
				t('periods.col.cogs'),
				t('periods.col.revenue'),
				t('periods.note')
			],
			rows: this.rows.map(({ month, status, figures: f }) => [
				month,
				t(`periods.status.${status}`),
				money(f?.inventoryEndCents),
				money(f?.purchasesCents),
				money(f?.cogsCents),
				money(f ? f.revenueCents - f.salesReturnsCents : undefined),
				t(`periods.note.${status}`)
			])
		};
	}

	tick(nowMs = this.ws.runtime.timeMs()): void {
		// Only re-derive when the minute moved: blockers read the docs.
		if (Math.floor(nowMs / MINUTE_MS) !== Math.floor(this.nowMs / MINUTE_MS)) this.nowMs = nowMs;
	}

	close(month: string): RunResult<CloseSummary> {
		const result = this.ws.run((ctx) => summarize(closePeriod(ctx, month)));
		if (result.ok) this.justClosed = result.value;
		return result;
	}
}

// The pure rules of the period close page: a month's status, which month a close would seal
// next, when a month ends, and what this device lacks to run a close.

import { STAMP_FLOOR_MS } from '../../domain/clock/stamp-trust';
import { nextMonth } from '../../domain/ledger/period';
import { monthOfMs } from '../../doc/names';
import type { ConnectionStatus } from '../connection.svelte';

const FLOOR_MONTH = monthOfMs(STAMP_FLOOR_MS);

export type PeriodStatus = 'closed' | 'open' | 'current' | 'future';

/** What this device lacks to run a close, whatever the month. */
export type CloseGate =
	{ kind: 'role' } | { kind: 'offline' } | { kind: 'syncing' } | { kind: 'pending'; count: number };

export function periodStatus(
	month: string,
	closedThrough: string | null,
	nowMonth: string
): PeriodStatus {
	if (closedThrough !== null && month <= closedThrough) return 'closed';
	if (month === nowMonth) return 'current';
	return month > nowMonth ? 'future' : 'open';
}

/** Every ledger month plus the current one (posted into or not), newest first. */
export function listedMonths(ledgerMonths: readonly string[], nowMonth: string): string[] {
	const months = ledgerMonths.includes(nowMonth) ? [...ledgerMonths] : [...ledgerMonths, nowMonth];
	return months.sort().reverse();
}

/**
 * The month a close would seal next: the one after the last close, else the oldest ledger month.
 * A month before the stamp floor (June 2001, from a device whose clock was reset) is never
 * offered: its entries are flagged for an admin (the clock page), not closed.
 */
export function closeCandidate(
	ledgerMonths: readonly string[],
	closedThrough: string | null,
	nowMonth: string
): string {
	if (closedThrough !== null) return nextMonth(closedThrough);
	const oldest = ledgerMonths.filter((m) => m >= FLOOR_MONTH).sort()[0];
	return oldest !== undefined && oldest < nowMonth ? oldest : nowMonth;
}

/** The first millisecond after `month` (months are UTC, like ledger doc names). */
export function monthEndMs(month: string): number {
	const [y, m] = nextMonth(month).split('-').map(Number) as [number, number];
	return Date.UTC(y, m - 1, 1);
}

/**
 * A close must run on a device that holds the month fully synced: online, nothing of its own
 * unsent, every doc caught up with the relay; and only the roles allowed to close.
 */
export function closeGates(input: {
	mayClose: boolean;
	status: ConnectionStatus;
	pending: number;
}): CloseGate[] {
	const out: CloseGate[] = [];
	if (!input.mayClose) out.push({ kind: 'role' });
	if (input.status === 'offline' || input.status === 'unauthorized') out.push({ kind: 'offline' });
	else if (input.pending > 0) out.push({ kind: 'pending', count: input.pending });
	else if (input.status !== 'online') out.push({ kind: 'syncing' });
	return out;
}

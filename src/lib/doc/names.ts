// Document names of a workspace: `catalog` and one `ledger-YYYY-MM` per month. The month of
// a movement is the UTC month of its HLC stamp, so every device files it in the same doc.

import { stampWallMs, type Stamp } from '../domain/clock/hlc';

export const CATALOG = 'catalog';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const LEDGER = /^ledger-(\d{4}-(?:0[1-9]|1[0-2]))$/;

export function isMonth(value: unknown): value is string {
	return typeof value === 'string' && MONTH.test(value);
}

export function ledgerDocName(month: string): string {
	if (!isMonth(month)) throw new RangeError(`Not a month: ${month}`);
	return `ledger-${month}`;
}

/** 'YYYY-MM' of a wall time, UTC. */
export function monthOfMs(ms: number): string {
	return new Date(ms).toISOString().slice(0, 7);
}

export function monthOfStamp(stamp: Stamp): string {
	return monthOfMs(stampWallMs(stamp));
}

export function isLedgerDocName(name: string): boolean {
	return LEDGER.test(name);
}

export function monthOfLedgerDoc(name: string): string | null {
	return LEDGER.exec(name)?.[1] ?? null;
}

// A pick sheet and what was picked on it, kept on the device so a reload (a tablet's browser
// killed in the background, a page refreshed by mistake) does not send the picker back to the
// first bin. Restored only while the order has shipped nothing since it was saved: a shipment
// (here or on another device) changes what is left, and the sheet is made afresh.

import { z } from 'zod';
import type { ScanProgress, SheetRow } from './pick-sheet';

/** Order line id → quantity shipped so far: what makes a saved sheet still true. */
export type ShippedByLine = Readonly<Record<string, number>>;

const qty = z.number().finite().nonnegative();

const rowSchema = z.object({
	key: z.string(),
	lineId: z.string(),
	itemId: z.string(),
	locationId: z.string(),
	locationCode: z.string(),
	lot: z.string(),
	expiry: z.string().optional(),
	qty
});

const savedSchema = z.object({
	v: z.literal(1),
	shipped: z.array(z.tuple([z.string(), qty])),
	rows: z.array(rowSchema),
	picked: z.array(z.tuple([z.string(), qty])),
	atBin: z.string().nullable()
});

export function encodeSavedSheet(
	rows: readonly SheetRow[],
	progress: ScanProgress,
	shipped: ShippedByLine
): string {
	return JSON.stringify({
		v: 1,
		shipped: Object.entries(shipped).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
		rows,
		picked: [...progress.picked],
		atBin: progress.atBin
	});
}

function sameShipped(saved: readonly [string, number][], now: ShippedByLine): boolean {
	const nonZero = (entries: Iterable<readonly [string, number]>) =>
		[...entries].filter(([, q]) => q > 0);
	const a = nonZero(saved);
	const b = nonZero(Object.entries(now));
	return a.length === b.length && a.every(([line, q]) => now[line] === q);
}

/**
 * The saved sheet and progress, or null when there is none, it does not parse (an older
 * version, a damaged value) or the order has shipped since: then the sheet is made afresh.
 */
export function decodeSavedSheet(
	text: string | null,
	shipped: ShippedByLine
): { rows: SheetRow[]; progress: ScanProgress } | null {
	if (!text) return null;
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return null;
	}
	const parsed = savedSchema.safeParse(json);
	if (!parsed.success || !sameShipped(parsed.data.shipped, shipped)) return null;
	const { rows, picked, atBin } = parsed.data;
	const keys = new Set(rows.map((r) => r.key));
	// Only progress on rows of this sheet, never more than a row holds.
	const byKey = new Map(rows.map((r) => [r.key, r.qty]));
	const progress = new Map(
		picked
			.filter(([key]) => keys.has(key))
			.map(([key, q]) => [key, Math.min(q, byKey.get(key) ?? 0)] as const)
	);
	const bin = atBin !== null && rows.some((r) => r.locationId === atBin) ? atBin : null;
	return {
		rows: rows.map(({ expiry, ...row }) => (expiry === undefined ? row : { ...row, expiry })),
		progress: { picked: progress, atBin: bin }
	};
}

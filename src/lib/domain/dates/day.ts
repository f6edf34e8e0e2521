// Calendar days as people type them: 2026-12-10, 2026/12/10, 2026.12.10 or 20261210 are the
// same day (YYYY-MM-DD, the form stored everywhere); anything that is not a real calendar day
// (2026-02-30) is null, so a form can say so instead of saving a wrong date.

/** The same separator twice (2026-12-10, 2026/1/5), or none with two-digit month and day. */
const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export function parseDayOrNull(text: string): string | null {
	const trimmed = text.trim();
	const separated = SEPARATED.exec(trimmed);
	const compact = separated ? null : COMPACT.exec(trimmed);
	// A half-typed '2026-12' is no day (it once read as 2026-01-02).
	const parts = separated
		? [separated[1], separated[3], separated[4]]
		: compact
			? [compact[1], compact[2], compact[3]]
			: null;
	if (!parts) return null;
	const [y, mo, d] = parts as [string, string, string];
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	if (month < 1 || month > 12 || day < 1) return null;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day > last) return null;
	return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

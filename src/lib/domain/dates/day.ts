// Calendar days as people type them: 2026-12-10, 2026/12/10, 2026.12.10 or 20261210 are the
// same day (YYYY-MM-DD, the form stored everywhere); anything that is not a real calendar day
// (2026-02-30) is null, so a form can say so instead of saving a wrong date.

const DAY = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/;

export function parseDayOrNull(text: string): string | null {
	const m = DAY.exec(text.trim());
	if (!m) return null;
	const [, y, mo, d] = m as unknown as [string, string, string, string];
	// Without separators the month and day must be two digits each (20261210).
	if (!/[-/.]/.test(text) && (mo.length !== 2 || d.length !== 2)) return null;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	if (month < 1 || month > 12 || day < 1) return null;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day > last) return null;
	return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Percentiles and the ours / reference table.

export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i] ?? NaN;
}

export interface Row {
	scenario: string;
	metric: string;
	ours: number;
	reference: number;
	unit: string;
}

function fmt(value: number, unit: string): string {
	if (!Number.isFinite(value)) return '—';
	if (unit === 'MiB') return (value / 1024 / 1024).toFixed(1);
	if (Math.abs(value) >= 100) return value.toFixed(0);
	if (Math.abs(value) >= 10) return value.toFixed(1);
	return value.toFixed(2);
}

/** Lower is better for every metric in the table, so a ratio below 1 means ours wins. */
export function renderTable(rows: readonly Row[]): string {
	const header = ['scenario', 'metric', 'unit', 'ours', 'reference', 'ours/ref'];
	const body = rows.map((r) => [
		r.scenario,
		r.metric,
		r.unit,
		fmt(r.ours, r.unit),
		fmt(r.reference, r.unit),
		r.reference > 0 && Number.isFinite(r.ours / r.reference)
			? (r.ours / r.reference).toFixed(2)
			: '—'
	]);
	const widths = header.map((h, i) =>
		Math.max(h.length, ...body.map((row) => (row[i] ?? '').length))
	);
	const line = (cells: string[]): string =>
		cells
			.map((c, i) => (i >= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
			.join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

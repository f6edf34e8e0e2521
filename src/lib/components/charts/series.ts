// The data a chart draws, independent of the chart library: what Chart.svelte takes as props
// and what its screen-reader table shows.

export interface ChartSeries {
	/** Already translated: it appears in the legend, the tooltip and the hidden table. */
	label: string;
	/** One value per label; null leaves a gap (a month without data). */
	values: (number | null)[];
}

export interface ChartTarget {
	/** Already translated, e.g. "Target 95 %". */
	label: string;
	value: number;
}

/** The palette, as CSS custom properties from app.css, in the order series take them. */
export const SERIES_COLOUR_VARS = [
	'--brand-500',
	'--blue-600',
	'--amber-600',
	'--violet-600',
	'--gray-600'
] as const;

export const TARGET_COLOUR_VAR = '--red-600';

/** Resolve a colour variable on an element; a fallback when styles are not computed (tests). */
export function cssColour(el: Element, name: string, fallback = '#576170'): string {
	const value = getComputedStyle(el).getPropertyValue(name).trim();
	return value === '' ? fallback : value;
}

/** Rows of the hidden data table: one per label, one cell per series (and the target). */
export function tableRows(
	labels: readonly string[],
	series: readonly ChartSeries[],
	format: (v: number) => string
): string[][] {
	return labels.map((label, i) => [
		label,
		...series.map((s) => {
			const v = s.values[i];
			return v === null || v === undefined ? '—' : format(v);
		})
	]);
}

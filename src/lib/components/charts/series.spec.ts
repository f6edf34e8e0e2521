import { describe, expect, it } from 'vitest';
import { tableRows } from './series';

describe('chart table rows (what a screen reader hears)', () => {
	it('gives one row per label, a cell per series, a dash for a gap', () => {
		const rows = tableRows(
			['1月', '2月', '3月'],
			[
				{ label: 'A', values: [1.5, null, 3] },
				{ label: 'B', values: [0, 2] }
			],
			(v) => v.toFixed(1)
		);
		expect(rows).toEqual([
			['1月', '1.5', '0.0'],
			['2月', '—', '2.0'],
			['3月', '3.0', '—']
		]);
	});
});

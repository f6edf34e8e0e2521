import { describe, expect, it } from 'vitest';
import { createWedgeDetector, type WedgeResult } from './wedge';

function feed(keys: [string, number][]): WedgeResult[] {
	const d = createWedgeDetector({ maxGapMs: 40, minLength: 3 });
	return keys.map(([k, ms]) => d.key(k, ms));
}

const typed = (text: string, start: number, gapMs: number): [string, number][] =>
	[...text].map((c, i) => [c, start + i * gapMs]);

describe('keyboard-wedge detector', () => {
	it('a fast burst ending in Enter is a scan', () => {
		const r = feed([...typed('4710001', 0, 8), ['Enter', 60]]);
		expect(r.at(-1)).toEqual({ kind: 'scan', code: '4710001' });
		expect(r[0]).toEqual({ kind: 'burst-start' });
	});

	it('a person typing slowly then Enter is not a scan', () => {
		expect(feed([...typed('4710001', 0, 150), ['Enter', 1100]]).at(-1)).toEqual({ kind: 'none' });
	});

	it('a slow Enter after a fast burst is not a scan (the person pressed it)', () => {
		expect(feed([...typed('ABC-1', 0, 5), ['Enter', 900]]).at(-1)).toEqual({ kind: 'none' });
	});

	it('slow typing before the burst is not part of the code', () => {
		const keys: [string, number][] = [
			['1', 0],
			['2', 300],
			...typed('A-01', 1000, 6),
			['Enter', 1030]
		];
		expect(feed(keys).at(-1)).toEqual({ kind: 'scan', code: 'A-01' });
	});

	it('too short a burst is typing, and modifier keys are ignored', () => {
		expect(
			feed([
				['1', 0],
				['2', 5],
				['Enter', 10]
			]).at(-1)
		).toEqual({ kind: 'none' });
		const keys: [string, number][] = [
			['A', 0],
			['Shift', 3],
			['-', 6],
			['1', 9],
			['Enter', 12]
		];
		expect(feed(keys).at(-1)).toEqual({ kind: 'scan', code: 'A-1' });
	});
});

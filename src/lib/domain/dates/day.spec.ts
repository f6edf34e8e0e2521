import { describe, expect, it } from 'vitest';
import { parseDayOrNull } from './day';

describe('parseDayOrNull', () => {
	it.each([
		['2026-12-10', '2026-12-10'],
		['2026/12/10', '2026-12-10'],
		['2026.1.5', '2026-01-05'],
		['20261210', '2026-12-10'],
		[' 2028-02-29 ', '2028-02-29'], // leap year: the last day exists
		['2026-02-28', '2026-02-28'],
		['2026-12-31', '2026-12-31']
	])('%s → %s', (text, day) => expect(parseDayOrNull(text)).toBe(day));

	it.each([
		'',
		'2026-02-29',
		'2026-13-01',
		'2026-00-10',
		'2026-12-32',
		'2026-12-00',
		'2026125',
		'2026-12', // half typed: once read as 2026-01-02
		'2026-1',
		'2026-12/10', // two different separators
		'202612-10',
		'12/10/2026',
		'tomorrow'
	])('%s is not a day', (text) => expect(parseDayOrNull(text)).toBeNull());
});

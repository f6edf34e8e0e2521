// The rule for a new event on a log (transfer, sales / purchase / work order) holding an event
// stamped far ahead of the relay's time: exactly on the 5-minute bound anyone goes ahead; a
// millisecond beyond it only an admin who confirms, stamped just after the far event.
import { describe, expect, it } from 'vitest';
import { compareStamps, formatStamp } from './hlc';
import { farAheadStamp, farEventVerdict, newEventStamp, stampAfter } from './far-events';
import { FLAG_AHEAD_MS, STAMP_FLOOR_MS } from './stamp-trust';

const NOW = Date.UTC(2026, 11, 7, 9);
const HOUR = 3_600_000;
const at = (wallMs: number, counter = 0, device = 'tablet') =>
	formatStamp({ wallMs, counter, device });

const clerk = { admin: false, confirmed: false };
const clerkConfirming = { admin: false, confirmed: true };
const admin = { admin: true, confirmed: false };
const adminConfirming = { admin: true, confirmed: true };

describe('the verdict on a new event', () => {
	it.each([
		['an empty log', [], clerk, { kind: 'now' }],
		['events an hour old', [at(NOW - HOUR)], clerk, { kind: 'now' }],
		['the latest exactly 5 min ahead', [at(NOW), at(NOW + FLAG_AHEAD_MS)], clerk, { kind: 'now' }],
		[
			'the latest 5 min and 1 ms ahead: a clerk waits',
			[at(NOW), at(NOW + FLAG_AHEAD_MS + 1)],
			clerk,
			{ kind: 'refused', mayConfirm: false }
		],
		[
			'a clerk’s confirmation counts for nothing',
			[at(NOW + 10 * HOUR)],
			clerkConfirming,
			{ kind: 'refused', mayConfirm: false }
		],
		[
			'an admin is asked first',
			[at(NOW + 10 * HOUR)],
			admin,
			{ kind: 'refused', mayConfirm: true }
		],
		[
			'an admin who confirms goes after the far one',
			[at(NOW + 10 * HOUR), at(NOW)],
			adminConfirming,
			{ kind: 'after', far: at(NOW + 10 * HOUR) }
		],
		['an admin confirming with nothing far ahead', [at(NOW)], adminConfirming, { kind: 'now' }],
		[
			'a far event followed by a later one (the latest decides)',
			[at(NOW + 10 * HOUR), at(NOW + 10 * HOUR, 1, 'desk')],
			clerk,
			{ kind: 'refused', mayConfirm: false }
		],
		[
			'a reset clock’s event (before 2020) sorts first: no hazard',
			[at(STAMP_FLOOR_MS - 1)],
			clerk,
			{
				kind: 'now'
			}
		]
	])('%s', (_label, stamps, actor, verdict) => {
		expect(farEventVerdict(stamps, NOW, actor)).toEqual(verdict);
	});
});

describe('the stamp of the new event', () => {
	it('confirmed: just after the far one, so it sorts after it and before anything later', () => {
		const far = at(NOW + 10 * HOUR, 3);
		const stamp = newEventStamp({ kind: 'after', far }, at(NOW, 0, 'desk'), 'desk');
		expect(stamp).toBe(at(NOW + 10 * HOUR, 4, 'desk'));
		expect(compareStamps(stamp, far)).toBe(1);
		expect(compareStamps(stamp, at(NOW + 10 * HOUR + 1))).toBe(-1);
	});

	it('the clock already past the far one: stamped now', () => {
		const now = at(NOW + 11 * HOUR, 0, 'desk');
		expect(newEventStamp({ kind: 'after', far: at(NOW + 10 * HOUR) }, now, 'desk')).toBe(now);
	});

	it('nothing far: stamped now', () => {
		const now = at(NOW, 0, 'desk');
		expect(newEventStamp({ kind: 'now' }, now, 'desk')).toBe(now);
	});

	it('farAheadStamp finds the latest only when it is beyond the bound', () => {
		expect(farAheadStamp([at(NOW + FLAG_AHEAD_MS)], NOW)).toBeNull();
		expect(farAheadStamp([at(NOW + FLAG_AHEAD_MS + 1), at(NOW)], NOW)).toBe(
			at(NOW + FLAG_AHEAD_MS + 1)
		);
	});

	it('stampAfter refuses what is not a stamp', () => {
		expect(() => stampAfter('soon', 'desk')).toThrow();
	});
});

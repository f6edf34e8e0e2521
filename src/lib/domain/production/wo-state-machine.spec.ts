import { describe, expect, it } from 'vitest';
import { foldWorkOrder, goodOutput } from './wo-state-machine';
import type { WoEvent } from './work-order';

let n = 0;
const ev = (type: WoEvent['type'], ms: number, payload: object = {}, device = 'd1'): WoEvent =>
	({
		id: `e${++n}`,
		at: `${String(ms).padStart(13, '0')}-0000-${device}`,
		type,
		by: 'u',
		device,
		payload
	}) as WoEvent;

const fold = (...events: WoEvent[]) => foldWorkOrder({ events });

describe('work order fold', () => {
	it('walks planned → released → in progress → completed → closed', () => {
		expect(fold().status).toBe('planned');
		expect(fold(ev('release', 1)).status).toBe('released');
		const p = ev('progress', 2, { stepId: 's', good: 5, scrap: 1 });
		expect(fold(ev('release', 1), p).status).toBe('in-progress');
		const done = ev('complete', 3, { good: 5, lot: 'L', backflushed: [{ itemId: 'A', qty: 10 }] });
		const f = fold(ev('release', 1), p, done);
		expect(f.status).toBe('completed');
		expect(f.issued.get('A')).toBe(10);
		expect(fold(ev('release', 1), p, done, ev('close', 4)).status).toBe('closed');
	});

	it('adds up progress from every tablet, in any order', () => {
		const events = [
			ev('release', 1),
			ev('progress', 5, { stepId: 's', good: 3, scrap: 0 }, 'tab1'),
			ev('progress', 5, { stepId: 's', good: 4, scrap: 1 }, 'tab2'),
			ev('progress', 2, { stepId: 's', good: 1, scrap: 0 }, 'tab2')
		];
		const a = foldWorkOrder({ events });
		const b = foldWorkOrder({ events: [...events].reverse() });
		expect(a.progress.get('s')).toEqual({ good: 8, scrap: 1 });
		expect(b).toEqual(a);
		expect(
			goodOutput(
				{ steps: [{ id: 's', seq: 10, name: '', workCenterId: 'w', minutesPerUnit: 1 }] },
				a
			)
		).toBe(8);
	});

	it('a cancel loses to any floor fact, whatever its stamp', () => {
		const f = fold(
			ev('release', 1),
			ev('cancel', 2, { reason: '' }),
			ev('progress', 9, { stepId: '', good: 1, scrap: 0 })
		);
		expect(f.status).toBe('in-progress');
		expect(f.conflicts.map((c) => c.event.type)).toEqual(['cancel']);
		expect(fold(ev('release', 1), ev('cancel', 2, { reason: '' })).status).toBe('cancelled');
	});

	it('the earliest of two completions wins; the other is a conflict', () => {
		const first = ev('complete', 3, { good: 5, lot: '', backflushed: [] }, 'tab1');
		const second = ev('complete', 4, { good: 6, lot: '', backflushed: [] }, 'tab2');
		const f = fold(ev('release', 1), second, first);
		expect(f.completed?.good).toBe(5);
		expect(f.conflicts).toEqual([expect.objectContaining({ event: second, winner: first })]);
	});
});

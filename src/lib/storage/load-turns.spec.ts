import { describe, expect, it } from 'vitest';
import { takeLoadTurn } from './load-turns';

describe('load turns', () => {
	it('run in the order asked, each in a task of its own', async () => {
		const events: string[] = [];
		const turns = ['a', 'b', 'c'].map((name) =>
			takeLoadTurn(
				() => {
					events.push(name);
					// Work queued from inside a turn runs before the next turn starts.
					queueMicrotask(() => events.push(`${name} done`));
					return name;
				},
				name === 'b' ? 'background' : 'user-visible'
			)
		);
		expect(await Promise.all(turns)).toEqual(['a', 'b', 'c']);
		expect(events.filter((e) => e !== 'other task')).toEqual([
			'a',
			'a done',
			'b',
			'b done',
			'c',
			'c done'
		]);
		// A task queued during a turn runs before the next one: turns do not run back to back.
		expect(events.indexOf('other task')).toBeLessThan(events.indexOf('b'));
	});

	it('keep going after a turn that throws', async () => {
		const failed = takeLoadTurn(() => {
			throw new Error('bad record');
		});
		await expect(failed).rejects.toThrow('bad record');
		expect(await takeLoadTurn(() => 'next')).toBe('next');
	});
});

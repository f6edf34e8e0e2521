import { describe, expect, it } from 'vitest';
import { foldRefusal } from './refusals';

describe('foldRefusal', () => {
	it('keeps the first reason and counts every refusal after it', () => {
		const first = foldRefusal(undefined, 'catalog', { reason: 'rights', detail: 'cost' }, 10);
		const next = foldRefusal(first, 'catalog', { reason: 'gap', detail: 'clocks 3–4' }, 20);
		expect(next).toEqual({
			doc: 'catalog',
			reason: 'rights',
			detail: 'cost',
			count: 2,
			firstAtMs: 10
		});
	});

	it('replaces a gap (after a reload, the reason came first) by the reason behind it', () => {
		const gap = foldRefusal(undefined, 'orders', { reason: 'gap', detail: 'clocks' }, 10);
		const real = foldRefusal(gap, 'orders', { reason: 'delete', detail: 'events' }, 20);
		expect(real).toMatchObject({ reason: 'delete', detail: 'events', count: 2, firstAtMs: 10 });
		// …and a later different reason does not overwrite it.
		const later = foldRefusal(real, 'orders', { reason: 'schema', detail: 'qty' }, 30);
		expect(later).toMatchObject({ reason: 'delete', count: 3 });
	});
});

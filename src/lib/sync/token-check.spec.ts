import { describe, expect, it } from 'vitest';
import { checkToken } from './token-check';

const answering =
	(status: number): typeof fetch =>
	async () =>
		new Response('{}', { status });

describe('checkToken', () => {
	it.each([
		[200, 'accepted'],
		[401, 'refused'],
		[403, 'refused'],
		[500, 'unreachable'],
		[502, 'unreachable']
	] as const)('HTTP %i means %s', async (status, expected) => {
		expect(await checkToken('http://relay', 't', answering(status))).toBe(expected);
	});

	it('treats a network failure as unreachable, never as a refused sign-in', async () => {
		const failing: typeof fetch = async () => {
			throw new TypeError('Failed to fetch');
		};
		expect(await checkToken('http://relay', 't', failing)).toBe('unreachable');
	});
});

import { describe, expect, it } from 'vitest';
import { compareStamps, createHlc, formatStamp, isStamp, parseStamp, stampWallMs } from './hlc';

function clockOf(times: number[]): () => number {
	let i = 0;
	return () => times[Math.min(i++, times.length - 1)] ?? 0;
}

describe('HLC', () => {
	it.each([
		{ name: 'wall clock advancing', wall: [1000, 2000, 3000] },
		{ name: 'wall clock standing still', wall: [1000, 1000, 1000, 1000] },
		{ name: 'wall clock going backwards', wall: [5000, 4000, 3000, 6000, 1] }
	])('stamps are strictly increasing with the $name', ({ wall }) => {
		const hlc = createHlc('dev1', clockOf(wall));
		const stamps = wall.map(() => hlc.now());
		for (let i = 1; i < stamps.length; i++) {
			expect(compareStamps(stamps[i - 1] ?? '', stamps[i] ?? '')).toBe(-1);
		}
	});

	it.each([
		{ name: 'remote ahead in wall time', local: 1000, remote: '000000000005000-000003-devB' },
		{ name: 'same wall time, bigger counter', local: 5000, remote: '000000000005000-000007-devB' },
		{ name: 'remote behind', local: 9000, remote: '000000000001000-000000-devB' }
	])('after receiving a stamp ($name) the next local stamp sorts after it', ({ local, remote }) => {
		const hlc = createHlc('devA', () => local);
		hlc.now();
		hlc.receive(remote);
		expect(compareStamps(hlc.now(), remote)).toBe(1);
	});

	it('ignores a malformed stamp on receive', () => {
		const hlc = createHlc('devA', () => 10);
		hlc.receive('not-a-stamp');
		expect(parseStamp(hlc.now())).toEqual({ wallMs: 10, counter: 0, device: 'devA' });
	});

	it('orders stamps of different devices the same way everywhere (device breaks ties)', () => {
		const a = createHlc('A', () => 100).now();
		const b = createHlc('B', () => 100).now();
		const c = createHlc('C', () => 99).now();
		const sorted = [b, a, c].sort(compareStamps);
		expect(sorted).toEqual([c, a, b]);
		expect([a, c, b].sort(compareStamps)).toEqual(sorted);
	});

	it.each([
		{ wallMs: 0, counter: 0, device: 'x' },
		{ wallMs: 1_764_000_000_000, counter: 42, device: 'dev_1.a:b' },
		{ wallMs: 999_999_999_999_999, counter: 999_999, device: 'Z' }
	])('format/parse round-trips $wallMs/$counter/$device', (state) => {
		const stamp = formatStamp(state);
		expect(isStamp(stamp)).toBe(true);
		expect(parseStamp(stamp)).toEqual(state);
		expect(stampWallMs(stamp)).toBe(state.wallMs);
	});

	it.each(['', '123-000001-a', '000000000001000-000001-', '000000000001000-000001-a b'])(
		'rejects %j',
		(text) => {
			expect(isStamp(text)).toBe(false);
			expect(parseStamp(text)).toBeNull();
		}
	);
});

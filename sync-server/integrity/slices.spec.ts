// A large update checked in slices reaches the same verdict as the one-piece check, and lets
// other work run on the relay's thread while it is checked.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHlc } from '../../src/lib/domain/clock/hlc';
import { checkIntegrity, checkIntegrityInSlices, type IntegrityInput } from './check';

const MONTH = '2026-11';

function catchUp(count: number, bad: { at: number } | null): IntegrityInput {
	const clock = createHlc('dev.1', () => Date.UTC(2026, 10, 15));
	const source = new Y.Doc();
	const movements = source.getArray('movements');
	source.transact(() => {
		for (let i = 0; i < count; i++)
			movements.push([
				{
					id: `m-${i}`,
					at: clock.now(),
					itemId: `item-${i % 50}`,
					warehouseId: 'wh-1',
					qty: bad?.at === i ? 0 : 1 + (i % 9),
					reason: 'receipt',
					device: 'dev.1',
					user: 'wang'
				}
			]);
	});
	return {
		doc: new Y.Doc(),
		kind: 'ledger',
		docName: `ledger-${MONTH}`,
		update: Y.decodeUpdate(Y.encodeStateAsUpdate(source)),
		writer: { user: 'wang', role: 'warehouse' }
	};
}

describe('checkIntegrityInSlices', () => {
	it('accepts what the one-piece check accepts, yielding the thread between slices', async () => {
		const input = catchUp(3000, null);
		expect(checkIntegrity(input)).toBeNull();
		let ranMeanwhile = 0;
		const ticker = setInterval(() => ranMeanwhile++, 0);
		// A slice of 0 ms hands the thread back after every step of structs.
		const verdict = await checkIntegrityInSlices(input, 0);
		clearInterval(ticker);
		expect(verdict).toBeNull();
		expect(ranMeanwhile).toBeGreaterThan(0);
	});

	it('refuses what the one-piece check refuses, even in the last slice', async () => {
		const input = catchUp(3000, { at: 2999 });
		const whole = checkIntegrity(input);
		expect(whole?.reason).toBe('schema');
		expect(await checkIntegrityInSlices(input, 0)).toEqual(whole);
	});
});

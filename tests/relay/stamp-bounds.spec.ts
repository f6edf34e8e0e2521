// The relay refuses entries stamped far from its own clock (issue 15, point 3), exactly on its
// bounds: a movement stamped 24 h ahead of the relay is stored, one stamped 24 h and 1 ms ahead
// is refused (`clock`, counted in /metrics); the floor (2020-01-01) likewise. The catalog's list
// of ledger months takes a month whose first millisecond the relay would store, not a later one.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatStamp } from '../../src/lib/domain/clock/hlc';
import { REFUSE_AHEAD_MS, STAMP_FLOOR_MS } from '../../src/lib/domain/clock/stamp-trust';
import { connectClient, waitFor, waitSynced, type Client } from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

const WS = 'bounds';
const RELAY_MS = Date.UTC(2026, 11, 7, 9);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	vi.restoreAllMocks();
	while (cleanups.length) await cleanups.pop()?.();
});

async function relay(nowMs = RELAY_MS): Promise<TestRelay> {
	const dir = tempDir();
	const r = await startTestRelay({
		dataDir: dir.path,
		integrityChecks: true,
		nowMs: () => nowMs
	});
	cleanups.push(() => dir.remove());
	cleanups.push(() => r.close());
	return r;
}

async function clerk(r: TestRelay): Promise<Client> {
	const t = await token(WS, 'warehouse', { user: 'wang' });
	const c = connectClient(r.ws, WS, 'ledger-2026-12', t);
	cleanups.push(() => c.destroy());
	await waitSynced(c);
	return c;
}

const receipt = (id: string, wallMs: number) => ({
	id,
	at: formatStamp({ wallMs, counter: 0, device: 'dev1' }),
	itemId: 'item1',
	warehouseId: 'wh1',
	qty: 5,
	reason: 'receipt',
	device: 'dev1',
	user: 'wang'
});

const ids = (c: Client): string[] =>
	c.doc
		.getArray<{ id: string }>('movements')
		.toArray()
		.map((m) => m.id);

describe.each([
	['24 h ahead', RELAY_MS + REFUSE_AHEAD_MS, RELAY_MS + REFUSE_AHEAD_MS + 1],
	['the floor', STAMP_FLOOR_MS, STAMP_FLOOR_MS - 1]
])('exactly on %s', (_label, onBoundMs, beyondMs) => {
	it('stores the entry on the bound and refuses the one a millisecond beyond', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const r = await relay();
		const listener = await clerk(r);
		const onBound = await clerk(r);
		onBound.doc.getArray('movements').push([receipt('on-bound', onBoundMs)]);
		await waitFor(() => ids(listener).includes('on-bound'), 'the entry on the bound');
		const beyond = await clerk(r);
		beyond.doc.getArray('movements').push([receipt('beyond', beyondMs)]);
		const refused = 'stockflow_refused_updates_total{reason="clock"}';
		await waitFor(async () => (await metric(r.http, refused)) === 1, 'the refusal');
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(ids(listener)).toEqual(['on-bound']);
		const fresh = await clerk(r);
		expect(ids(fresh)).toEqual(['on-bound']);
	});
});

async function catalogWriter(r: TestRelay): Promise<Client> {
	const t = await token(WS, 'warehouse', { user: 'wang' });
	const c = connectClient(r.ws, WS, 'catalog', t);
	cleanups.push(() => c.destroy());
	await waitSynced(c);
	return c;
}

const months = (c: Client): string[] => [...c.doc.getMap('ledgerMonths').keys()].sort();

describe.each([
	// January 2027 starts exactly 24 h after 2026-12-31 00:00 UTC: listed; a millisecond earlier
	// the relay's clock puts it 24 h and 1 ms ahead: refused.
	['24 h ahead', Date.UTC(2026, 11, 31), '2027-01', Date.UTC(2026, 11, 31) - 1, '2027-01'],
	['the floor', RELAY_MS, '2020-01', RELAY_MS, '2019-12']
])('a ledger month exactly on %s', (_label, onBoundNow, onBoundMonth, beyondNow, beyondMonth) => {
	it('is listed on the bound; beyond it the catalog write is refused and reaches nobody', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const onBound = await relay(onBoundNow);
		const listener = await catalogWriter(onBound);
		(await catalogWriter(onBound)).doc.getMap('ledgerMonths').set(onBoundMonth, true);
		await waitFor(() => months(listener).includes(onBoundMonth), 'the month on the bound');

		const beyond = await relay(beyondNow);
		const other = await catalogWriter(beyond);
		(await catalogWriter(beyond)).doc.getMap('ledgerMonths').set(beyondMonth, true);
		const refused = 'stockflow_refused_updates_total{reason="clock"}';
		await waitFor(async () => (await metric(beyond.http, refused)) === 1, 'the refusal');
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(months(other)).toEqual([]);
		expect(months(await catalogWriter(beyond))).toEqual([]);
	});
});

// When the integrity check thread fails, a large catch-up is checked on the relay's own thread
// instead: the verdicts are the same (a bad catch-up refused, a good one stored), and each
// fallback is counted in /metrics and logged with the room and the thread's failure.
// Over real sockets with stock y-websocket clients; the thread's script throws as it loads.

import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../src/lib/domain/auth/roles';
import { createHlc } from '../../src/lib/domain/clock/hlc';
import { THREAD_MIN_BYTES } from '../../sync-server/update-check';
import { connectClient, waitFor, waitSynced, type Client } from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

const WS = 'acme';
const LEDGER = `ledger-${new Date().toISOString().slice(0, 7)}`;
/** About 140 bytes each: 3,000 make a catch-up past THREAD_MIN_BYTES. */
const CATCH_UP = 3000;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length) await cleanups.pop()?.();
});

type Line = Record<string, unknown> & { msg: string };

async function relayWithBrokenThread(): Promise<{ relay: TestRelay; lines: Line[] }> {
	const dir = tempDir();
	cleanups.push(() => dir.remove());
	const lines: Line[] = [];
	const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
	const relay = await startTestRelay({
		dataDir: dir.path,
		integrityChecks: true,
		integrityThreadUrl: new URL('./fixtures/failing-check.worker.js', import.meta.url),
		logger
	});
	cleanups.push(() => relay.close());
	return { relay, lines };
}

async function client(relay: TestRelay, role: Role, user: string): Promise<Client> {
	const c = connectClient(relay.ws, WS, LEDGER, await token(WS, role, { user }));
	cleanups.push(() => c.destroy());
	await waitSynced(c);
	return c;
}

type Entry = { id: string; qty: number } & Record<string, unknown>;
const ids = (doc: Y.Doc): string[] => doc.getArray<Entry>('movements').map((m) => m.id);

/** `count` movements written offline (the last with quantity 0 when `bad`); reconnects. */
function catchUp(device: Client, name: string, count: number, bad: boolean): void {
	device.provider.disconnect();
	const before = Y.encodeStateVector(device.doc);
	const clock = createHlc(name, Date.now);
	device.doc.transact(() => {
		for (let i = 0; i < count; i++)
			device.doc.getArray('movements').push([
				{
					...{ id: `${name}-${i}`, at: clock.now(), itemId: `item-${i % 50}` },
					...{ warehouseId: 'wh-1', qty: bad && i === count - 1 ? 0 : 1 + (i % 9) },
					...{ reason: 'receipt', device: name, user: 'wang' }
				}
			]);
	});
	expect(Y.encodeStateAsUpdate(device.doc, before).byteLength).toBeGreaterThanOrEqual(
		THREAD_MIN_BYTES
	);
	device.provider.connect();
}

const fallbacks = (relay: TestRelay): Promise<number> =>
	metric(relay.http, 'stockflow_integrity_check_fallbacks_total');
const fallbackLines = (lines: Line[]): Line[] =>
	lines.filter((l) => l.msg.startsWith('integrity check thread failed'));

describe('the integrity check thread fails', () => {
	it('a good catch-up is stored and a bad one refused, each counted; the log says where and why', async () => {
		const { relay, lines } = await relayWithBrokenThread();
		expect(await fallbacks(relay)).toBe(0);
		const listener = await client(relay, 'viewer', 'viewer');
		const good = await client(relay, 'warehouse', 'wang');
		catchUp(good, 'dev.1', CATCH_UP, false);
		await waitFor(() => ids(listener.doc).length === CATCH_UP, 'the catch-up', 30_000);
		expect(await fallbacks(relay)).toBe(1);
		const [line] = fallbackLines(lines);
		expect(line).toMatchObject({
			level: 40,
			workspace: WS,
			doc: LEDGER,
			notLoggedSinceLastLine: 0
		});
		expect(line?.reason).toMatch(/check thread broken \(test\)/);
		expect(line?.bytes).toBeGreaterThanOrEqual(THREAD_MIN_BYTES);

		// A second device, a bad catch-up: refused as the thread would have refused it.
		const bad = await client(relay, 'warehouse', 'wang');
		catchUp(bad, 'dev.2', CATCH_UP, true);
		const refused = () => metric(relay.http, 'stockflow_refused_updates_total{reason="schema"}');
		await waitFor(async () => (await refused()) === 1, 'the refusal', 30_000);
		expect(await fallbacks(relay)).toBe(2);
		expect(ids(listener.doc)).toHaveLength(CATCH_UP);
		// Within 10 s of the first line: counted, not logged again.
		expect(fallbackLines(lines)).toHaveLength(1);
	}, 60_000);
});

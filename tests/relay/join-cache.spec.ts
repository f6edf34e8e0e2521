// Fresh joins are served from a cached encoding of the room plus the updates applied since:
// whatever the cache's state, a fresh client must end up with exactly the writer's doc.

import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, waitFor, waitSynced, type Client } from './fixtures/clients';
import { startTestRelay, tempDir, token } from './fixtures/relay';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('join from the cached state', () => {
	it('gives every fresh client the whole doc: cold cache, cache plus tail, re-encoded cache', async () => {
		const dir = tempDir();
		const relay = await startTestRelay({ dataDir: dir.path });
		cleanups.push(
			() => dir.remove(),
			() => relay.close()
		);
		const doc = 'ledger-2026-11';
		const writer = connectClient(relay.ws, 'acme', doc, await token('acme', 'warehouse'));
		cleanups.push(() => writer.destroy());
		await waitSynced(writer);
		const movements = writer.doc.getArray<string>('movements');

		const joinAndCompare = async (): Promise<void> => {
			const fresh: Client = connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer'));
			cleanups.push(() => fresh.destroy());
			await waitSynced(fresh);
			await waitFor(
				() => fresh.doc.getArray('movements').length === movements.length,
				'the fresh client to hold every movement'
			);
			expect(fresh.doc.getArray('movements').toJSON()).toEqual(movements.toJSON());
		};

		const writeAndWait = async (count: number, prefix: string): Promise<void> => {
			for (let i = 0; i < count; i++) movements.push([`${prefix}-${i}`]);
			// A second reader seeing them means the relay applied them.
			await waitFor(async () => {
				const probe = connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer'));
				await waitSynced(probe);
				const ok = probe.doc.getArray('movements').length >= movements.length;
				probe.destroy();
				return ok;
			}, `${prefix} to reach the relay`);
		};

		await writeAndWait(10, 'a');
		await joinAndCompare(); // encodes and caches
		await writeAndWait(10, 'b');
		await joinAndCompare(); // cache + 10 tail updates
		await writeAndWait(300, 'c');
		await joinAndCompare(); // tail overflowed: re-encoded
	});
});

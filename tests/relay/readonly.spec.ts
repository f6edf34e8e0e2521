// A connection whose role may not write a doc can read it, but its writes never land.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/domain/auth/roles';
import {
	connectClient,
	openRawOrThrow,
	waitFor,
	waitSynced,
	type Client
} from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

describe('read-only connections', () => {
	let dir: ReturnType<typeof tempDir>;
	let relay: TestRelay;
	const clients: Client[] = [];
	beforeEach(async () => {
		dir = tempDir();
		relay = await startTestRelay({ dataDir: dir.path });
	});
	afterEach(async () => {
		for (const c of clients.splice(0)) c.destroy();
		await relay.close();
		dir.remove();
	});
	const client = async (doc: string, role: Role): Promise<Client> => {
		const c = connectClient(relay.ws, 'acme', doc, await token('acme', role));
		clients.push(c);
		await waitSynced(c); // a read-only client's sync step 1 is answered too
		return c;
	};

	it.each([
		['sales', 'ledger-2026-11'],
		['viewer', 'ledger-2026-11'],
		['viewer', 'catalog'],
		['finance', 'counts']
	] as const)('drops and counts writes of %s to %s while it keeps reading', async (role, doc) => {
		const writer = await client(doc, 'admin');
		const reader = await client(doc, role);
		writer.doc.getArray('movements').push([{ id: 'ok-1' }]);
		await waitFor(
			() => reader.doc.getArray('movements').length === 1,
			'reader to receive the writer’s entry'
		);

		const rejectedBefore = await metric(relay.http, 'stockflow_rejected_writes_total');
		reader.doc.getArray('movements').push([{ id: 'forged' }]);
		await waitFor(
			async () => (await metric(relay.http, 'stockflow_rejected_writes_total')) > rejectedBefore,
			'the relay to count the rejected write'
		);

		// The connection stays open and keeps receiving.
		writer.doc.getArray('movements').push([{ id: 'ok-2' }]);
		await waitFor(
			() =>
				reader.doc
					.getArray('movements')
					.toJSON()
					.some((m: { id: string }) => m.id === 'ok-2'),
			'reader to keep receiving'
		);
		expect(reader.provider.wsconnected).toBe(true);

		// Nobody else ever sees the forged entry: not the writer, not a fresh client, not the relay.
		const raw = await openRawOrThrow(
			`${relay.ws}/sync/acme/${doc}?token=${await token('acme', 'admin')}`
		);
		const relayVector = await raw.queryStateVector();
		expect(relayVector.has(reader.doc.clientID)).toBe(false);
		raw.ws.close();
		const fresh = await client(doc, 'viewer');
		expect(fresh.doc.getArray('movements').toJSON()).toEqual([{ id: 'ok-1' }, { id: 'ok-2' }]);
		expect(writer.doc.getArray('movements').toJSON()).toEqual([{ id: 'ok-1' }, { id: 'ok-2' }]);
	});
});

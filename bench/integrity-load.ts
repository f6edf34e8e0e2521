// The integrity bench's load (bench/integrity.ts): stock y-websocket clients writing what the
// app writes, so every rule of the relay's check runs. Per workspace: a warehouse clerk's
// ledger movements (schema, authorship, stamps, append-only), and catalog edits with their
// audit entries — a buyer's standard costs and a sales clerk's selling prices (field rights,
// the audit rule). A reader per doc times each write from send to arrival.

import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { issueToken } from '../sync-server/auth';
import type { Role } from '../src/lib/domain/auth/roles';
import { createHlc } from '../src/lib/domain/clock/hlc';
import type { Movement } from '../src/lib/domain/ledger/movement';
import { BENCH_SECRET } from './relay/shared';

const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;
export const CLERK = 'bench-clerk';
const BUYER = 'bench-buyer';
const SELLER = 'bench-seller';
/** Items each workspace's catalog holds (created by the buyer, with their `create` entries). */
const ITEMS = 50;

/** A device name for stamps (letters, digits, `_.:`; a workspace has dashes). */
const device = (prefix: string, workspace: string): string =>
	`${prefix}.${workspace}`.replaceAll('-', '_');

export function ledgerName(): string {
	return `ledger-${new Date().toISOString().slice(0, 7)}`;
}

export function token(workspace: string, role: Role, user: string): Promise<string> {
	return issueToken({ secret: BENCH_SECRET, workspace, role, user, ttl: '1h' });
}

export function connect(
	origin: string,
	workspace: string,
	docName: string,
	token: string,
	doc = new Y.Doc()
): WebsocketProvider {
	return new WebsocketProvider(`${origin}/sync/${workspace}`, docName, doc, {
		params: { token },
		WebSocketPolyfill,
		disableBc: true
	});
}

export function movementFactory(device: string): (seq: number) => Movement {
	const clock = createHlc(device, Date.now);
	return (seq) => ({
		id: `${device}-${seq}`,
		at: clock.now(),
		itemId: `item-${seq % 500}`,
		warehouseId: 'wh-1',
		qty: 1 + (seq % 9),
		unitCostCents: 1250,
		reason: 'receipt',
		device,
		user: CLERK
	});
}

/** Send times by entry id (movement or audit entry) and the latencies of arrivals. */
export class Timing {
	readonly sentAt = new Map<string, number>();
	latencies: number[] = [];

	sent(id: string): void {
		this.sentAt.set(id, performance.now());
	}

	/** Times the arrivals of `array`'s entries at a reader. */
	watch(array: Y.Array<{ id: string }>): void {
		array.observe((event) => {
			const at = performance.now();
			for (const item of event.changes.added)
				for (const value of item.content.getContent() as Array<{ id: string }>) {
					const sent = this.sentAt.get(value.id);
					if (sent !== undefined) this.latencies.push(at - sent);
				}
		});
	}
}

export interface Workspace {
	providers: WebsocketProvider[];
	/** The buyer creates the catalog's items, each with its `create` entry (one transaction). */
	seed(): void;
	/** Whether both catalog editors have every item. */
	seeded(): boolean;
	/** One live write of each kind this tick asks for (`seq` counts ticks). */
	write(seq: number): void;
}

/**
 * A workspace's live load: a clerk and a reader on the ledger, a buyer, a sales clerk and a
 * reader on the catalog. `catalogEvery`: a catalog edit every this many movements.
 */
export async function openWorkspace(
	origin: string,
	workspace: string,
	timing: Timing,
	catalogEvery: number
): Promise<Workspace> {
	const clerk = await token(workspace, 'warehouse', CLERK);
	const ledger = [connect(origin, workspace, ledgerName(), clerk)];
	ledger.push(connect(origin, workspace, ledgerName(), clerk));
	timing.watch(ledger[1]!.doc.getArray('movements'));
	const buyer = connect(origin, workspace, 'catalog', await token(workspace, 'purchasing', BUYER));
	const seller = connect(origin, workspace, 'catalog', await token(workspace, 'sales', SELLER));
	const reader = connect(origin, workspace, 'catalog', clerk);
	timing.watch(reader.doc.getArray('audit'));
	const next = movementFactory(device('bench', workspace));
	const editors = [
		{ provider: buyer, user: BUYER, field: 'standardCostCents' },
		{ provider: seller, user: SELLER, field: 'salePriceCents' }
	].map((e) => ({ ...e, clock: createHlc(device(e.user, workspace), Date.now) }));
	let edits = 0;
	return {
		providers: [...ledger, buyer, seller, reader],
		seed: () => seedCatalog(buyer, workspace),
		seeded: () => [buyer, seller].every((p) => p.doc.getMap('items').size === ITEMS),
		write(seq) {
			const movement = next(seq);
			timing.sent(movement.id);
			ledger[0]!.doc.getArray<Movement>('movements').push([movement]);
			if (seq % catalogEvery !== 0) return;
			const editor = editors[edits % 2]!;
			const id = `${editor.user}-${workspace}-${edits}`;
			const itemId = `item-${edits % ITEMS}`;
			const value = 100 + (edits++ % 997);
			const doc = editor.provider.doc;
			const item = doc.getMap<Y.Map<unknown>>('items').get(itemId);
			if (!item) return;
			timing.sent(id);
			doc.transact(() => {
				const old = item.get(editor.field);
				item.set(editor.field, value);
				doc.getArray('audit').push([
					{
						...{ id, at: editor.clock.now(), user: editor.user, device: 'bench' },
						...{ record: 'item', recordId: itemId, action: 'change', field: editor.field },
						...(old === undefined ? {} : { old }),
						...{ new: value, command: 'updateItem' }
					}
				]);
			});
		}
	};
}

function seedCatalog(provider: WebsocketProvider, workspace: string): void {
	const { doc } = provider;
	const clock = createHlc(device('seed', workspace), Date.now);
	doc.transact(() => {
		for (let i = 0; i < ITEMS; i++) {
			const fields = { code: `B${i}`, name: `bench item ${i}`, unit: 'pcs' };
			const item = new Y.Map<unknown>();
			doc.getMap('items').set(`item-${i}`, item);
			for (const [k, v] of Object.entries(fields)) item.set(k, v);
			doc.getArray('audit').push([
				{
					...{ id: `create-${workspace}-${i}`, at: clock.now(), user: BUYER, device: 'seed' },
					...{ record: 'item', recordId: `item-${i}`, action: 'create', new: fields },
					command: 'createItem'
				}
			]);
		}
	});
}

/** An offline device's catch-up: `count` movements in one doc, sent as one sync step 2. */
export function offlineLedger(device: string, count: number): Y.Doc {
	const doc = new Y.Doc();
	const next = movementFactory(device);
	const array = doc.getArray<Movement>('movements');
	doc.transact(() => {
		for (let i = 0; i < count; i++) array.push([next(i)]);
	});
	return doc;
}

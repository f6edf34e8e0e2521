// The integrity check's own cost on a live update, on one thread, without sockets or storage:
// the updates the integrity bench's clients write (bench/integrity-load.ts: a clerk's movement,
// a buyer's standard cost or a sales clerk's price with its audit entry) checked against rooms
// already holding history, next to what the relay does with every update anyway (decode and
// apply). Each round checks the same updates against freshly rebuilt rooms; the figures are
// the median per update over rounds.
//   node --import tsx bench/integrity-micro.ts [updates] [rounds]
//   add --cpu-prof to profile (the check only: BENCH_MICRO_PROFILE=check)

import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { checkIntegrity, type IntegrityInput } from '../sync-server/integrity/check';
import type { Role } from '../src/lib/domain/auth/roles';
import { createHlc } from '../src/lib/domain/clock/hlc';
import type { Movement } from '../src/lib/domain/ledger/movement';

const ITEMS = 50;
const REMOTE = Symbol('remote');
const HISTORY = 2000;

interface Live {
	doc: 'catalog' | 'ledger';
	update: Uint8Array;
	user: string;
	role: Role;
}

function movement(device: string, clock: () => string, seq: number): Movement {
	return {
		...{ id: `${device}-${seq}`, at: clock(), itemId: `item-${seq % 500}`, warehouseId: 'wh-1' },
		...{ qty: 1 + (seq % 9), unitCostCents: 1250, reason: 'receipt', device, user: 'clerk' }
	};
}

/** The rooms' starting state and the live updates written after it, in order. */
function scenario(count: number): { catalog: Uint8Array; ledger: Uint8Array; live: Live[] } {
	const catalog = new Y.Doc();
	const ledger = new Y.Doc();
	const seed = createHlc('seed', Date.now);
	catalog.transact(() => {
		for (let i = 0; i < ITEMS; i++) {
			const fields = { code: `B${i}`, name: `bench item ${i}`, unit: 'pcs' };
			const item = new Y.Map<unknown>();
			catalog.getMap('items').set(`item-${i}`, item);
			for (const [k, v] of Object.entries(fields)) item.set(k, v);
			catalog.getArray('audit').push([
				{
					...{ id: `create-${i}`, at: seed.now(), user: 'buyer', device: 'seed' },
					...{ record: 'item', recordId: `item-${i}`, action: 'create', new: fields },
					command: 'createItem'
				}
			]);
		}
	});
	const old = createHlc('old', Date.now);
	ledger.transact(() => {
		for (let i = 0; i < HISTORY; i++)
			ledger.getArray('movements').push([movement('old', () => old.now(), i)]);
	});
	const start = {
		catalog: Y.encodeStateAsUpdate(catalog),
		ledger: Y.encodeStateAsUpdate(ledger)
	};
	const live: Live[] = [];
	const capture = (doc: Y.Doc, meta: Omit<Live, 'update'>): void => {
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== REMOTE) live.push({ ...meta, update });
		});
	};
	// Each writer is its own device (client id), synced with the room's state.
	const clerk = new Y.Doc();
	Y.applyUpdate(clerk, start.ledger);
	capture(clerk, { doc: 'ledger', user: 'clerk', role: 'warehouse' });
	const editors = (
		[
			['buyer', 'purchasing', 'standardCostCents'],
			['seller', 'sales', 'salePriceCents']
		] as const
	).map(([user, role, field]) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, start.catalog);
		capture(doc, { doc: 'catalog', user, role });
		return { doc, user, field, clock: createHlc(user, Date.now) };
	});
	const clerkClock = createHlc('clerk', Date.now);
	let edits = 0;
	for (let seq = 0; live.length < count; seq++) {
		clerk.getArray('movements').push([movement('clerk', () => clerkClock.now(), seq)]);
		if (seq % 5 !== 0) continue;
		const editor = editors[edits % 2]!;
		const itemId = `item-${edits % ITEMS}`;
		const value = 100 + (edits % 997);
		const item = editor.doc.getMap<Y.Map<unknown>>('items').get(itemId)!;
		const id = `${editor.user}-${edits++}`;
		editor.doc.transact(() => {
			const before = item.get(editor.field);
			item.set(editor.field, value);
			editor.doc.getArray('audit').push([
				{
					...{ id, at: editor.clock.now(), user: editor.user, device: 'bench' },
					...{ record: 'item', recordId: itemId, action: 'change', field: editor.field },
					...(before === undefined ? {} : { old: before }),
					...{ new: value, command: 'updateItem' }
				}
			]);
		});
		// The other editor sees it (as the relay forwards it) before its own next edit.
		const other = editors[edits % 2]!;
		const missed = Y.encodeStateAsUpdate(editor.doc, Y.encodeStateVector(other.doc));
		Y.applyUpdate(other.doc, missed, REMOTE);
	}
	return { ...start, live: live.slice(0, count) };
}

interface Times {
	decode: number;
	check: number;
	apply: number;
	checkLedger: number;
	checkCatalog: number;
}

function runRound(s: ReturnType<typeof scenario>, doCheck: boolean): Times {
	const rooms = { catalog: new Y.Doc(), ledger: new Y.Doc() };
	Y.applyUpdate(rooms.catalog, s.catalog);
	Y.applyUpdate(rooms.ledger, s.ledger);
	const times: Times = { decode: 0, check: 0, apply: 0, checkLedger: 0, checkCatalog: 0 };
	const now = Date.now();
	for (const live of s.live) {
		const room = rooms[live.doc];
		let t = performance.now();
		const update = Y.decodeUpdate(live.update);
		times.decode += performance.now() - t;
		if (doCheck) {
			t = performance.now();
			const input: IntegrityInput = {
				doc: room,
				kind: live.doc,
				docName:
					live.doc === 'ledger' ? `ledger-${new Date().toISOString().slice(0, 7)}` : 'catalog',
				update,
				writer: { user: live.user, role: live.role },
				relayNowMs: now
			};
			const refusal = checkIntegrity(input);
			const took = performance.now() - t;
			times.check += took;
			if (live.doc === 'ledger') times.checkLedger += took;
			else times.checkCatalog += took;
			if (refusal) throw new Error(`refused: ${refusal.reason} ${refusal.detail}`);
		}
		t = performance.now();
		Y.applyUpdate(room, live.update);
		times.apply += performance.now() - t;
	}
	return times;
}

const count = Number(process.argv[2] ?? 3000);
const rounds = Number(process.argv[3] ?? 7);
const s = scenario(count);
const kinds = { ledger: 0, catalog: 0 };
for (const l of s.live) kinds[l.doc]++;
// Warm-up (JIT), then measured rounds.
runRound(s, true);
runRound(s, true);
const perUpdate: Times[] = [];
for (let r = 0; r < rounds; r++) perUpdate.push(runRound(s, true));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const per = (key: keyof Times, n: number): number =>
	(median(perUpdate.map((t) => t[key])) / n) * 1000;
const us = (key: keyof Times): number => per(key, count);
console.log(
	`${count} live updates (${kinds.ledger} movements, ${kinds.catalog} catalog edits + audit), ` +
		`median of ${rounds} rounds, µs per update:`
);
console.log(
	`decode ${us('decode').toFixed(1)}  check ${us('check').toFixed(1)}  apply ${us('apply').toFixed(1)}` +
		`  check ÷ (decode + apply) ${(us('check') / (us('decode') + us('apply'))).toFixed(2)}`
);
console.log(
	`check per movement ${per('checkLedger', kinds.ledger).toFixed(1)}, ` +
		`per catalog edit ${per('checkCatalog', kinds.catalog).toFixed(1)}`
);

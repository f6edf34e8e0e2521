// The doc a fresh client joins in the *join* scenario: n movement entries written by many
// devices (clientIDs interleaved every 10 entries, as a month of real use looks), so Yjs cannot merge them into
// one struct and the encoding cost is realistic. Built once per size and cached on disk.

import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { Entry } from './shared';

const DEVICES = 50;
/** Movements recorded per transaction (a goods receipt of a few lines). */
const BATCH = 10;

export function seedFile(n: number): string {
	const file = join(tmpdir(), `stockflow-bench-seed-${n}-v2.bin`);
	if (existsSync(file)) return file;
	const doc = new Y.Doc();
	const movements = doc.getArray<Entry>('movements');
	for (let start = 0; start < n; start += BATCH) {
		doc.clientID = 1 + ((start / BATCH) % DEVICES);
		const batch: Entry[] = [];
		for (let i = start; i < Math.min(n, start + BATCH); i++) {
			batch.push({
				id: `m-${i}`,
				item: `SKU-${(i * 7919) % 2000}`,
				wh: `W${1 + (i % 3)}`,
				qty: 1 + (i % 9),
				w: -1,
				t: 1_700_000_000_000 + i
			});
		}
		movements.push(batch);
	}
	writeFileSync(file, Y.encodeStateAsUpdate(doc));
	doc.destroy();
	return file;
}

// Planning page main-thread benchmark on the demo company: what the page's main thread does to
// start a plan. Baseline (the former design): reading the planning snapshot (stock fold, order
// board, supply, forecast) on the main thread. Now: the worker loads its copies of the catalog
// and orders docs from IndexedDB itself and reports what they hold (state vectors); the main
// thread sends only what those copies lack plus the page's already-folded balances, on the
// first run as on a re-plan. Here the stored copies are taken to be current (y-indexeddb stores
// every update as it happens), so the first run's diff is empty. Also the worker's whole job
// (rebuild the docs from one update, read, plan), off the main thread; reading IndexedDB is
// not measured (Node has none). Medians of repeated runs.
// Earlier versions printed a "first run (copy docs)" row: both whole docs encoded on the main
// thread. The app no longer pays that since the planning worker opens the docs itself (session
// 10), so the row is gone; `encodePlanDocs` remains for tests and the worker row's input.
//   npm run bench -- --only planning [--quick]

import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { workspaceDocsInMemory } from '../src/lib/commands/memory-docs';
import { ledgerBalances } from '../src/lib/commands/ledger-cache';
import { readPlanningSnapshot } from '../src/lib/commands/production/planning';
import { seedDemoCompany } from '../src/lib/demo/company';
import { readItems } from '../src/lib/doc/catalog-doc';
import {
	encodePlanDocs,
	PlanDocsMirror,
	PlanDocsSender,
	planOfDocs
} from '../src/lib/state/pages/production-plan-docs';

const TODAY = '2026-12-07';
const WEEKS = 26;

function median(samples: number[]): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, f: () => unknown): number {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		f();
		samples.push(performance.now() - t);
	}
	return median(samples);
}

export async function runPlanningBench({ quick }: { quick: boolean }): Promise<void> {
	const docs = workspaceDocsInMemory();
	const months = quick ? 3 : 12;
	await seedDemoCompany(docs, { seed: 7, nowMs: Date.UTC(2026, 11, 7, 3), months });
	// The page keeps this fold anyway (WorkspaceState.balances); the worker is handed it.
	const balances = [...ledgerBalances({ docs }).values()];
	const runs = quick ? 5 : 11;
	// Warm up the parsers and caches both ways first.
	readPlanningSnapshot({ docs }, TODAY, WEEKS);
	encodePlanDocs(docs, balances);
	const snapshotMs = time(runs, () => readPlanningSnapshot({ docs }, TODAY, WEEKS));
	// First run: the worker's stored copies hold everything (its load reported these vectors).
	const stored = {
		catalog: Y.encodeStateVector(docs.catalog),
		orders: Y.encodeStateVector(docs.shared('orders'))
	};
	const firstMs = time(runs, () => {
		const fresh = new PlanDocsSender();
		fresh.assumeHeld(stored);
		return fresh.encode(docs, balances);
	});
	// Later runs: the page's sender sends only what changed since the last message.
	const sender = new PlanDocsSender();
	sender.encode(docs, balances);
	const diffMs = time(runs, () => sender.encode(docs, balances));
	const snap = encodePlanDocs(docs, balances);
	const workerMs = time(Math.max(3, runs >> 1), () => planOfDocs(snap, TODAY, WEEKS));
	// A delivery promise with its rush preview (MRP twice, capacity booked three ways), on the
	// worker's warm copy: 800 luxury gift boxes (two BOM levels, four centres) in two weeks.
	const mirror = new PlanDocsMirror();
	const toWorker = new PlanDocsSender();
	mirror.plan(toWorker.encode(docs, balances), TODAY, WEEKS);
	const box = readItems(docs.catalog).find((i) => i.code === 'GFT-YS-LUX');
	const request = { itemId: box?.id ?? '', qty: 800, wantedDate: '2026-12-21' };
	const promiseMs = time(Math.max(3, runs >> 1), () =>
		mirror.promise(toWorker.encode(docs, balances), [request], TODAY, WEEKS)
	);
	console.log(`demo company, ${months} months, ${balances.length} stock positions, ${WEEKS} weeks`);
	console.log(`main thread, before (read snapshot): ${snapshotMs.toFixed(1)} ms (baseline)`);
	console.log(
		`main thread, now, first run (stored copies + stock): ${firstMs.toFixed(1)} ms = ${(firstMs / snapshotMs).toFixed(3)} × baseline`
	);
	console.log(
		`main thread, now, re-plan (diff + stock):            ${diffMs.toFixed(1)} ms = ${(diffMs / snapshotMs).toFixed(3)} × baseline`
	);
	console.log(
		`worker, first run (load docs, read, plan): ${workerMs.toFixed(1)} ms = ${(workerMs / snapshotMs).toFixed(2)} × baseline, off the main thread`
	);
	console.log(
		`worker, promise + rush preview (warm copy): ${promiseMs.toFixed(1)} ms, off the main thread`
	);
}

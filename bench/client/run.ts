// Client at scale: a workspace with 2,000 SKUs and 10k / 100k movements over 12 months, in
// headless Chromium against the real built app and relay. Measures the fresh-device sync, the
// cold start from IndexedDB to an interactive stock overview, recording one more movement
// (click → its new balance painted, timed inside the page), and JS heap — each also as a
// ratio against the same workspace with no movements (the
// baseline: the cost of booting the app and its catalog), measured in the same run.
//
// The full run adds 100k movements with every month before the current one closed (月結): a
// fresh device then downloads the current month and its opening, not the year.
//
//   npx tsx bench/client/run.ts [--quick | --closed]     (needs `npx vite build` first)
//
// STOCKFLOW_BENCH_BUILD=<dir> serves another build than build/ (to compare two builds with
// the same harness). What it watches inside the page is in page-probes.ts.

import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { issueToken } from '../../sync-server/auth';
import { startServer } from '../../sync-server/server';
import { silentLogger } from '../../sync-server/logger';
import { seedWorkspace, type SeedResult } from './seed';
import {
	bootMarks,
	recordOne,
	untilProjected,
	untilStockShows,
	type RecordTiming
} from './page-probes';

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--headless',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
const SECRET = 'bench-secret-0123456789abcdef0123456789';
const quick = process.argv.includes('--quick');
interface Case {
	movements: number;
	closed: boolean;
}
const only = process.argv.includes('--closed');
const SIZES: Case[] = quick
	? [0, 10_000].map((movements) => ({ movements, closed: false }))
	: only
		? [
				{ movements: 0, closed: false },
				{ movements: 100_000, closed: false },
				{ movements: 100_000, closed: true }
			]
		: [
				...[0, 10_000, 100_000].map((movements) => ({ movements, closed: false })),
				{ movements: 100_000, closed: true }
			];
const ITEMS = quick ? 500 : 2_000;
const BUILD_DIR = process.env.STOCKFLOW_BENCH_BUILD ?? 'build';
const COLD_RUNS = 3;
const RECORD_RUNS = 3;

interface Figures {
	movements: number;
	/** Past months closed: the device holds only the open months. */
	closed: boolean;
	freshMs: number;
	coldMs: number;
	/** Submit click → the success toast with the new balance painted (see recordOne). */
	recordMs: number;
	/** Of which the click waited for the main thread (a background task running). */
	recordInputDelayMs: number;
	heapMb: number;
	/** Median ms after navigation start of each cold-start phase (see BREAKDOWN). */
	breakdown: Record<string, number>;
}

/**
 * Where a cold start's time goes, in ms after navigation start: the HTML parsed, the app's
 * JS running the (app) layout, the catalog read (after the projection opened), balances
 * trusted, the overview rendered and painted (`stockflow:*` marks set by the app, see
 * src/lib/state/boot-marks.ts), then when the test saw it (checked every frame, see
 * untilStockShows; a main thread kept busy after the paint delays it).
 */
const BREAKDOWN: [label: string, mark: string][] = [
	['html', 'domContentLoaded'],
	['js', 'app-layout'],
	['catalog', 'catalog'],
	['usable', 'usable'],
	['rendered', 'stock-rendered'],
	['painted', 'stock-painted'],
	['seen', 'seen']
];

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function measure(
	browser: Browser,
	origin: string,
	workspace: string,
	seed: SeedResult
): Promise<Figures> {
	const token = await issueToken({
		secret: SECRET,
		workspace,
		role: 'admin',
		user: 'bench',
		ttl: '2h'
	});
	const context = await browser.newContext({
		baseURL: origin,
		viewport: { width: 1366, height: 768 }
	});
	const first = await context.newPage();
	await first.goto(`/signin?token=${token}`);
	await first.waitForURL((url) => url.pathname !== '/signin');
	const freshMs = await untilStockShows(first, seed.probe);
	// Let the first sync's projection finish writing (month by month) before the cold starts;
	// a cold start right after a partial write measures the catch-up instead.
	await first
		.getByTestId('connection-status')
		.and(first.locator('[data-status="online"]'))
		.waitFor();
	await untilProjected(first, workspace, seed.openMovements);
	await first.waitForTimeout(2_000);
	await first.close();

	const colds: number[] = [];
	const marks: Record<string, number>[] = [];
	let heapMb = 0;
	for (let run = 0; run < COLD_RUNS; run++) {
		const page = await context.newPage();
		colds.push(await untilStockShows(page, seed.probe));
		marks.push(await bootMarks(page));
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const { metrics } = await cdp.send('Performance.getMetrics');
		heapMb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1_048_576;
		await page.close();
	}

	const records: RecordTiming[] = [];
	for (let run = 0; run < RECORD_RUNS; run++) {
		const page = await context.newPage();
		records.push(await recordOne(page, seed.probe));
		await page.close();
	}
	await context.close();
	const breakdown: Record<string, number> = {};
	for (const [, mark] of BREAKDOWN)
		breakdown[mark] = median(marks.map((m) => m[mark]).filter((v) => v !== undefined));
	return {
		movements: seed.movements,
		closed: seed.openMovements < seed.movements,
		freshMs,
		coldMs: median(colds),
		recordMs: Math.round(median(records.map((r) => r.paintedAt - r.clickAt))),
		recordInputDelayMs: Math.round(median(records.map((r) => r.handledAt - r.clickAt))),
		heapMb,
		breakdown
	};
}

async function main(): Promise<void> {
	if (!existsSync(join(BUILD_DIR, 'index.html')))
		throw new Error(`No app in ${BUILD_DIR}: build it first (npx vite build)`);
	const dataDir = mkdtempSync(join(tmpdir(), 'stockflow-bench-client-'));
	const nowMs = Date.now();
	const seeds: { workspace: string; seed: SeedResult }[] = [];
	for (const { movements, closed } of SIZES) {
		const workspace = `bench-${movements}${closed ? '-closed' : ''}`;
		const t0 = Date.now();
		const seed = await seedWorkspace({
			dataDir,
			workspace,
			items: ITEMS,
			movements,
			nowMs,
			seed: 7,
			closePast: closed
		});
		console.log(
			`seeded ${workspace}: ${ITEMS} items, ${seed.movements} movements in ${Date.now() - t0} ms`
		);
		seeds.push({ workspace, seed });
	}
	const server = await startServer({
		port: 0,
		host: '127.0.0.1',
		dataDir,
		staticDir: BUILD_DIR,
		secret: SECRET,
		logger: silentLogger()
	});
	const origin = `http://127.0.0.1:${server.port}`;
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	const results: Figures[] = [];
	try {
		for (const { workspace, seed } of seeds)
			results.push(await measure(browser, origin, workspace, seed));
	} finally {
		await browser.close();
		await server.close();
		rmSync(dataDir, { recursive: true, force: true });
	}

	const base = results[0];
	if (!base) return;
	const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
	const label = (r: Figures): string => `${r.movements}${r.closed ? ' closed' : ''}`.padStart(14);
	console.log(
		`\nClient at scale (${ITEMS} SKUs; baseline = same catalog, no movements; median of ${COLD_RUNS} cold starts)`
	);
	console.log(
		`${'movements'.padStart(14)} | fresh device sync | cold start → stock | record one | JS heap`
	);
	for (const r of results) {
		console.log(
			`${label(r)} | ${String(r.freshMs).padStart(6)} ms ${ratio(r.freshMs, base.freshMs).padStart(7)} | ` +
				`${String(r.coldMs).padStart(6)} ms ${ratio(r.coldMs, base.coldMs).padStart(7)} | ` +
				`${String(r.recordMs).padStart(5)} ms ${ratio(r.recordMs, base.recordMs).padStart(7)} | ` +
				`${r.heapMb.toFixed(1).padStart(6)} MB ${ratio(r.heapMb, base.heapMb).padStart(6)}`
		);
	}
	console.log(
		`\nRecord one: submit click → success toast (new balance) painted, timed in the page; median of ${RECORD_RUNS}, each right after loading /movements/new`
	);
	console.log(`${'movements'.padStart(14)} | record one | of which input delay`);
	for (const r of results)
		console.log(
			`${label(r)} | ${String(r.recordMs).padStart(7)} ms | ${String(r.recordInputDelayMs).padStart(7)} ms`
		);
	console.log(
		`\nCold start breakdown (ms after navigation start, median of ${COLD_RUNS}; see BREAKDOWN in bench/client/run.ts)`
	);
	console.log(
		['movements'.padStart(14), ...BREAKDOWN.map(([label]) => label.padStart(8))].join(' | ')
	);
	for (const r of results) {
		const cells = BREAKDOWN.map(([, mark]) => {
			const v = r.breakdown[mark];
			return (v === undefined || Number.isNaN(v) ? '—' : String(Math.round(v))).padStart(8);
		});
		console.log([label(r), ...cells].join(' | '));
	}
}

await main();

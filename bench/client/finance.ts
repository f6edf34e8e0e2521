// Finance pages on the demo company's year, in headless Chromium against the built app: the
// longest main-thread task (PerformanceObserver 'longtask', Chromium's > 50 ms tasks) while
// the finance home and the valuation report open — in-app navigation from the stock overview
// (what a user does) and a cold load — against the stock overview itself as the baseline,
// measured in the same run. The issue's goal: no main-thread task over 100 ms.
//
//   npx tsx bench/client/finance.ts [--runs N]      (needs `npx vite build` first)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { issueToken } from '../../sync-server/auth';
import { silentLogger } from '../../sync-server/logger';
import { startServer } from '../../sync-server/server';

const SECRET = 'bench-secret-finance-0123456789abcdef01234';
const WORKSPACE = 'demo';
const BUILD_DIR = process.env.STOCKFLOW_BENCH_BUILD ?? 'build';
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 3;
const GOAL_MS = 100;

/** Installed before any page script: collects long tasks into window.__longTasks. */
const OBSERVER = `
	window.__longTasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
	}).observe({ type: 'longtask', buffered: true });
`;

interface Sample {
	longestMs: number;
	/** Sum of the parts of long tasks past 50 ms (total blocking time). */
	blockingMs: number;
}

async function sinceMark(page: Page, mark: number): Promise<Sample> {
	const tasks = await page.evaluate(
		(t) =>
			((window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks ?? [])
				.filter((x) => x.start + x.ms >= t)
				.map((x) => x.ms),
		mark
	);
	return {
		longestMs: Math.round(Math.max(0, ...tasks)),
		blockingMs: Math.round(tasks.reduce((s, ms) => s + Math.max(0, ms - 50), 0))
	};
}

/** Until the page's own content shows and the main thread has been quiet for a second. */
async function settle(page: Page, ready: string): Promise<void> {
	await page.waitForSelector(ready, { timeout: 120_000 });
	await page.waitForFunction(
		() => {
			const w = window as unknown as { __longTasks: { start: number; ms: number }[] };
			const last = w.__longTasks.at(-1);
			return performance.now() - (last ? last.start + last.ms : 0) > 1_000;
		},
		undefined,
		{ polling: 200, timeout: 120_000 }
	);
}

const PAGES: { name: string; path: string; ready: string }[] = [
	{ name: 'stock (baseline)', path: '/stock', ready: '[data-testid^="onhand-"]' },
	{
		name: 'finance home',
		path: '/finance',
		ready: '[data-testid="finance-chart-turnover"][data-ready="true"]'
	},
	{
		name: 'valuation report',
		path: '/finance/valuation',
		ready: '[data-testid="finance-report-chart"][data-ready="true"]'
	}
];

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
	if (!existsSync(join(BUILD_DIR, 'index.html')))
		throw new Error(`No app in ${BUILD_DIR}: build it first (npx vite build)`);
	const dataDir = mkdtempSync(join(tmpdir(), 'stockflow-bench-finance-'));
	const demo = spawnSync(process.execPath, ['bin/stockflow.js', 'demo', '--workspace', WORKSPACE], {
		env: { ...process.env, DATA_DIR: dataDir, STOCKFLOW_SECRET: SECRET },
		encoding: 'utf8'
	});
	if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
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
		args: ['--no-sandbox', '--headless=new', '--disable-gpu']
	});
	const cold = new Map<string, Sample[]>();
	const nav = new Map<string, Sample[]>();
	try {
		const token = await issueToken({
			secret: SECRET,
			workspace: WORKSPACE,
			role: 'admin',
			user: 'chen',
			ttl: '2h'
		});
		const context = await browser.newContext({
			baseURL: origin,
			viewport: { width: 1366, height: 800 }
		});
		await context.addInitScript(OBSERVER);
		const first = await context.newPage();
		await first.goto(`/signin?token=${token}`);
		await first.waitForURL((url) => url.pathname !== '/signin');
		await first.goto('/stock');
		await settle(first, PAGES[0]?.ready ?? 'body');
		// Let the first sync land in IndexedDB, so every load below starts from the device.
		await first.waitForTimeout(3_000);
		await first.close();
		for (let run = 0; run < RUNS; run++) {
			for (const p of PAGES) {
				const page = await context.newPage();
				await page.goto(p.path);
				await settle(page, p.ready);
				cold.set(p.name, [...(cold.get(p.name) ?? []), await sinceMark(page, 0)]);
				await page.close();
			}
			// In-app: open the stock overview, then follow links as a user does.
			const page = await context.newPage();
			await page.goto('/stock');
			await settle(page, PAGES[0]?.ready ?? 'body');
			for (const p of PAGES.slice(1)) {
				const mark = await page.evaluate(() => performance.now());
				await page.evaluate((path) => {
					const a = document.createElement('a');
					a.href = path;
					document.body.append(a);
					a.click();
				}, p.path);
				await settle(page, p.ready);
				nav.set(p.name, [...(nav.get(p.name) ?? []), await sinceMark(page, mark)]);
			}
			await page.close();
		}
		await context.close();
	} finally {
		await browser.close();
		await server.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
	const base = median((cold.get(PAGES[0]?.name ?? '') ?? []).map((s) => s.longestMs));
	console.log(
		`Finance pages on the demo company (median of ${RUNS}; longest main-thread task, total blocking time)\n`
	);
	console.log('| page | how | longest task | ÷ stock cold load (baseline) | blocking | < 100 ms |');
	console.log('|---|---|---|---|---|---|');
	const row = (name: string, how: string, samples: Sample[] | undefined) => {
		if (!samples) return;
		const longest = median(samples.map((s) => s.longestMs));
		const blocking = median(samples.map((s) => s.blockingMs));
		console.log(
			`| ${name} | ${how} | ${longest} ms | ${base > 0 ? (longest / base).toFixed(2) + '×' : '—'} | ` +
				`${blocking} ms | ${longest <= GOAL_MS ? 'met' : 'missed'} |`
		);
	};
	for (const p of PAGES) row(p.name, 'cold load', cold.get(p.name));
	// In-app, one after the other: stock → finance home → valuation report (the view is shared).
	for (const p of PAGES.slice(1))
		row(p.name, 'in-app link, after the page before', nav.get(p.name));
}

await main();

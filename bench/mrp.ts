// MRP benchmark: 2,000 items in BOMs three levels deep below the end items, 52 weekly buckets,
// planned by planMrp (low-level codes, explosion, netting, lot sizing, pegging, exceptions).
// Baseline, measured in the same run: the same 2,000 items netted on their own, each given the
// gross requirements the full run computed for it as independent demand (a single-level run:
// the same netting work without the BOM). Figures are medians over repeated runs.
//   npm run bench -- --only mrp [--quick]

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { planMrp } from '../src/lib/domain/mrp/engine';
import type { LotSizing, MrpBomLine, MrpItem, MrpProblem } from '../src/lib/domain/mrp/types';
import { createPrng, type Prng } from '../src/lib/domain/random/prng';

const BUCKETS = 52;
/** Items per level: end items, two levels of subassemblies, purchased parts. */
const TIERS = [200, 400, 600, 800];
const TARGET_MS = 1000;

export function mrpBenchProblem(seed = 18): MrpProblem {
	const prng = createPrng(seed);
	const tiers = TIERS.map((count, level) =>
		Array.from({ length: count }, (_, i) => `L${level}-${String(i).padStart(4, '0')}`)
	);
	const items: MrpItem[] = tiers.flat().map((id) => ({
		id,
		onHand: prng.int(0, 400),
		safetyStock: prng.chance(0.3) ? prng.int(5, 50) : 0,
		leadTime: prng.int(1, 3),
		lotSizing: lotSizing(prng)
	}));
	const bom: MrpBomLine[] = [];
	for (let level = 0; level < tiers.length - 1; level++) {
		for (const parent of tiers[level]!) {
			const children = new Set<string>();
			const count = prng.int(2, 4);
			while (children.size < count) children.add(prng.pick(tiers[level + 1]!));
			// Now and then a part two levels down, so low-level codes matter.
			if (level + 2 < tiers.length && prng.chance(0.2)) children.add(prng.pick(tiers[level + 2]!));
			for (const child of children) {
				bom.push({
					parent,
					child,
					qtyPer: prng.int(1, 4),
					scrapPct: prng.chance(0.2) ? prng.int(1, 10) : 0
				});
			}
		}
	}
	const demand = tiers[0]!.flatMap((itemId) =>
		Array.from({ length: BUCKETS }, (_, b) => ({ itemId, bucket: b + 1, qty: prng.int(0, 60) }))
	);
	const scheduledReceipts = items
		.filter(() => prng.chance(0.15))
		.map((item) => ({ itemId: item.id, bucket: prng.int(1, 6), qty: prng.int(50, 500) }));
	return { buckets: BUCKETS, items, bom, demand, scheduledReceipts };
}

function lotSizing(prng: Prng): LotSizing {
	const roll = prng.next();
	if (roll < 0.6) return { rule: 'lot-for-lot' };
	if (roll < 0.8) return { rule: 'fixed', qty: prng.int(2, 20) * 25 };
	return { rule: 'min-multiple', min: prng.int(1, 4) * 50, multiple: prng.pick([1, 5, 10, 12]) };
}

/** The baseline problem: each item's full-run gross requirements as its own demand, no BOM. */
function singleLevel(problem: MrpProblem): MrpProblem {
	const full = planMrp(problem);
	const demand = full.items.flatMap((record) =>
		record.gross.flatMap((qty, b) => (qty > 0 ? [{ itemId: record.id, bucket: b + 1, qty }] : []))
	);
	return { ...problem, bom: [], demand };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

export async function runMrpBench(options: { quick?: boolean } = {}): Promise<void> {
	const runs = options.quick ? 5 : 15;
	const problem = mrpBenchProblem();
	const baseline = singleLevel(problem);
	for (let i = 0; i < 3; i++) {
		planMrp(problem);
		planMrp(baseline);
	}
	const wall = { full: [] as number[], base: [] as number[] };
	const cpu = { full: [] as number[], base: [] as number[] };
	for (let i = 0; i < runs; i++) {
		// Alternate which goes first, so neither always runs on a warmer heap.
		for (const which of i % 2 === 0 ? (['full', 'base'] as const) : (['base', 'full'] as const)) {
			const cpuStart = process.cpuUsage();
			const start = performance.now();
			planMrp(which === 'full' ? problem : baseline);
			wall[which].push(performance.now() - start);
			const used = process.cpuUsage(cpuStart);
			cpu[which].push((used.user + used.system) / 1000);
		}
	}
	const result = planMrp(problem);
	const levels = Math.max(...result.items.map((r) => r.lowLevelCode)) + 1;
	const full = median(wall.full);
	const base = median(wall.base);
	console.log(
		`${problem.items.length} items, ${problem.bom.length} BOM lines, ${levels} levels, ` +
			`${BUCKETS} buckets, ${problem.demand.length} demand entries, ` +
			`${problem.scheduledReceipts.length} scheduled receipts → ` +
			`${result.plannedOrders.length} planned orders, ${result.exceptions.length} exceptions\n` +
			`medians of ${runs} runs each, ${process.version}, load average ${loadavg()[0]!.toFixed(1)} ` +
			`on ${cpus().length} CPUs (CPU ms is the process's user + system time, GC threads included)\n`
	);
	const rows = [
		['run', 'wall ms', 'min wall ms', 'CPU ms', 'wall ratio', 'CPU ratio'],
		['single level (baseline)', base, Math.min(...wall.base), median(cpu.base), 1, 1],
		[
			'multi-level MRP',
			full,
			Math.min(...wall.full),
			median(cpu.full),
			full / base,
			median(cpu.full) / median(cpu.base)
		]
	].map((r, k) =>
		r.map((cell, c) =>
			typeof cell === 'string' ? cell : k > 0 && c >= 4 ? cell.toFixed(2) : cell.toFixed(1)
		)
	);
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
	for (const r of rows) {
		console.log(
			r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
		);
	}
	console.log(
		`\ntarget: multi-level MRP under ${TARGET_MS} ms: ${full < TARGET_MS ? 'met' : 'NOT met'}`
	);
}

if (import.meta.url === `file://${process.argv[1]}`)
	await runMrpBench({ quick: process.argv.includes('--quick') });

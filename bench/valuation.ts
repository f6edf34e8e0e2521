// Valuation engine at scale: 1,000,000 movements over 2,000 items, FIFO and moving average, then
// one backdated movement. Figures are ratios against baselines measured in the same run: a plain
// sum over the same movements (what any fold must at least cost) and the full recomputation.
// The machine is shared, so the verdict is on this process's CPU time, the median of several
// runs, each alternating with its baseline.

import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createValuationEngine } from '../src/lib/domain/valuation/engine';
import { MICRO } from '../src/lib/domain/valuation/fixed';
import type { ValuationMethod, ValuationMovement } from '../src/lib/domain/valuation/types';
import { createPrng } from '../src/lib/domain/random/prng';

export interface ValuationBenchOptions {
	quick?: boolean;
}

/** A ledger in stamp order: receipts (decimal costs), issues, some returns and count gains. */
export function makeLedger(count: number, items: number, seed: number): ValuationMovement[] {
	const rng = createPrng(seed);
	const out: ValuationMovement[] = new Array(count);
	const lastIssue = new Array<string | undefined>(items);
	for (let i = 0; i < count; i++) {
		const item = rng.int(0, items - 1);
		const itemId = `item-${item}`;
		const at = `${String(1_700_000_000_000 + i * 10).padStart(15, '0')}-000000-dev${i % 7}`;
		const kind = rng.next();
		let m: ValuationMovement;
		if (kind < 0.45) {
			m = {
				id: `m${i}`,
				at,
				itemId,
				qtyMicro: rng.int(1, 50_000) * 1000,
				unitCostMicro: rng.int(100, 99_999) * 10_000
			};
		} else if (kind < 0.95) {
			m = { id: `m${i}`, at, itemId, qtyMicro: -rng.int(1, 40_000) * 1000 };
			lastIssue[item] = m.id;
		} else if (kind < 0.98 && lastIssue[item]) {
			m = {
				id: `m${i}`,
				at,
				itemId,
				qtyMicro: rng.int(1, 5_000) * 1000,
				reverses: lastIssue[item]
			};
		} else {
			m = { id: `m${i}`, at, itemId, qtyMicro: rng.int(1, 3_000) * 1000 };
		}
		out[i] = m;
	}
	return out;
}

function plainSum(movements: readonly ValuationMovement[]): number {
	const qty = new Map<string, number>();
	let value = 0;
	for (const m of movements) {
		qty.set(m.itemId, (qty.get(m.itemId) ?? 0) + m.qtyMicro);
		if (m.unitCostMicro !== undefined) value += (m.qtyMicro / MICRO) * m.unitCostMicro;
	}
	return value + qty.size;
}

/** Wall time and this process's CPU time: on a shared machine the CPU time is the fairer one. */
function time<T>(fn: () => T): { ms: number; cpuMs: number; result: T } {
	const cpu = process.cpuUsage();
	const start = performance.now();
	const result = fn();
	const used = process.cpuUsage(cpu);
	return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * A full collection between measured runs, so a run does not pay for the garbage the previous
 * one left (the engine of the run before, the id index of the read test); what a run allocates
 * itself is still collected inside it and counted.
 */
function collector(): () => void {
	setFlagsFromString('--expose-gc');
	const gc: unknown = runInNewContext('gc');
	return typeof gc === 'function' ? () => gc() : () => undefined;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

export function runValuationBench(options: ValuationBenchOptions = {}): void {
	const count = options.quick ? 200_000 : 1_000_000;
	const items = options.quick ? 400 : 2_000;
	const runs = options.quick ? 3 : 5;
	// Through JSON, as `stockflow valuate` reads them: the generator's template-literal stamps and
	// ids are V8 cons strings that the first comparison would flatten inside the timed run, which
	// parsed input (JSON, a Y.Doc) never needs.
	const ledger = JSON.parse(JSON.stringify(makeLedger(count, items, 19))) as ValuationMovement[];
	const gc = collector();
	console.log(
		`${count.toLocaleString('en')} movements over ${items.toLocaleString('en')} items; ` +
			`load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs; ` +
			`${runs} runs each, a full collection before every run, medians; verdict on CPU time\n`
	);
	console.log(
		'| method | full run cpu, median (min–max) | wall, median | plain sum cpu (wall), baseline | full ÷ sum, cpu | < 2 s cpu | every result read by id, cpu | backdated re-value, median of 20 | ÷ full | < 5 % |'
	);
	console.log('|---|---|---|---|---|---|---|---|---|---|');
	for (const method of ['fifo', 'moving-average'] as ValuationMethod[]) {
		// Warm-up on the whole ledger, so the runs measure the engine, not the JIT.
		plainSum(ledger);
		createValuationEngine({ method }).add(ledger);
		// Baseline and engine alternate, so both see the same load.
		const sums: { ms: number; cpuMs: number }[] = [];
		const fulls: { ms: number; cpuMs: number }[] = [];
		let engine = createValuationEngine({ method });
		for (let r = 0; r < runs; r++) {
			gc();
			sums.push(time(() => plainSum(ledger)));
			gc();
			const full = time(() => {
				const e = createValuationEngine({ method });
				e.add(ledger);
				return e;
			});
			fulls.push(full);
			engine = full.result;
		}
		const sumCpu = median(sums.map((t) => t.cpuMs));
		const sumMs = median(sums.map((t) => t.ms));
		const fullCpus = fulls.map((t) => t.cpuMs);
		const fullCpu = median(fullCpus);
		const fullMs = median(fulls.map((t) => t.ms));
		gc();
		// What a consumer then pays to read all million results by id (builds the id index once).
		const read = time(() => {
			let sum = 0;
			for (const m of ledger) sum += engine.get(m.id)?.valueChangeMicro ?? 0;
			return sum;
		});
		// Backdated: a receipt stamped in the middle of an item's history, as from a device
		// that synced late; each lands on a different item.
		const backdated: number[] = [];
		for (let k = 0; k < 20; k++) {
			const anchor = ledger[Math.floor(count / 2) + k * 997] as ValuationMovement;
			const late: ValuationMovement = {
				id: `late-${k}`,
				at: `${anchor.at}~late`,
				itemId: anchor.itemId,
				qtyMicro: 7 * MICRO,
				unitCostMicro: 12_340_000
			};
			backdated.push(time(() => engine.add([late])).ms);
		}
		const re = median(backdated);
		console.log(
			`| ${method} | ${ms(fullCpu)} (${ms(Math.min(...fullCpus))}–${ms(Math.max(...fullCpus))}) | ${ms(fullMs)} | ` +
				`${ms(sumCpu)} (${ms(sumMs)}) | ${(fullCpu / sumCpu).toFixed(1)}× | ${fullCpu < 2000 ? 'met' : 'missed'} | ` +
				`${ms(read.cpuMs)} | ${(re * 1000).toFixed(0)} µs | ${((re / fullMs) * 100).toFixed(4)} % | ${re / fullMs < 0.05 ? 'met' : 'missed'} |`
		);
	}
}

if (import.meta.url === `file://${process.argv[1]}`)
	runValuationBench({ quick: process.argv.includes('--quick') });

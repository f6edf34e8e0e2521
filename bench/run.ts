// `npm run bench [-- --quick] [-- --only relay|client]`: every benchmark, each printing its
// figures as ratios against a baseline measured in the same run.
//   relay   our relay vs the reference y-websocket server (bench/relay.ts)
//   relay-scale  one relay on SQLite, one on Postgres, two on one Postgres, and memory against
//           the reference, in one run (bench/relay-scale.ts)
//   client  the app at scale in headless Chromium (bench/client/run.ts; needs `npx vite build`)
//   mrp     MRP for 2,000 items, 3-level BOMs, 52 buckets vs a single-level run (bench/mrp.ts)
//   planning   the planning page's main-thread work on the demo year vs reading it there (bench/planning.ts)
//   integrity  the relay with its integrity checks on vs off: live p99, CPU, a large catch-up (bench/integrity.ts)
//   valuation  FIFO and moving average over 1,000,000 movements, one backdated movement (bench/valuation.ts)
//   finance  longest main-thread task at cold load (stock overview, finance home, valuation
//            report), on in-app links and during the first plan run, on the demo company in
//            headless Chromium, vs a baseline build given with `--baseline DIR` (else vs the stock
//            overview's cold load) (bench/client/finance.ts; needs `npx vite build`)

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runIntegrityBench } from './integrity';
import { runMrpBench } from './mrp';
import { runPlanningBench } from './planning';
import { runRelayBench } from './relay';
import { runRelayScaleBench } from './relay-scale';
import { runValuationBench } from './valuation';

const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const baselineAt = process.argv.indexOf('--baseline');
const baseline = baselineAt >= 0 ? process.argv[baselineAt + 1] : undefined;

if (only === undefined || only === 'relay') {
	console.log('## Relay: Stockflow relay vs @y/websocket-server\n');
	await runRelayBench({ quick });
}

if (only === undefined || only === 'relay-scale') {
	console.log('\n## Relay past one machine: SQLite, Postgres, two relays on Postgres\n');
	await runRelayScaleBench({ quick });
}

if (only === undefined || only === 'integrity') {
	console.log('\n## Relay integrity checks: on (the default) vs off, same relay, same load\n');
	await runIntegrityBench(quick);
}

if (only === undefined || only === 'mrp') {
	console.log('\n## MRP: multi-level run vs single-level run of the same items\n');
	await runMrpBench({ quick });
}

if (only === undefined || only === 'planning') {
	console.log(
		'\n## Planning page: main-thread work to start a plan, what the worker is sent vs reading it there\n'
	);
	await runPlanningBench({ quick });
}

if (only === undefined || only === 'valuation') {
	console.log('\n## Valuation: full run vs a plain sum, backdated re-value vs the full run\n');
	runValuationBench({ quick });
}

const financeBench = fileURLToPath(new URL('./client/finance.ts', import.meta.url));
if ((only === undefined || only === 'finance') && existsSync('build/index.html')) {
	console.log('\n## Start-up and finance pages: longest main-thread task vs a baseline\n');
	const result = spawnSync(
		process.execPath,
		[
			'--import',
			'tsx',
			financeBench,
			...(quick ? ['--runs', '1'] : []),
			...(baseline ? ['--baseline', baseline] : [])
		],
		{ stdio: 'inherit' }
	);
	if (result.status !== 0) process.exitCode = result.status ?? 1;
}

const clientBench = fileURLToPath(new URL('./client/run.ts', import.meta.url));
if ((only === undefined || only === 'client') && existsSync(clientBench)) {
	console.log('\n## Client at scale\n');
	const result = spawnSync(
		process.execPath,
		['--import', 'tsx', clientBench, ...(quick ? ['--quick'] : [])],
		{ stdio: 'inherit' }
	);
	if (result.status !== 0) process.exitCode = result.status ?? 1;
}

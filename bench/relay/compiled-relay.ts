// The bench's relay child as production runs the relay: compiled by bin/relay-dist.js (the same
// esbuild build, the integrity check thread's compiled worker beside the chunks) and run by
// plain node with `npm start`'s flag, so no TypeScript loader starts with it or with its threads.
// BENCH_RELAY=tsx runs bench/relay/server-ours.ts from the sources instead. BENCH_RELAY_NODE_ARGS
// adds node flags to the relay child (`--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it).

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRelay } from '../../bin/relay-dist.js';

export interface RelayChild {
	/** For `forkChild`: a file of bench/relay, or an absolute path to compiled JavaScript. */
	file: string;
	execArgv: string[];
	/** What runs, for the bench's output. */
	label: string;
	/** Removes the compiled copy. */
	remove(): void;
}

export async function benchRelayChild(): Promise<RelayChild> {
	const nodeArgs = (process.env.BENCH_RELAY_NODE_ARGS ?? '').split(' ').filter(Boolean);
	if (process.env.BENCH_RELAY === 'tsx')
		return { file: 'server-ours.ts', execArgv: nodeArgs, label: 'sources under tsx', remove() {} };
	const root = fileURLToPath(new URL('../..', import.meta.url));
	// Under the repository, as dist/relay is: the chunks import their packages from node_modules.
	const out = join(root, 'dist', 'relay-bench', `${Date.now().toString(36)}-${process.pid}`);
	await compileRelay(out, { 'bench-relay': join(root, 'bench', 'relay', 'server-ours.ts') });
	return {
		file: join(out, 'bench-relay.js'),
		// As `npm start` and bin/stockflow.js run it.
		execArgv: ['--max-semi-space-size=2', ...nodeArgs],
		label: 'compiled (bin/relay-dist.js), plain node --max-semi-space-size=2',
		remove: () => rmSync(out, { recursive: true, force: true })
	};
}

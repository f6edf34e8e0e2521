// The two relays under test (ours and the reference y-websocket server), each in its own
// process, and how bench clients reach them: tokens, targets, valid doc names, process stats.

import { z } from 'zod';
import { issueToken } from '../../sync-server/auth';
import { forkChild, ProcStats, type Child } from './rpc';
import { BENCH_SECRET, type Target } from './shared';

export type ServerKind = 'ours' | 'reference';
export const SERVERS: ServerKind[] = ['ours', 'reference'];
/**
 * Which relay runs first in the i-th case. The client workers are shared, and whichever relay
 * runs first in a case used to measure higher client CPU and latency; by default the order
 * alternates from case to case (and the workers collect garbage before each run).
 */
export function orderNote(): string {
	const forced = process.env.BENCH_ORDER;
	return forced ? `${forced} measured first in each case` : 'which relay runs first alternates';
}

export function serverOrder(i: number): ServerKind[] {
	const forced = process.env.BENCH_ORDER;
	if (forced === 'ours') return SERVERS;
	if (forced === 'reference') return [...SERVERS].reverse();
	return i % 2 === 0 ? SERVERS : [...SERVERS].reverse();
}

/** Our relay unloads rooms this long after the last client left (bench setting; default 30 s). */
export const BENCH_GRACE_MS = 2000;

export interface Server {
	kind: ServerKind;
	child: Child;
	port: number;
}

export async function startServer(
	kind: ServerKind,
	env: Record<string, string> = {}
): Promise<Server> {
	const file = kind === 'ours' ? './server-ours.ts' : './server-reference.ts';
	const profileDir = process.env.BENCH_CPU_PROF;
	const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
	execArgv.push(...(process.env.BENCH_RELAY_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []));
	const { child, ready } = await forkChild(file, z.object({ port: z.number() }), env, execArgv);
	return { kind, child, port: ready.port };
}

export function stats(server: Server, gc = false): Promise<ProcStats> {
	return server.child.call('stats', gc ? 'gc' : null, ProcStats);
}

const tokens = new Map<string, string>();
export async function target(server: Server, workspace: string, doc: string): Promise<Target> {
	let token = tokens.get(workspace);
	if (!token) {
		token = await issueToken({
			secret: BENCH_SECRET,
			workspace,
			role: 'warehouse',
			user: 'bench',
			ttl: '2h'
		});
		tokens.set(workspace, token);
	}
	return { serverUrl: `ws://127.0.0.1:${server.port}/sync/${workspace}`, room: doc, token };
}

/** `ledger-YYYY-MM` names, valid docs for our relay; the reference takes any path. */
export function docName(i: number): string {
	const month = 1 + (i % 12);
	return `ledger-${2020 + Math.floor(i / 12)}-${String(month).padStart(2, '0')}`;
}
export const Empty = z.object({}).passthrough();

// `stockflow demo --workspace W [--seed N] [--months M] [--open-months K]`: fills a workspace
// with the demo company through the same commands the UI uses, then closes every month but the
// last K (default 2) the way a company closing monthly would have. Through the running relay when one answers on
// PORT (open browsers watch it arrive), otherwise straight into the store in DATA_DIR.

import type * as Y from 'yjs';
import { readItems } from '../../src/lib/doc/catalog-doc';
import type { WorkspaceDocs } from '../../src/lib/commands/context';
import { seedDemoCompany } from '../../src/lib/demo/company';
import { createCommandContext } from '../../src/lib/commands/create-context';
import { closeMonthsBefore } from '../../src/lib/commands/period-close';
import { monthOfMs } from '../../src/lib/doc/names';
import { issueToken } from '../auth';
import { openSqliteStore } from '../persistence/sqlite';
import { resolveSecret } from '../secret';
import { noPositionals, optionalInt, parseFlags, requireWorkspace } from './args';
import { dataDirFromEnv, portFromEnv } from './env';
import { openRelayWorkspace } from './relay-workspace';
import { relayIsUp } from './relay-probe';
import { loadStoreWorkspace } from './store-workspace';

const SYNC_TIMEOUT_MS = 60_000;

export class WorkspaceNotEmptyError extends Error {
	constructor(workspace: string, items: number) {
		super(
			`workspace "${workspace}" already has ${items} items; pick a new workspace name for the demo`
		);
		this.name = 'WorkspaceNotEmptyError';
	}
}

function assertEmpty(catalog: Y.Doc, workspace: string): void {
	const existing = readItems(catalog).length;
	if (existing > 0) throw new WorkspaceNotEmptyError(workspace, existing);
}

async function seed(
	docs: WorkspaceDocs,
	workspace: string,
	seedValue: number,
	months: number,
	openMonths: number
) {
	assertEmpty(docs.catalog, workspace);
	const nowMs = Date.now();
	const result = await seedDemoCompany(docs, { seed: seedValue, nowMs, months });
	const now = new Date(nowMs);
	const firstOpen = monthOfMs(
		Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - Math.max(openMonths, 1) + 1, 1)
	);
	const ctx = createCommandContext({
		docs,
		device: 'demo',
		user: 'demo',
		role: 'admin',
		nowMs: () => nowMs
	});
	const closed = closeMonthsBefore(ctx, firstOpen);
	return { ...result, closed };
}

function closedNote(closed: string[]): string {
	return closed.length === 0 ? '' : `; months closed through ${closed.at(-1)}`;
}

export async function demoCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, {
		workspace: { type: 'string', short: 'w' },
		seed: { type: 'string' },
		months: { type: 'string' },
		'open-months': { type: 'string' }
	});
	noPositionals(positionals);
	const workspace = requireWorkspace(values.workspace);
	const seedValue = optionalInt('seed', values.seed, 1);
	const months = optionalInt('months', values.months, 12);
	const openMonths = optionalInt('open-months', values['open-months'], 2);
	const dataDir = dataDirFromEnv();
	const origin = `http://127.0.0.1:${portFromEnv()}`;
	const started = Date.now();

	if (await relayIsUp(origin)) {
		const secret = resolveSecret(dataDir);
		const token = await issueToken({ secret, workspace, role: 'admin', user: 'demo', ttl: '1h' });
		const relay = await openRelayWorkspace({
			origin,
			workspace,
			token,
			timeoutMs: 15_000,
			checkCatalog: (catalog) => assertEmpty(catalog, workspace)
		}).catch((error: unknown) => {
			if (error instanceof WorkspaceNotEmptyError) throw error;
			throw new Error(
				`${error instanceof Error ? error.message : String(error)} (does the relay use the same DATA_DIR or STOCKFLOW_SECRET?)`
			);
		});
		try {
			relay.pause();
			const result = await seed(relay.docs, workspace, seedValue, months, openMonths);
			await relay.flush(SYNC_TIMEOUT_MS);
			console.log(
				`Demo company written to workspace "${workspace}" through the relay at ${origin}: ` +
					`${result.items} items, ${result.warehouses} warehouses, ${result.movements} movements ` +
					`in ${relay.names().length} documents (${((Date.now() - started) / 1000).toFixed(1)} s)${closedNote(result.closed)}.`
			);
		} finally {
			relay.close();
		}
		return;
	}

	const store = openSqliteStore({ dataDir });
	try {
		const loaded = await loadStoreWorkspace(store, workspace);
		const result = await seed(loaded.docs, workspace, seedValue, months, openMonths);
		const saved = await loaded.save();
		console.log(
			`Demo company written to workspace "${workspace}" in ${dataDir}: ` +
				`${result.items} items, ${result.warehouses} warehouses, ${result.movements} movements ` +
				`in ${saved.docs} documents (${((Date.now() - started) / 1000).toFixed(1)} s)${closedNote(result.closed)}.`
		);
	} finally {
		await store.close();
	}
}

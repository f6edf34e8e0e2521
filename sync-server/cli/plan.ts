// `stockflow plan --workspace W [--json] [--today YYYY-MM-DD] [--weeks N]`: MRP on the relay's
// stored documents through the same snapshot and pure plan the planning page runs in its worker.

import { existsSync } from 'node:fs';
import { runPlan } from '../../src/lib/commands/production/planning';
import { readItems } from '../../src/lib/doc/catalog-doc';
import { CATALOG } from '../../src/lib/doc/names';
import type { Plan } from '../../src/lib/domain/production/planning';
import { openSqliteStore, sqliteFilePath } from '../persistence/sqlite';
import { UsageError, noPositionals, optionalInt, parseFlags, requireWorkspace } from './args';
import { dataDirFromEnv } from './env';
import { loadStoreWorkspace } from './store-workspace';

function localToday(nowMs: number): string {
	const offsetMs = new Date(nowMs).getTimezoneOffset() * 60_000;
	return new Date(nowMs - offsetMs).toISOString().slice(0, 10);
}

export interface PlanReport {
	workspace: string;
	today: string;
	plan: Plan | null;
	codes: Record<string, string>;
}

export async function planReport(
	dataDir: string,
	workspace: string,
	today: string,
	weeks: number
): Promise<PlanReport> {
	if (!existsSync(sqliteFilePath(dataDir))) return { workspace, today, plan: null, codes: {} };
	const store = openSqliteStore({ dataDir, readonly: true });
	try {
		const loaded = await loadStoreWorkspace(store, workspace);
		const codes = Object.fromEntries(readItems(loaded.doc(CATALOG)).map((i) => [i.id, i.code]));
		return { workspace, today, plan: runPlan({ docs: loaded.docs }, today, weeks), codes };
	} finally {
		await store.close();
	}
}

/** A parent planned order is pegged as `<item id>@<date>`: show the item's code. */
function pegLabel(label: string, codes: Record<string, string>): string {
	const [itemId, date] = label.split('@');
	return date !== undefined && itemId !== undefined && codes[itemId]
		? `${codes[itemId]}@${date}`
		: label;
}

function printPlan(report: PlanReport): void {
	const { plan, codes } = report;
	if (!plan || plan.plannedOrders.length === 0) {
		console.log(`No planned orders for workspace "${report.workspace}" from ${report.today}.`);
	} else {
		console.log('kind        item                  qty  release     need        pegged to');
		for (const o of plan.plannedOrders)
			console.log(
				[
					o.kind.padEnd(10),
					(codes[o.itemId] ?? o.itemId).padEnd(16),
					String(o.qty).padStart(8),
					o.releaseDate + (o.pastDue ? '!' : ' '),
					o.needDate,
					o.pegs.map((p) => `${pegLabel(p.label, codes)} ×${p.qty}`).join(', ')
				].join('  ')
			);
	}
	for (const e of plan?.exceptions ?? [])
		console.log(
			`exception: ${e.type} ${codes[e.itemId] ?? e.itemId} bucket ${e.bucket} qty ${e.qty}`
		);
}

export async function planCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, {
		workspace: { type: 'string', short: 'w' },
		json: { type: 'boolean' },
		today: { type: 'string' },
		weeks: { type: 'string' }
	});
	noPositionals(positionals);
	const workspace = requireWorkspace(values.workspace);
	const today = values.today ?? localToday(Date.now());
	if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`invalid --today "${today}"`);
	const weeks = optionalInt('weeks', values.weeks, 26);
	if (weeks < 1 || weeks > 104) throw new UsageError('--weeks must be 1…104');
	const report = await planReport(dataDirFromEnv(), workspace, today, weeks);
	if (values.json === true) console.log(JSON.stringify(report, null, 2));
	else printPlan(report);
}

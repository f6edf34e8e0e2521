// `stockflow report <name> --workspace W [--json]`: `stock` is on-hand per item × warehouse;
// the finance reports (valuation, ageing, sales, cogs, returns, slow-stock, trial-balance,
// journal, purchases, kpis) come from the same FinanceView the finance pages compute, from
// the persisted docs, so operators and scripts get the UI's numbers.

import { existsSync } from 'node:fs';
import type * as Y from 'yjs';
import { readItems, readWarehouses } from '../../src/lib/doc/catalog-doc';
import { readMovements } from '../../src/lib/doc/ledger-doc';
import { CATALOG, isLedgerDocName, monthOfLedgerDoc } from '../../src/lib/doc/names';
import { readFinanceSources } from '../../src/lib/commands/finance-book';
import { computeFinance, type FinanceView } from '../../src/lib/domain/reports/finance-view';
import {
	FINANCE_REPORTS,
	financeTable,
	isFinanceReport,
	type FinanceReportName
} from '../../src/lib/domain/reports/tables';
import type { Table } from '../../src/lib/domain/tabular/table';
import { SALES_GROUPINGS, type SalesGrouping } from '../../src/lib/domain/reports/sales';
import { foldBalances } from '../../src/lib/domain/ledger/fold';
import type { Movement } from '../../src/lib/domain/ledger/movement';
import { openSqliteStore, sqliteFilePath } from '../persistence/sqlite';
import { UsageError, noPositionals, parseFlags, requireWorkspace } from './args';
import { dataDirFromEnv } from './env';
import { loadStoreWorkspace } from './store-workspace';

export interface StockRow {
	itemId: string;
	itemCode: string;
	itemName: string;
	unit: string;
	warehouseId: string;
	warehouseCode: string;
	onHand: number;
}

export interface StockReport {
	workspace: string;
	rows: StockRow[];
	/** Ledger entries that failed validation and were skipped. */
	invalidMovements: number;
}

const REPORTS = ['stock', ...FINANCE_REPORTS] as const;
type ReportName = (typeof REPORTS)[number];

function isReportName(value: string | undefined): value is ReportName {
	return value !== undefined && (REPORTS as readonly string[]).includes(value);
}

/** The finance view of a workspace's persisted docs (null when there is no data directory). */
export async function financeView(
	dataDir: string,
	workspace: string,
	nowMs: number
): Promise<FinanceView | null> {
	if (!existsSync(sqliteFilePath(dataDir))) return null;
	const store = openSqliteStore({ dataDir, readonly: true });
	try {
		const loaded = await loadStoreWorkspace(store, workspace);
		const ledgers = new Map<string, Y.Doc>();
		for (const name of loaded.names()) {
			const month = monthOfLedgerDoc(name);
			if (month !== null) ledgers.set(month, loaded.doc(name));
		}
		const sources = readFinanceSources(
			{
				catalog: loaded.doc(CATALOG),
				orders: loaded.doc('orders'),
				counts: loaded.doc('counts'),
				ledgers
			},
			nowMs
		);
		return computeFinance(sources);
	} finally {
		await store.close();
	}
}

/** English column names for the terminal (the pages translate the same keys). */
function englishLabel(key: string): string {
	const [, rest] = key.split(':');
	if (rest !== undefined) return rest;
	return key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

function printFinance(name: FinanceReportName, t: Table): void {
	if (t.rows.length === 0) {
		console.log(`No ${name} figures yet.`);
		return;
	}
	const lines = t.rows.map((r) =>
		r.map((c) => (c === null ? '—' : typeof c === 'number' ? String(c) : c))
	);
	const numeric = t.headers.map((_, i) => t.rows.every((r) => typeof r[i] !== 'string'));
	const widths = t.headers.map((h, i) =>
		Math.max(displayWidth(h), ...lines.map((l) => displayWidth(l[i] ?? '')))
	);
	const pad = (cells: string[]): string =>
		cells
			.map((cell, i) => padCell(cell, widths[i] ?? 0, numeric[i] === true))
			.join('  ')
			.trimEnd();
	console.log(pad(t.headers));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const line of lines) console.log(pad(line));
}

export async function stockReport(dataDir: string, workspace: string): Promise<StockReport> {
	if (!existsSync(sqliteFilePath(dataDir))) return { workspace, rows: [], invalidMovements: 0 };
	const store = openSqliteStore({ dataDir, readonly: true });
	try {
		const loaded = await loadStoreWorkspace(store, workspace);
		const catalog = loaded.doc(CATALOG);
		const items = new Map(readItems(catalog).map((item) => [item.id, item]));
		const warehouses = new Map(readWarehouses(catalog).map((w) => [w.id, w]));
		const movements: Movement[] = [];
		let invalidMovements = 0;
		for (const name of loaded.names()) {
			if (!isLedgerDocName(name)) continue;
			const read = readMovements(loaded.doc(name));
			movements.push(...read.movements);
			invalidMovements += read.invalid;
		}
		// Sum locations and lots: the report is per item × warehouse.
		const sums = new Map<string, { itemId: string; warehouseId: string; qty: number }>();
		for (const balance of foldBalances(movements).values()) {
			const key = `${balance.itemId}\u0000${balance.warehouseId}`;
			const entry = sums.get(key) ?? {
				itemId: balance.itemId,
				warehouseId: balance.warehouseId,
				qty: 0
			};
			entry.qty += balance.qty;
			sums.set(key, entry);
		}
		const rows = [...sums.values()].map((s): StockRow => {
			const item = items.get(s.itemId);
			const warehouse = warehouses.get(s.warehouseId);
			return {
				itemId: s.itemId,
				itemCode: item?.code ?? s.itemId,
				itemName: item?.name ?? '(unknown item)',
				unit: item?.unit ?? '',
				warehouseId: s.warehouseId,
				warehouseCode: warehouse?.code ?? s.warehouseId,
				onHand: Math.round(s.qty * 1e6) / 1e6
			};
		});
		rows.sort((a, b) =>
			a.itemCode === b.itemCode
				? a.warehouseCode < b.warehouseCode
					? -1
					: 1
				: a.itemCode < b.itemCode
					? -1
					: 1
		);
		return { workspace, rows, invalidMovements };
	} finally {
		await store.close();
	}
}

/** Terminal columns a string occupies: CJK and full-width characters take two. */
function displayWidth(text: string): number {
	let width = 0;
	for (const ch of text) {
		const cp = ch.codePointAt(0) ?? 0;
		const wide =
			(cp >= 0x1100 && cp <= 0x115f) ||
			(cp >= 0x2e80 && cp <= 0xa4cf) ||
			(cp >= 0xac00 && cp <= 0xd7a3) ||
			(cp >= 0xf900 && cp <= 0xfaff) ||
			(cp >= 0xfe30 && cp <= 0xfe4f) ||
			(cp >= 0xff00 && cp <= 0xff60) ||
			(cp >= 0xffe0 && cp <= 0xffe6) ||
			(cp >= 0x20000 && cp <= 0x3fffd);
		width += wide ? 2 : 1;
	}
	return width;
}

function padCell(text: string, width: number, alignRight: boolean): string {
	const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
	return alignRight ? fill + text : text + fill;
}

function printTable(report: StockReport): void {
	if (report.rows.length === 0) {
		console.log(`No stock recorded in workspace "${report.workspace}".`);
		return;
	}
	const header = ['Item', 'Name', 'Warehouse', 'On hand', 'Unit'];
	const lines = report.rows.map((r) => [
		r.itemCode,
		r.itemName,
		r.warehouseCode,
		String(r.onHand),
		r.unit
	]);
	const widths = header.map((h, i) =>
		Math.max(displayWidth(h), ...lines.map((l) => displayWidth(l[i] ?? '')))
	);
	const pad = (cells: string[]): string =>
		cells
			.map((cell, i) => padCell(cell, widths[i] ?? 0, i === 3))
			.join('  ')
			.trimEnd();
	console.log(pad(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const line of lines) console.log(pad(line));
	if (report.invalidMovements > 0)
		console.log(`(${report.invalidMovements} invalid ledger entries skipped)`);
}

function isSalesGrouping(value: string): value is SalesGrouping {
	return (SALES_GROUPINGS as readonly string[]).includes(value);
}

export async function reportCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, {
		workspace: { type: 'string', short: 'w' },
		json: { type: 'boolean' },
		// sales only: by customer (default), item or month, as the page's tabs.
		by: { type: 'string' }
	});
	const [name, ...rest] = positionals;
	if (!isReportName(name)) {
		throw new UsageError(
			`unknown report "${name ?? ''}": one of ${REPORTS.join(', ')} (stockflow report stock --workspace W)`
		);
	}
	noPositionals(rest);
	const workspace = requireWorkspace(values.workspace);
	switch (name) {
		case 'stock': {
			const report = await stockReport(dataDirFromEnv(), workspace);
			if (values.json === true) console.log(JSON.stringify(report, null, 2));
			else printTable(report);
			return;
		}
		default: {
			if (!isFinanceReport(name)) throw new UsageError(`unknown report ${String(name)}`);
			const by = values.by ?? 'customer';
			if (!isSalesGrouping(by) || (values.by !== undefined && name !== 'sales'))
				throw new UsageError(`--by is for the sales report: one of ${SALES_GROUPINGS.join(', ')}`);
			const view = await financeView(dataDirFromEnv(), workspace, Date.now());
			if (!view) {
				console.log(`No data in workspace "${workspace}".`);
				return;
			}
			const t = financeTable(view, name, englishLabel, by);
			if (values.json === true) {
				const rows = t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
				console.log(JSON.stringify({ workspace, report: name, rows }, null, 2));
			} else printFinance(name, t);
		}
	}
}

// `stockflow valuate` as a real process: JSON lines in on stdin, JSON lines out in input order,
// clear one-line errors with the line number and nothing half printed.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function valuate(
	args: string[],
	stdin: string
): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = execFile(
			process.execPath,
			['bin/stockflow.js', 'valuate', ...args],
			{ cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, timeout: 60_000 },
			(error, stdout, stderr) => {
				const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
				resolve({ code, stdout, stderr });
			}
		);
		child.stdin?.end(stdin);
	});
}

const lines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('stockflow valuate', () => {
	it('ERPNext test_negative_fifo_valuation through stdin, printed in input order', async () => {
		// erpnext/stock/doctype/stock_ledger_entry/test_stock_ledger_entry.py, test_negative_fifo_valuation;
		// the second receipt is given first on stdin but stamped last.
		const out = await valuate(
			['--method', 'fifo', '--precision', '2'],
			lines(
				{ id: 'receipt2', at: '4', itemId: 'P', qty: 15, unitCost: 15 },
				{ id: 'receipt', at: '1', itemId: 'P', qty: 10, unitCost: 10 },
				{ id: 'consume1', at: '2', itemId: 'P', qty: -15 },
				{ id: 'consume2', at: '3', itemId: 'P', qty: -5 }
			)
		);
		expect(out.stderr).toBe('');
		expect(out.code).toBe(0);
		expect(
			out.stdout
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l))
		).toEqual([
			{
				id: 'receipt2',
				qtyAfter: 5,
				valueAfter: 75,
				valueChange: 175,
				unitCost: 15,
				queue: [[5, 15]]
			}, // test_negative_fifo_valuation
			{
				id: 'receipt',
				qtyAfter: 10,
				valueAfter: 100,
				valueChange: 100,
				unitCost: 10,
				queue: [[10, 10]]
			},
			{
				id: 'consume1',
				qtyAfter: -5,
				valueAfter: -50,
				valueChange: -150,
				unitCost: 10,
				queue: [[-5, 10]]
			}, // test_negative_fifo_valuation
			{
				id: 'consume2',
				qtyAfter: -10,
				valueAfter: -100,
				valueChange: -50,
				unitCost: 10,
				queue: [[-10, 10]]
			} // test_negative_fifo_valuation
		]);
	});

	it('Odoo AVCO test_negative_3 with decimal costs, rounded half up at --precision 2', async () => {
		// addons/stock_account/tests/test_stockvaluationlayer.py, TestStockValuationAVCO.test_negative_3
		const out = await valuate(
			['--method', 'moving-average', '--precision', '2'],
			lines(
				{ id: 'move1', at: '1', itemId: 'P', qty: -2 },
				{ id: 'move2', at: '2', itemId: 'P', qty: 20, unitCost: 3.33 },
				{ id: 'move3', at: '3', itemId: 'P', qty: -1 }
			)
		);
		expect(out.code).toBe(0);
		const [, move2, move3] = out.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(move2).toEqual({
			id: 'move2',
			qtyAfter: 18,
			valueAfter: 59.94,
			valueChange: 59.94,
			unitCost: 3.33
		}); // test_negative_3
		expect(move3).toMatchObject({ qtyAfter: 17, valueAfter: 56.61, unitCost: 3.33 });
	});

	it('a duplicate delivered twice is valued once and reported on both lines', async () => {
		const receipt = { id: 'r1', at: '1', itemId: 'P', qty: 2, unitCost: 5 };
		const out = await valuate(['--method', 'fifo'], lines(receipt, receipt));
		expect(out.code).toBe(0);
		const [a, b] = out.stdout.trim().split('\n');
		expect(a).toBe(b);
		expect(JSON.parse(a as string)).toMatchObject({ qtyAfter: 2, valueAfter: 10 });
	});

	it('bad input names the line on stderr, exits non-zero and prints nothing', async () => {
		const good = JSON.stringify({ id: 'r1', at: '1', itemId: 'P', qty: 1, unitCost: 1 });
		const cases: [string[], string, RegExp][] = [
			[['--method', 'fifo'], `${good}\n{"id":"x",\n`, /line 2: not valid JSON/],
			[
				['--method', 'fifo'],
				`${good}\n\n{"id":"x","at":"2","itemId":"P"}\n`,
				/line 3: missing field "qty"/
			],
			[
				['--method', 'fifo'],
				`{"id":"x","at":"2","itemId":"P","qty":0.0000001}\n`,
				/line 1: "qty" must be a decimal/
			],
			[['--method', 'lifo'], `${good}\n`, /unknown --method "lifo"/],
			[['--method', 'fifo', '--precision', '9'], `${good}\n`, /invalid --precision/],
			[[], `${good}\n`, /--method is required/]
		];
		for (const [args, stdin, message] of cases) {
			const out = await valuate(args, stdin);
			expect({ args, code: out.code === 0 ? 0 : 'non-zero' }).toEqual({ args, code: 'non-zero' });
			expect(out.stdout).toBe('');
			expect(out.stderr).toMatch(message);
			expect(out.stderr.trim().split('\n')).toHaveLength(1);
		}
	});
});

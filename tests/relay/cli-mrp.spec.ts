// `stockflow mrp` as a real process: a JSON problem on stdin, the MRP records on stdout.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function mrp(
	stdin: string,
	args: string[] = []
): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['bin/stockflow.js', 'mrp', ...args], {
			cwd: ROOT,
			env: { ...process.env, LOG_LEVEL: 'warn' }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
		child.stdin.end(stdin);
	});
}

// Stevenson, "Operations Management", chapter "MRP and ERP", shutter example (b): frames in lots
// of 320, wood sections in lots of 70 (see src/lib/domain/mrp/textbook.spec.ts).
const shutters = {
	buckets: 8,
	items: [
		{ id: 'shutter', onHand: 0, leadTime: 1 },
		{ id: 'frame', onHand: 0, leadTime: 2, lotSizing: { rule: 'fixed', qty: 320 } },
		{ id: 'wood', onHand: 0, leadTime: 1, lotSizing: { rule: 'fixed', qty: 70 } }
	],
	bom: [
		{ parent: 'shutter', child: 'frame', qtyPer: 2 },
		{ parent: 'shutter', child: 'wood', qtyPer: 4 }
	],
	demand: [
		{ itemId: 'shutter', bucket: 4, qty: 100 },
		{ itemId: 'shutter', bucket: 8, qty: 150 }
	],
	scheduledReceipts: [{ itemId: 'wood', bucket: 1, qty: 70 }]
};

describe('stockflow mrp', () => {
	it('prints every record with one number per bucket, and the exceptions', async () => {
		const out = await mrp(JSON.stringify(shutters));
		expect(out.stderr).toBe('');
		expect(out.code).toBe(0);
		const result = JSON.parse(out.stdout) as {
			items: Record<string, unknown>[];
			exceptions: unknown[];
		};
		expect(Object.keys(result)).toEqual(['items', 'exceptions']);
		expect(result.items.map((r) => r.id)).toEqual(['shutter', 'frame', 'wood']);
		expect(result.items[2]).toEqual({
			id: 'wood',
			lowLevelCode: 1,
			gross: [0, 0, 400, 0, 0, 0, 600, 0],
			scheduledReceipts: [70, 0, 0, 0, 0, 0, 0, 0],
			projectedOnHand: [70, 70, 20, 20, 20, 20, 50, 50],
			net: [0, 0, 330, 0, 0, 0, 580, 0],
			plannedReceipts: [0, 0, 350, 0, 0, 0, 630, 0],
			plannedReleases: [0, 350, 0, 0, 0, 630, 0, 0]
		});
		expect(result.exceptions).toEqual([
			{ type: 'defer', itemId: 'wood', bucket: 1, toBucket: 3, qty: 70 }
		]);
	});

	it('shows a release before bucket 1 as a past-due exception, and pegging on request', async () => {
		const problem = {
			buckets: 3,
			items: [{ id: 'A', onHand: 0, leadTime: 3 }],
			demand: [{ itemId: 'A', bucket: 2, qty: 7 }]
		};
		const out = await mrp(JSON.stringify(problem), ['--pegging']);
		expect(out.code).toBe(0);
		const result = JSON.parse(out.stdout);
		expect(result.items[0].plannedReleases).toEqual([0, 0, 0]);
		expect(result.exceptions).toEqual([
			{ type: 'past-due', itemId: 'A', bucket: 2, releaseBucket: -1, qty: 7 }
		]);
		expect(result.plannedOrders[0].pegging).toEqual([
			{ source: { kind: 'demand', index: 0 }, qty: 7 }
		]);
	});

	it('refuses bad input on stderr with the field and the item, exit code non-zero', async () => {
		const cases: [string, RegExp][] = [
			['{"buckets": 2', /^stockflow: stdin: not JSON/],
			[
				JSON.stringify({ ...shutters, items: [...shutters.items, { id: 'glue', onHand: 0 }] }),
				/^stockflow: items\[3\] \("glue"\)\.leadTime: is required\n$/
			],
			[
				JSON.stringify({ ...shutters, demand: [{ itemId: 'door', bucket: 1, qty: 1 }] }),
				/^stockflow: demand\[0\] \(item "door"\)\.itemId: unknown item "door"\n$/
			],
			[
				JSON.stringify({
					...shutters,
					bom: [...shutters.bom, { parent: 'wood', child: 'shutter', qtyPer: 1 }]
				}),
				/^stockflow: BOM cycle: (shutter → wood → shutter|wood → shutter → wood)\n$/
			]
		];
		const results = await Promise.all(cases.map(([stdin]) => mrp(stdin)));
		results.forEach((out, i) => {
			expect(out.code).not.toBe(0);
			expect(out.stdout).toBe('');
			expect(out.stderr).toMatch(cases[i]![1]);
		});
	});
});

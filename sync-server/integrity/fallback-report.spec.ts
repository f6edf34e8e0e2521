// Every fallback is counted; the log gets at most one line per interval, which says how many
// fallbacks it did not log since the previous line.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createFallbackReport } from './fallback-report';

describe('integrity check fallback report', () => {
	it('counts each fallback and logs one line per 10 s, with how many it left out', () => {
		const logged: Array<Record<string, unknown>> = [];
		const logger = pino(
			{ base: null, timestamp: false },
			{ write: (line: string) => logged.push(JSON.parse(line)) }
		);
		const metrics = { integrityCheckFallbacks: 0 };
		let now = 1_000_000;
		const report = createFallbackReport({ logger, metrics, nowMs: () => now });
		const fallback = { workspace: 'acme', doc: 'ledger-2026-11', bytes: 300_000, reason: 'x' };

		report(fallback);
		now += 9_999;
		report(fallback);
		report(fallback);
		expect(metrics.integrityCheckFallbacks).toBe(3);
		const line = { level: 40, msg: expect.stringMatching(/^integrity check thread failed/) };
		expect(logged).toEqual([{ ...line, ...fallback, notLoggedSinceLastLine: 0 }]);
		// Exactly 10 s after the last line: the next line, saying two were left out.
		now += 1;
		report({ ...fallback, doc: 'catalog' });
		expect(metrics.integrityCheckFallbacks).toBe(4);
		expect(logged).toEqual([
			{ ...line, ...fallback, notLoggedSinceLastLine: 0 },
			{ ...line, ...fallback, doc: 'catalog', notLoggedSinceLastLine: 2 }
		]);
	});
});

// When the integrity check thread fails, the relay checks a large update on its own thread
// (relay-check.ts): the verdict is the same, but every room waits in slices meanwhile. That is
// worth knowing, so each fallback is counted (`stockflow_integrity_check_fallbacks_total`) and
// logged as a warning with the room and the thread's failure; a thread failing for every
// catch-up logs at most one line per `minIntervalMs`, which says how many it left out.

import type { Logger } from 'pino';
import type { Metrics } from '../metrics';
import type { IntegrityFallback } from './relay-check';

export interface FallbackReportOptions {
	logger: Logger;
	metrics: Pick<Metrics, 'integrityCheckFallbacks'>;
	/** At most one log line this often; default 10 s. */
	minIntervalMs?: number;
	nowMs?: () => number;
}

export function createFallbackReport(
	options: FallbackReportOptions
): (fallback: IntegrityFallback) => void {
	const { logger, metrics } = options;
	const minIntervalMs = options.minIntervalMs ?? 10_000;
	const nowMs = options.nowMs ?? Date.now;
	let loggedAtMs = -Infinity;
	let notLogged = 0;
	return (fallback) => {
		metrics.integrityCheckFallbacks += 1;
		const now = nowMs();
		if (now - loggedAtMs < minIntervalMs) {
			notLogged += 1;
			return;
		}
		loggedAtMs = now;
		logger.warn(
			{ ...fallback, notLoggedSinceLastLine: notLogged },
			'integrity check thread failed: the update was checked on the relay thread'
		);
		notLogged = 0;
	};
}

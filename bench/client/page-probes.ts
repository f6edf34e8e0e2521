// What the client bench watches inside the page: the stock overview showing a known balance,
// the app's cold-start marks, the projection holding every movement, and one receipt recorded
// and timed from the click to its painted confirmation.

import type { Page } from 'playwright-core';
import { ledgerDocName, monthOfMs } from '../../src/lib/doc/names';
import { BOOT_MARK_PREFIX } from '../../src/lib/state/boot-marks';
import { projectionDbName } from '../../src/lib/storage/db-names';
import type { SeedResult } from './seed';

export async function untilStockShows(page: Page, probe: SeedResult['probe']): Promise<number> {
	const started = Date.now();
	await page.goto('/stock');
	// Checked every frame. A locator's waitFor polls every 500 ms after its first few tries,
	// which rounded this figure up by as much as half a second (an overview painted at 950 ms
	// was "seen" at 1,200).
	await page.waitForFunction(
		({ code, onHand }) =>
			document.querySelector(`[data-testid="onhand-${code}"][data-value="${onHand}"]`) !== null,
		probe,
		{ polling: 'raf', timeout: 120_000 }
	);
	return Date.now() - started;
}

/** The page's cold-start marks, in ms after its navigation started. */
export async function bootMarks(page: Page): Promise<Record<string, number>> {
	return page.evaluate((prefix) => {
		const marks: Record<string, number> = {};
		const nav = performance.getEntriesByType('navigation')[0] as
			PerformanceNavigationTiming | undefined;
		if (nav) marks.domContentLoaded = nav.domContentLoadedEventEnd;
		for (const m of performance.getEntriesByType('mark'))
			if (m.name.startsWith(prefix)) marks[m.name.slice(prefix.length)] = m.startTime;
		marks.seen = performance.now();
		return marks;
	}, BOOT_MARK_PREFIX);
}

/**
 * Waits until the first device's projection holds every movement (written month by month) and
 * a checkpoint for the current month's ledger: without one (a month with no movements yet)
 * every cold start waits for all ledger docs instead of trusting the stored balances.
 */
export async function untilProjected(
	page: Page,
	workspace: string,
	movements: number
): Promise<void> {
	const deadline = Date.now() + 180_000;
	const currentLedger = ledgerDocName(monthOfMs(Date.now()));
	for (;;) {
		const state = await page.evaluate(
			({ name, ledger }) =>
				new Promise<{ rows: number; checkpoint: boolean }>((resolve) => {
					const open = indexedDB.open(name);
					open.onsuccess = () => {
						const db = open.result;
						const tx = db.transaction(['movements', 'meta']);
						const rows = tx.objectStore('movements').count();
						const checkpoint = tx.objectStore('meta').count(ledger);
						tx.oncomplete = () => {
							db.close();
							resolve({ rows: rows.result, checkpoint: checkpoint.result > 0 });
						};
						tx.onerror = () => resolve({ rows: -1, checkpoint: false });
					};
					open.onerror = () => resolve({ rows: -1, checkpoint: false });
				}),
			{ name: projectionDbName(workspace), ledger: currentLedger }
		);
		if (state.rows >= movements && state.checkpoint) return;
		if (Date.now() > deadline)
			throw new Error(
				`${workspace}: ${state.rows} of ${movements} movements projected after 3 min` +
					(state.checkpoint ? '' : `, no checkpoint for ${currentLedger}`)
			);
		await page.waitForTimeout(500);
	}
}

export interface RecordTiming {
	/** The click event's timestamp: when the browser received the click. */
	clickAt: number;
	/** When the page's first click listener ran. */
	handledAt: number;
	/** When the success toast was in the DOM. */
	shownAt: number;
	/** The task after the next frame: the toast has been painted. */
	paintedAt: number;
}

/**
 * Records one receipt on /movements/new (the page right after a cold start: ledgers still
 * loading behind it) and times it inside the page, from the click event to the success toast,
 * which states the item's new balance, being painted. Timed by Playwright instead, the figure
 * was mostly its own actionability round trips to a busy page, not what a person waits for.
 */
export async function recordOne(page: Page, probe: SeedResult['probe']): Promise<RecordTiming> {
	await page.goto('/movements/new');
	await page.getByTestId('movement-item').fill(probe.code);
	await page.getByTestId('movement-item').press('Enter');
	await page.getByTestId('movement-warehouse').selectOption({ index: 1 });
	await page.getByTestId('movement-qty').fill('5');
	const timing = page.evaluate(
		({ submit, toast }) =>
			new Promise<RecordTiming>((resolve) => {
				let clickAt = 0;
				let handledAt = 0;
				window.addEventListener(
					'click',
					(event) => {
						if (!(event.target instanceof Element) || !event.target.closest(submit)) return;
						clickAt = event.timeStamp;
						handledAt = performance.now();
					},
					{ capture: true }
				);
				const observer = new MutationObserver(() => {
					if (clickAt === 0 || !document.querySelector(toast)) return;
					observer.disconnect();
					const shownAt = performance.now();
					requestAnimationFrame(() =>
						setTimeout(() => resolve({ clickAt, handledAt, shownAt, paintedAt: performance.now() }))
					);
				});
				observer.observe(document.body, { childList: true, subtree: true });
			}),
		{ submit: '[data-testid="movement-submit"]', toast: '[data-testid="toast-success"]' }
	);
	await page.getByTestId('movement-submit').click();
	return timing;
}

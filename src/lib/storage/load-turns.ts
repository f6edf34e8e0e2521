// Doc loads take turns: each applies its stored records in a task of its own, once the one
// before it is done and the browser has had a chance to paint and answer input. A cold start
// opens a dozen ledger docs together; applied back to back, their records held the main thread
// for seconds right after the stock overview appeared.

export type TurnPriority = 'user-visible' | 'background';

interface TaskScheduler {
	postTask(callback: () => void, options?: { priority?: TurnPriority }): unknown;
}

let tail: Promise<void> = Promise.resolve();

/**
 * Resolves in a later task. `background` runs only when nothing more urgent (input, painting,
 * other work) is waiting, where the platform can tell (Chromium's `scheduler.postTask`).
 */
export function nextTask(priority: TurnPriority = 'user-visible'): Promise<void> {
	const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
	return new Promise((resolve) => {
		if (typeof scheduler?.postTask === 'function') scheduler.postTask(resolve, { priority });
		else setTimeout(resolve, 0);
	});
}

/** Runs `work` in a task of its own, after every load that asked before it. */
export function takeLoadTurn<T>(
	work: () => T,
	priority: TurnPriority = 'user-visible'
): Promise<T> {
	const turn = tail.then(() => nextTask(priority)).then(work);
	tail = turn.then(
		() => undefined,
		() => undefined
	);
	return turn;
}

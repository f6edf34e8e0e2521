// Loads Chart.js with only the pieces our line and bar charts use (tree-shaken), once. Imported
// dynamically by Chart.svelte, so the library stays out of the first-load bundle.
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
} from 'chart.js';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
);

export { Chart };

let queue: Promise<void> = Promise.resolve();

/**
 * Runs `create` in a task of its own, after the ones queued before it: a dashboard's charts
 * are drawn one per task instead of all in one long main-thread task.
 */
export function inOwnTask(create: () => void): void {
	queue = queue.then(
		() =>
			new Promise<void>((resolve) =>
				setTimeout(() => {
					try {
						create();
					} finally {
						resolve();
					}
				}, 0)
			)
	);
}

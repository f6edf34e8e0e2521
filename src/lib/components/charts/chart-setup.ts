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

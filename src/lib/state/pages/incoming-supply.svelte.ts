// Incoming supply (open purchase-order lines) for a page, read without holding the main thread:
// the orders not parsed yet are parsed a slice at a time (preparePurchaseOrders), then the lines
// are read from the caches. A cold start's first read of a year of orders was one long task
// (every PO event zod-parsed at once); now it is several short ones, and the same lines.

import {
	preparePurchaseOrders,
	readIncoming,
	type TimeSlices
} from '../../commands/purchasing/read';
import type { IncomingLine } from '../../domain/purchasing/incoming';
import { nextTask } from '../../storage/load-turns';
import type { WorkspaceState } from '../workspace.svelte';

/** Well under the 50 ms of a long task, leaving room for the render that follows. */
const SLICE_MS = 12;

/** Slices of `ms` each, a task apart. */
export function timeSlices(ms = SLICE_MS, now: () => number = () => performance.now()): TimeSlices {
	let start = now();
	return {
		spent: () => now() - start >= ms,
		pause: async () => {
			await nextTask();
			start = now();
		}
	};
}

export class IncomingSupply {
	/** Every open PO line, earliest first; empty until the orders have been read. */
	lines = $state.raw<IncomingLine[]>([]);

	/** Call while a component initialises: follows the orders doc for the component's life. */
	constructor(ws: WorkspaceState) {
		$effect(() => {
			void ws.docRevision.orders;
			const ctx = { docs: ws.runtime.docs };
			let current = true;
			void preparePurchaseOrders(ctx, timeSlices()).then(() => {
				if (current) this.lines = readIncoming(ctx);
			});
			return () => {
				current = false;
			};
		});
	}
}

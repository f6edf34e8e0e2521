// Where the units an outbound movement took go: a sink the position state writes slices to.

import type { Stamped } from './store';

export interface SliceSink {
	/** `qty` units worth `value` (both positive) that first came in at `since`'s stamp. */
	push(qty: number, value: number, since: Stamped): void;
}

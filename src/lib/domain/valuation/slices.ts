// Where the units an outbound movement took go: a sink the position state writes slices to.

export interface SliceSink {
	/** `qty` units worth `value` (both positive) that first came in at `since`. */
	push(qty: number, value: number, since: string): void;
}

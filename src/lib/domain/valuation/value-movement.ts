// Valuing one movement on its position's running state, writing its result into the store.
// Returns and inbound transfer legs come back at the cost the units left at.

import { mulDiv } from './fixed';
import type { PositionState } from './position';
import { LINKED, type PositionStore, type Stamped } from './store';
import type { ValuationMovement } from './types';

/** The movement a reversal names, where its result is, and units earlier reversals returned. */
export interface ReversalTarget {
	store: PositionStore;
	index: number;
	/** Units of the target already brought back by movements naming it before this one. */
	returnedBefore: number;
}

export interface Valuer {
	fifo: boolean;
	keepQueues: boolean;
	/** The valued, earlier, opposite-sign movement of the same item that ms[i] reverses. */
	target(store: PositionStore, i: number): ReversalTarget | undefined;
}

/** Values store.ms[i] on `s` (the state before it), leaving `s` as the state after it. */
export function valueMovement(v: Valuer, store: PositionStore, i: number, s: PositionState): void {
	const fifo = v.fifo;
	const m = store.ms[i] as ValuationMovement;
	const qty = store.qty[i] as number;
	const valueBefore = s.value;
	let movedValue = 0;
	if (fifo) store.sliceTop = store.sliceStart(i);
	if (qty > 0) {
		const inValue = store.inValue[i] as number;
		if (Number.isFinite(inValue)) {
			movedValue = inValue;
			s.receive(fifo, qty, movedValue, m, m, true);
		} else {
			const target = inValue === LINKED ? v.target(store, i) : undefined;
			if (target) movedValue = receiveReturned(v, s, target, m, qty);
			else {
				movedValue = s.valueAtCurrentRate(qty);
				s.receive(fifo, qty, movedValue, m, m, true);
			}
		}
	} else if (qty < 0) {
		let remaining = -qty;
		const sink = fifo ? store : null;
		if (fifo && store.inValue[i] === LINKED) {
			const target = v.target(store, i);
			if (target)
				remaining = s.takeFromSource(
					(target.store.ms[target.index] as ValuationMovement).id,
					remaining,
					sink
				);
		}
		if (remaining > 0) s.issue(fifo, remaining, m, sink);
		// Every slice's value left the position, so what moved is exactly the value change.
		movedValue = valueBefore - s.value;
	}
	if (fifo) store.sliceEnd[i] = store.sliceTop;
	store.valueAfter[i] = s.value;
	store.movedValue[i] = movedValue;
	if (store.queues) store.queues[i] = s.layers();
}

/**
 * Brings back the next `qty` units of what left with the target, after the units earlier
 * returns took, each at the cost it left at. Returning more than left is valued at the
 * target's average unit cost. Returns the value received.
 */
function receiveReturned(
	v: Valuer,
	s: PositionState,
	t: ReversalTarget,
	m: ValuationMovement,
	qty: number
): number {
	const ts = t.store;
	const offset = t.returnedBefore;
	const end = offset + qty;
	let received = 0;
	let start = 0;
	// Under the moving average there are no slices (see below).
	const slices = v.fifo ? (ts.sliceEnd[t.index] as number) : 0;
	for (let k = v.fifo ? ts.sliceStart(t.index) : 0; k < slices; k++) {
		const sq = ts.sq[k] as number;
		const sv = ts.sv[k] as number;
		const lo = Math.max(offset, start);
		const hi = Math.min(end, start + sq);
		if (hi > lo) {
			const value = cumulative(sv, hi - start, sq) - cumulative(sv, lo - start, sq);
			s.receive(v.fifo, hi - lo, value, ts.ss[k] as Stamped, m, false);
			received += value;
		}
		start += sq;
	}
	if (end > start) {
		// Moving average keeps no slices: the whole outbound movement is one slice at its cost.
		const movedQty = Math.abs(ts.qty[t.index] as number);
		const movedValue = ts.movedValue[t.index] as number;
		const lo = Math.max(offset, start);
		const value =
			movedQty === 0
				? 0
				: cumulative(movedValue, end, movedQty) - cumulative(movedValue, lo, movedQty);
		s.receive(v.fifo, end - lo, value, ts.ms[t.index] as ValuationMovement, m, false);
		received += value;
	}
	return received;
}

/** Value of the first `part` of `whole` units worth `value`; exact at `part === whole`. */
function cumulative(value: number, part: number, whole: number): number {
	if (part === whole) return value;
	return part === 0 ? 0 : mulDiv(value, part, whole);
}

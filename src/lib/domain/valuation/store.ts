// One position's movements in (at, id) order and their results, kept in typed arrays indexed
// like the movements (no object per result), with a checkpoint of the running state every
// CHECKPOINT_EVERY movements so a backdated movement re-values from the checkpoint before it.

import { MICRO, mulDiv } from './fixed';
import { PositionState } from './position';
import type { SliceSink } from './slices';
import type { MovementValue, Slice, ValuationMovement } from './types';

export const CHECKPOINT_EVERY = 32;

/** `inValue` of a movement without a cost that names the movement it reverses. */
export const LINKED = Number.POSITIVE_INFINITY;

/** What orders movements. */
export interface Stamped {
	at: string;
	id: string;
}

/** Movements are valued in (at, id) order, stamps compared as strings. */
export function compareMovements(x: Stamped, y: Stamped): number {
	if (x.at !== y.at) return x.at < y.at ? -1 : 1;
	return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

const DIGITS = 15;

/**
 * The first 15 characters of a stamp as a number when they are all digits (a clock stamp's
 * zero-padded wall time), else -1. Two such keys order their stamps like the strings do when
 * they differ, so appending in stamp order rarely has to read the previous stamp's characters.
 */
function stampKey(at: string): number {
	if (at.length < DIGITS) return -1;
	let key = 0;
	for (let k = 0; k < DIGITS; k++) {
		const d = at.charCodeAt(k) - 48;
		if (d < 0 || d > 9) return -1;
		key = key * 10 + d;
	}
	return key;
}

export class PositionStore implements SliceSink {
	// Movements in (at, id) order. The numbers valuation reads for every movement are copied into
	// columns on arrival, so a position's run reads compact arrays; stamps, ids and links are read
	// from the movement itself, only where a movement needs them (fewer columns to grow and for
	// the collector to copy). Plain number arrays hold unboxed doubles on the JS heap (typed
	// arrays would be off-heap memory, whose growth triggers full collections).
	readonly ms: ValuationMovement[] = [];
	readonly qty: number[] = [];
	/**
	 * Inbound with a cost: the units' value (qty × unit cost, or the exact value). Otherwise
	 * LINKED when the movement names one it reverses, else NaN: what valuing it needs to know
	 * without reading the movement.
	 */
	readonly inValue: number[] = [];
	/** stampKey of the last movement's stamp. */
	private lastKey = -1;
	/** Whether the last insert went at the end. */
	appended = false;
	/** Inserts that moved later movements up an index (the engine's id index checks it). */
	shifts = 0;
	/** Results of ms[i], current for i < valid. */
	valid = 0;
	// The quantity after ms[i] is not kept: it is the checkpoint's plus the quantities since.
	readonly valueAfter: number[] = [];
	readonly movedValue: number[] = [];
	/** FIFO outbound slices: ms[i]'s are [sliceEnd[i-1], sliceEnd[i]) in sq / sv / ss. */
	readonly sliceEnd: number[] = [];
	readonly sq: number[] = [];
	readonly sv: number[] = [];
	/** The movement whose stamp the slice's units first came in at. */
	readonly ss: Stamped[] = [];
	sliceTop = 0;
	/** FIFO with `keepQueues`: the layers after ms[i]. */
	queues: [number, number][][] | undefined;
	/** checkpoints[c]: state before ms[c * CHECKPOINT_EVERY]; [0] is the empty state. */
	readonly checkpoints: PositionState[] = [new PositionState()];
	/** checkpoints[c].qty, so reading a result does not visit the state object. */
	readonly checkpointQty: number[] = [0];
	/** State after the last movement. */
	final = new PositionState();
	/** Earliest movement to value again, while this position waits in the dirty list. */
	dirtyFrom: ValuationMovement | undefined;

	constructor(keepQueues: boolean) {
		if (keepQueues) this.queues = [];
	}

	get length(): number {
		return this.ms.length;
	}

	/** Where (at, id) sorts: the index of the first movement not before it. */
	indexOf(m: Stamped): number {
		const ms = this.ms;
		const at = m.at;
		let lo = 0;
		let hi = ms.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			const x = ms[mid] as ValuationMovement;
			if (x.at < at || (x.at === at && x.id < m.id)) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Index of exactly this movement (id and stamp), or -1. */
	find(m: Stamped): number {
		const i = this.indexOf(m);
		const x = this.ms[i];
		return x !== undefined && x.id === m.id && x.at === m.at ? i : -1;
	}

	/** Adds `m` in order; false when the same movement (id and stamp) is already here. */
	insert(m: ValuationMovement): boolean {
		const n = this.ms.length;
		const key = stampKey(m.at);
		let i = n;
		if (n > 0 && !(key > this.lastKey && this.lastKey >= 0)) {
			const last = this.ms[n - 1] as ValuationMovement;
			if (last.at > m.at || (last.at === m.at && last.id >= m.id)) {
				i = this.indexOf(m);
				const x = this.ms[i];
				if (x !== undefined && x.id === m.id && x.at === m.at) return false;
			}
		}
		/** Appended: later than everything here, including the movement it is dirty from. */
		this.appended = i === n;
		if (this.appended) this.lastKey = key;
		else this.shifts++;
		const qty = m.qtyMicro;
		const inValue =
			qty > 0 && m.valueMicro !== undefined
				? m.valueMicro
				: qty > 0 && m.unitCostMicro !== undefined
					? mulDiv(qty, m.unitCostMicro, MICRO)
					: m.reverses !== undefined && m.reverses !== ''
						? LINKED
						: Number.NaN;
		if (i === n) {
			this.ms.push(m);
			this.qty.push(qty);
			this.inValue.push(inValue);
		} else {
			this.ms.splice(i, 0, m);
			this.qty.splice(i, 0, qty);
			this.inValue.splice(i, 0, inValue);
		}
		if (i < this.valid) this.valid = i;
		return true;
	}

	/** Slice buffer position before ms[i]'s slices. */
	sliceStart(i: number): number {
		return i === 0 ? 0 : (this.sliceEnd[i - 1] as number);
	}

	push(qty: number, value: number, since: Stamped): void {
		const k = this.sliceTop++;
		this.sq[k] = qty;
		this.sv[k] = value;
		this.ss[k] = since;
	}

	slicesOf(i: number): Slice[] {
		const out: Slice[] = [];
		for (let k = this.sliceStart(i); k < (this.sliceEnd[i] as number); k++)
			out.push({
				qty: this.sq[k] as number,
				value: this.sv[k] as number,
				since: (this.ss[k] as Stamped).at
			});
		return out;
	}

	/** The position's quantity after ms[i] (i < valid). */
	qtyAfter(i: number): number {
		const c = Math.floor(i / CHECKPOINT_EVERY);
		let qty = this.checkpointQty[c] as number;
		for (let j = c * CHECKPOINT_EVERY; j <= i; j++) qty += this.qty[j] as number;
		return qty;
	}

	/** The state before ms[c * CHECKPOINT_EVERY], the checkpoints after it dropped. */
	resumeAt(c: number): PositionState {
		this.checkpoints.length = c + 1;
		this.checkpointQty.length = c + 1;
		return (this.checkpoints[c] as PositionState).clone();
	}

	addCheckpoint(s: PositionState): void {
		this.checkpoints.push(s.clone());
		this.checkpointQty.push(s.qty);
	}

	/** The result of ms[i] (whose id is `id`) as the engine's public shape. */
	result(i: number, id: string, fifo: boolean): MovementValue {
		const qty = this.qty[i] as number;
		const before = i === 0 ? 0 : (this.valueAfter[i - 1] as number);
		const valueAfter = this.valueAfter[i] as number;
		const r: MovementValue = {
			id,
			qtyAfterMicro: this.qtyAfter(i),
			valueAfterMicro: valueAfter,
			valueChangeMicro: valueAfter - before,
			movedQtyMicro: Math.abs(qty),
			movedValueMicro: this.movedValue[i] as number
		};
		if (fifo && qty < 0) r.slices = this.slicesOf(i);
		const queue = this.queues?.[i];
		if (queue) r.queue = queue;
		return r;
	}
}

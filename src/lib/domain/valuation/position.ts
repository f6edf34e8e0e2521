// One valuation position (an item, or an item in one warehouse): its quantity, its value and,
// under FIFO, its layers. Every operation keeps `value` equal to the sum of the layers' values,
// so no amount is created or lost by rounding. See docs/DECISIONS.md, "Valuation".
//
// The layers are parallel arrays with a moving head (no object per layer, no shifting on the
// usual oldest-first issue), because the engine runs this for every movement of a year.

import { mulDiv } from './fixed';
import type { SliceSink } from './slices';
import type { Stamped } from './store';

export class PositionState {
	qty = 0;
	value = 0;
	/**
	 * Prevailing rate as value / qty: what a shortage starting from zero stock costs. FIFO: the
	 * last layer received or consumed; moving average: the last positive average.
	 */
	rateValue = 0;
	rateQty = 0;
	/** FIFO layers, oldest first, in [head, lq.length). Below zero there is a single negative one. */
	head = 0;
	lq: number[] = [];
	lv: number[] = [];
	/**
	 * The movement whose stamp each layer's units first came in at (orders re-added, returned
	 * units). Layers hold movements, not their stamps and ids, so valuing a movement never has to
	 * read another movement's fields (each read of a scattered object is a cache miss).
	 */
	ls: Stamped[] = [];
	/** The movement that put the layer here (a purchase return takes its id's layers first). */
	lr: Stamped[] = [];

	get layerCount(): number {
		return this.lq.length - this.head;
	}

	clone(): PositionState {
		const c = new PositionState();
		c.qty = this.qty;
		c.value = this.value;
		c.rateValue = this.rateValue;
		c.rateQty = this.rateQty;
		c.lq = this.lq.slice(this.head);
		c.lv = this.lv.slice(this.head);
		c.ls = this.ls.slice(this.head);
		c.lr = this.lr.slice(this.head);
		return c;
	}

	/** Layers oldest first as [qty, value]. */
	layers(): [number, number][] {
		const out: [number, number][] = [];
		for (let i = this.head; i < this.lq.length; i++)
			out.push([this.lq[i] as number, this.lv[i] as number]);
		return out;
	}

	/** Value of `qty` units at the current rate (the average, or the prevailing rate). */
	valueAtCurrentRate(qty: number): number {
		if (this.qty !== 0) return mulDiv(this.value, qty, this.qty);
		return this.rateQty === 0 ? 0 : mulDiv(this.rateValue, qty, this.rateQty);
	}

	/**
	 * `qty` (> 0) units worth `value` come in. A shortage is filled first, at the shortage's own
	 * rate (the earlier issues keep their cost; this receipt absorbs the difference, as ERPNext
	 * does); what is left becomes stock (a layer, under FIFO, placed by `since`'s stamp). `latest`:
	 * `since` is the movement being valued, so no layer is newer and it goes last.
	 */
	receive(
		fifo: boolean,
		qty: number,
		value: number,
		since: Stamped,
		src: Stamped,
		latest: boolean
	): void {
		if (this.qty < 0) {
			const filled = Math.min(qty, -this.qty);
			const shortageShare =
				filled === -this.qty ? this.value : mulDiv(this.value, filled, -this.qty);
			this.qty += filled;
			this.value -= shortageShare;
			if (fifo) {
				const h = this.head;
				this.lq[h] = (this.lq[h] as number) + filled;
				this.lv[h] = (this.lv[h] as number) - shortageShare;
				if (this.lq[h] === 0) this.clearLayers();
			}
			const absorbed = filled === qty ? value : mulDiv(value, filled, qty);
			qty -= filled;
			value -= absorbed;
		}
		if (qty === 0) return;
		this.qty += qty;
		this.value += value;
		if (fifo) {
			if (latest) this.pushLayer(qty, value, since, src);
			else this.insertLayer(qty, value, since, src);
			this.rateValue = value;
			this.rateQty = qty;
		} else if (this.qty > 0) {
			this.rateValue = this.value;
			this.rateQty = this.qty;
		}
	}

	/**
	 * `qty` (> 0) units go out: FIFO from the oldest layer, moving average at the average. Past
	 * the stock on hand the position goes negative at the prevailing rate. What left goes to `out`.
	 */
	issue(fifo: boolean, qty: number, m: Stamped, out: SliceSink | null): void {
		if (fifo) {
			while (qty > 0 && this.head < this.lq.length && (this.lq[this.head] as number) > 0) {
				const h = this.head;
				this.rateValue = this.lv[h] as number;
				this.rateQty = this.lq[h] as number;
				qty = this.takeFromLayer(h, qty, out);
				if (this.lq[h] === 0) this.dropHead();
			}
		} else if (this.qty > 0) {
			this.rateValue = this.value;
			this.rateQty = this.qty;
			const taken = Math.min(qty, this.qty);
			const value = taken === this.qty ? this.value : mulDiv(this.value, taken, this.qty);
			this.qty -= taken;
			this.value -= value;
			qty -= taken;
			out?.push(taken, value, m);
		}
		if (qty > 0) this.goNegative(fifo, qty, m, out);
	}

	/**
	 * FIFO purchase return: takes up to `qty` units from the layers put there by the reversed
	 * receipt (movements with the id `src`), at their cost. Returns what is still to take (already
	 * issued units).
	 */
	takeFromSource(src: string, qty: number, out: SliceSink | null): number {
		for (let i = this.head; i < this.lq.length && qty > 0; i++) {
			if ((this.lr[i] as Stamped).id !== src || (this.lq[i] as number) <= 0) continue;
			qty = this.takeFromLayer(i, qty, out);
			if (this.lq[i] === 0) {
				this.removeAt(i);
				i--;
			}
		}
		return qty;
	}

	/** Takes up to `qty` from the positive layer `i`; returns what is still to take. */
	private takeFromLayer(i: number, qty: number, out: SliceSink | null): number {
		const lq = this.lq[i] as number;
		const lv = this.lv[i] as number;
		const taken = Math.min(qty, lq);
		const value = taken === lq ? lv : mulDiv(lv, taken, lq);
		this.lq[i] = lq - taken;
		this.lv[i] = lv - value;
		this.qty -= taken;
		this.value -= value;
		out?.push(taken, value, this.ls[i] as Stamped);
		return qty - taken;
	}

	private goNegative(fifo: boolean, qty: number, m: Stamped, out: SliceSink | null): void {
		const value =
			this.qty < 0
				? mulDiv(this.value, qty, this.qty)
				: this.rateQty === 0
					? 0
					: mulDiv(this.rateValue, qty, this.rateQty);
		this.qty -= qty;
		this.value -= value;
		if (fifo) {
			const h = this.head;
			if (h < this.lq.length && (this.lq[h] as number) < 0) {
				this.lq[h] = (this.lq[h] as number) - qty;
				this.lv[h] = (this.lv[h] as number) - value;
			} else this.pushLayer(-qty, -value, m, m);
		}
		out?.push(qty, value, m);
	}

	/** Keeps layers ordered by `since`; a new receipt (the usual case) simply goes last. */
	private insertLayer(qty: number, value: number, since: Stamped, src: Stamped): void {
		let i = this.lq.length;
		while (i > this.head && (this.ls[i - 1] as Stamped).at > since.at) i--;
		if (i === this.lq.length) this.pushLayer(qty, value, since, src);
		else {
			this.lq.splice(i, 0, qty);
			this.lv.splice(i, 0, value);
			this.ls.splice(i, 0, since);
			this.lr.splice(i, 0, src);
		}
	}

	private pushLayer(qty: number, value: number, since: Stamped, src: Stamped): void {
		this.lq.push(qty);
		this.lv.push(value);
		this.ls.push(since);
		this.lr.push(src);
	}

	private dropHead(): void {
		this.head++;
		// Compact once the consumed prefix dominates, so the arrays do not grow without bound.
		if (this.head > 32 && this.head * 2 > this.lq.length) {
			this.lq = this.lq.slice(this.head);
			this.lv = this.lv.slice(this.head);
			this.ls = this.ls.slice(this.head);
			this.lr = this.lr.slice(this.head);
			this.head = 0;
		} else if (this.head === this.lq.length) this.clearLayers();
	}

	private removeAt(i: number): void {
		if (i === this.head) return this.dropHead();
		this.lq.splice(i, 1);
		this.lv.splice(i, 1);
		this.ls.splice(i, 1);
		this.lr.splice(i, 1);
	}

	private clearLayers(): void {
		this.head = 0;
		this.lq.length = 0;
		this.lv.length = 0;
		this.ls.length = 0;
		this.lr.length = 0;
	}
}

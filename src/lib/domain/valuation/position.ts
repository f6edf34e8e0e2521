// One valuation position (an item, or an item in one warehouse): its quantity, its value and,
// under FIFO, its layers. Every operation keeps `value` equal to the sum of the layers' values,
// so no amount is created or lost by rounding. See docs/DECISIONS.md, "Valuation".

import { mulDiv } from './fixed';
import type { Layer, Slice } from './types';

export interface PositionState {
	qty: number;
	value: number;
	/**
	 * Prevailing rate as value / qty: what a shortage starting from zero stock costs. FIFO: the
	 * last layer received or consumed; moving average: the last positive average.
	 */
	rateValue: number;
	rateQty: number;
	/** FIFO only, oldest first. Below zero there is a single negative layer. */
	layers: Layer[];
}

export function emptyPosition(): PositionState {
	return { qty: 0, value: 0, rateValue: 0, rateQty: 0, layers: [] };
}

export function clonePosition(s: PositionState): PositionState {
	const layers = new Array<Layer>(s.layers.length);
	for (let i = 0; i < layers.length; i++) {
		const l = s.layers[i] as Layer;
		layers[i] = { qty: l.qty, value: l.value, since: l.since, src: l.src };
	}
	return { qty: s.qty, value: s.value, rateValue: s.rateValue, rateQty: s.rateQty, layers };
}

/** Value of `qty` units at the position's current rate (the average, or the prevailing rate). */
export function valueAtCurrentRate(s: PositionState, qty: number): number {
	if (s.qty !== 0) return mulDiv(s.value, qty, s.qty);
	return s.rateQty === 0 ? 0 : mulDiv(s.rateValue, qty, s.rateQty);
}

/**
 * `qty` (> 0) units worth `value` come in. A shortage is filled first, at the shortage's own
 * rate (the earlier issues keep their cost; this receipt absorbs the difference, as ERPNext
 * does); what is left becomes stock (a layer, under FIFO, placed by `since`).
 */
export function receive(
	s: PositionState,
	fifo: boolean,
	qty: number,
	value: number,
	since: string,
	src: string
): void {
	if (s.qty < 0) {
		const filled = Math.min(qty, -s.qty);
		const shortageShare = filled === -s.qty ? s.value : mulDiv(s.value, filled, -s.qty);
		s.qty += filled;
		s.value -= shortageShare;
		if (fifo) {
			const neg = s.layers[0] as Layer;
			neg.qty += filled;
			neg.value -= shortageShare;
			if (neg.qty === 0) s.layers.length = 0;
		}
		const absorbed = filled === qty ? value : mulDiv(value, filled, qty);
		qty -= filled;
		value -= absorbed;
	}
	if (qty === 0) return;
	s.qty += qty;
	s.value += value;
	if (fifo) {
		insertLayer(s.layers, { qty, value, since, src });
		s.rateValue = value;
		s.rateQty = qty;
	} else if (s.qty > 0) {
		s.rateValue = s.value;
		s.rateQty = s.qty;
	}
}

/** Keeps layers ordered by `since`; a new receipt (the usual case) simply goes last. */
function insertLayer(layers: Layer[], layer: Layer): void {
	let i = layers.length;
	while (i > 0 && (layers[i - 1] as Layer).since > layer.since) i--;
	if (i === layers.length) layers.push(layer);
	else layers.splice(i, 0, layer);
}

/**
 * `qty` (> 0) units go out: FIFO from the oldest layer, moving average at the average. Past the
 * stock on hand the position goes negative at the prevailing rate. Appends what left to `out`.
 */
export function issue(
	s: PositionState,
	fifo: boolean,
	qty: number,
	at: string,
	src: string,
	out: Slice[]
): void {
	if (fifo) {
		const layers = s.layers;
		while (qty > 0 && layers.length > 0 && (layers[0] as Layer).qty > 0) {
			const l = layers[0] as Layer;
			s.rateValue = l.value;
			s.rateQty = l.qty;
			qty = takeFromLayer(s, l, qty, out);
			if (l.qty === 0) layers.shift();
		}
	} else if (s.qty > 0) {
		s.rateValue = s.value;
		s.rateQty = s.qty;
		const taken = Math.min(qty, s.qty);
		const value = taken === s.qty ? s.value : mulDiv(s.value, taken, s.qty);
		s.qty -= taken;
		s.value -= value;
		qty -= taken;
		out.push({ qty: taken, value, since: at });
	}
	if (qty > 0) goNegative(s, fifo, qty, at, src, out);
}

/** Takes up to `qty` from one positive layer; returns what is still to take. */
function takeFromLayer(s: PositionState, l: Layer, qty: number, out: Slice[]): number {
	const taken = Math.min(qty, l.qty);
	const value = taken === l.qty ? l.value : mulDiv(l.value, taken, l.qty);
	l.qty -= taken;
	l.value -= value;
	s.qty -= taken;
	s.value -= value;
	out.push({ qty: taken, value, since: l.since });
	return qty - taken;
}

function goNegative(
	s: PositionState,
	fifo: boolean,
	qty: number,
	at: string,
	src: string,
	out: Slice[]
): void {
	const value =
		s.qty < 0
			? mulDiv(s.value, qty, s.qty)
			: s.rateQty === 0
				? 0
				: mulDiv(s.rateValue, qty, s.rateQty);
	s.qty -= qty;
	s.value -= value;
	if (fifo) {
		const neg = s.layers[0];
		if (neg && neg.qty < 0) {
			neg.qty -= qty;
			neg.value -= value;
		} else s.layers.push({ qty: -qty, value: -value, since: at, src });
	}
	out.push({ qty, value, since: at });
}

/**
 * FIFO purchase return: takes up to `qty` units from the layers the reversed receipt `src`
 * put there, at their cost. Returns what is still to take (already issued units).
 */
export function takeFromSource(s: PositionState, src: string, qty: number, out: Slice[]): number {
	const layers = s.layers;
	for (let i = 0; i < layers.length && qty > 0; i++) {
		const l = layers[i] as Layer;
		if (l.src !== src || l.qty <= 0) continue;
		qty = takeFromLayer(s, l, qty, out);
		if (l.qty === 0) layers.splice(i--, 1);
	}
	return qty;
}

// Small parts of the work-order page's view model (production-work-order.svelte.ts): the issue
// form's sources, the step rows and how a typed quantity reads.

import { parseQuantity } from '../../domain/quantity/quantity';

/** A bin × lot holding a material, for the issue form's "from" choice. */
export interface IssueSource {
	key: string;
	label: string;
	locationId: string;
	lot: string;
	qty: number;
}

export const sourceKey = (locationId: string, lot: string): string => `${locationId}|${lot}`;

/** A typed quantity: null when empty, a number, or 'bad' when it is not one (or negative). */
export function qtyOf(text: string): number | null | 'bad' {
	const r = parseQuantity(text);
	if (r.ok) return r.qty;
	return r.reason === 'empty' ? null : 'bad';
}

export interface StepRow {
	id: string;
	name: string;
	workCenter: string;
	good: number;
	scrap: number;
}

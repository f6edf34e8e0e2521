// Conversion cost (labour and overhead) of one finished unit: each routing step's minutes per
// unit at its work centre's hourly rate, summed and rounded once, half up, to whole cents — the
// `unitCostCents` a completion's `production` movement carries on top of its material.

import type { WorkCenter } from './work-center';
import type { WoStep } from './work-order';

/** Cents per finished unit; steps on an unknown or unpriced work centre add nothing. */
export function conversionCentsPerUnit(
	steps: readonly Pick<WoStep, 'workCenterId' | 'minutesPerUnit'>[],
	centers: readonly Pick<WorkCenter, 'id' | 'costPerHourCents'>[]
): number {
	const rate = new Map(centers.map((c) => [c.id, c.costPerHourCents]));
	// Minute-cents summed exactly (minutes may carry decimals), divided by 60 once.
	let minuteCents = 0;
	for (const s of steps) minuteCents += s.minutesPerUnit * (rate.get(s.workCenterId) ?? 0);
	const cents = minuteCents / 60;
	return Math.floor(cents + 0.5 + 1e-9);
}

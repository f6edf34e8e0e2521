// A delivery promise's reasoning, and what a rush would delay, in words ("8 支 LEG 桌腳：需採購，供應商交期 7 天 → 12-14"),
// shared by the promise page (production) and the sales order form: both show the same answer.

import type { PromiseStep } from '../../domain/production/promise';
import type { RushDelay } from '../../domain/production/rush-capacity';
import { fmtNumber, t } from '../../i18n';

export interface PromiseLabels {
	itemLabel(id: string): string;
	unitOf(id: string): string;
	workCenterLabel(id: string): string;
}

/** One step of the reasoning as a sentence. */
export function promiseStepText(step: PromiseStep, labels: PromiseLabels): string {
	const base = {
		qty: fmtNumber(step.qty),
		unit: labels.unitOf(step.itemId),
		item: labels.itemLabel(step.itemId)
	};
	switch (step.kind) {
		case 'stock':
			return t('promise.step.stock', base);
		case 'incoming':
			return t('promise.step.incoming', { ...base, date: step.date });
		case 'buy':
			return t('promise.step.buy', { ...base, days: step.leadTimeDays, date: step.date });
		case 'make':
			return step.workCenterId
				? t('promise.step.make', {
						...base,
						start: step.start,
						from: step.lineFrom,
						days: step.days,
						center: labels.workCenterLabel(step.workCenterId),
						date: step.date
					})
				: t('promise.step.makePlain', {
						...base,
						start: step.start,
						days: step.days,
						date: step.date
					});
	}
}

/** "WO-0113：完工 12-14 → 12-18" or "計畫生產 GFT-YS-LUX …：…" (planned orders have no number). */
export function rushDelayText(d: RushDelay, labels: PromiseLabels): string {
	const what = d.ref.includes('|')
		? t('promise.delayPlanned', { item: labels.itemLabel(d.itemId) })
		: `${d.ref} ${labels.itemLabel(d.itemId)}`;
	return t('promise.delayLine', { what, before: d.before, after: d.after });
}

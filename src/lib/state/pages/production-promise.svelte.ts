// View model of the delivery-promise page (交期試算): a prospective order (item, quantity,
// wanted date) → the earliest complete delivery, partial quantities by date, the reasoning in
// words, and the rush preview (what the plan would add, expedite, and whose dates slip). Runs in
// the planning worker, on the same snapshot as the plan.

import { dayNumber } from '../../domain/production/calendar';
import type { PromiseStep } from '../../domain/production/promise';
import type { RushDelay } from '../../domain/production/rush-capacity';
import { quantityOrNull } from '../../domain/quantity/quantity';
import { t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { addDays } from './orders-board-helpers';
import { ProductionData } from './production-data.svelte';
import { PlanRunner } from './production-plan-runner.svelte';
import { promiseStepText, rushDelayText } from './promise-text';

const WEEKS = 26;

export class ProductionPromiseModel {
	readonly data: ProductionData;
	readonly runner: PlanRunner;
	draft = $state({ itemId: '', qty: '', wantedDate: '' });
	tried = $state(false);

	readonly items = $derived.by(() =>
		this.data.ws.items.filter((i) => i.active).sort((a, b) => a.code.localeCompare(b.code))
	);

	readonly errors = $derived.by(() => {
		const e: { itemId?: string; qty?: string } = {};
		if (!this.draft.itemId) e.itemId = t('validation.required');
		const q = quantityOrNull(this.draft.qty);
		if (q === null || q <= 0) e.qty = t('promise.qtyInvalid');
		return e;
	});

	/** The one line asked about: its promise and the rush preview. */
	readonly answer = $derived.by(() => {
		const a = this.runner.answer;
		const line = a?.promise.lines[0];
		return a && line
			? { request: line.request, promise: line, rush: a.rush, asRush: a.asRush }
			: null;
	});

	/** Days after the wanted date (0 when met). */
	readonly daysLate = $derived.by(() => {
		const a = this.answer;
		if (!a) return 0;
		return Math.max(0, dayNumber(a.promise.earliestDate) - dayNumber(a.request.wantedDate));
	});

	constructor(ws: WorkspaceState) {
		this.data = new ProductionData(ws);
		this.runner = new PlanRunner(ws);
		this.draft.wantedDate = addDays(this.data.today, 14);
	}

	ask(): boolean {
		this.tried = true;
		const qty = quantityOrNull(this.draft.qty);
		if (this.errors.itemId || this.errors.qty || qty === null) return false;
		this.runner.promise(
			[{ itemId: this.draft.itemId, qty, wantedDate: this.draft.wantedDate || this.data.today }],
			WEEKS
		);
		return true;
	}

	/** One step of the reasoning as a sentence. */
	stepText(step: PromiseStep): string {
		return promiseStepText(step, this.data);
	}

	/** What a rush pushes back, as a sentence. */
	delayText(d: RushDelay): string {
		return rushDelayText(d, this.data);
	}

	close(): void {
		this.runner.close();
		this.data.close();
	}
}

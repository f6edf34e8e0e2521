// The delivery promise inside the sales order form (issue 18 points 5–6): for the lines being
// typed and the requested date, the earliest date the whole order can be delivered, partial
// quantities by date per line, the reasoning in words and what a rush would move (other
// customers' dates that slip, receipts to expedite, planned orders added) — then "accept",
// which creates and confirms the order through production's acceptPromise (sales' own order
// commands inside) for the promised date. Asked in the planning worker (PlanRunner), so typing
// never waits for it; an answer for lines since changed is shown as stale and cannot be accepted.

import { acceptPromise, acceptedDate } from '../../commands/production/accept';
import { readWorkCenters } from '../../doc/production-doc';
import { canAppendEvent } from '../../domain/auth/field-rights';
import { dayNumber } from '../../domain/production/calendar';
import type { PromiseRequest, PromiseStep } from '../../domain/production/promise';
import type { RushDelay } from '../../domain/production/rush-capacity';
import { quantityOrNull } from '../../domain/quantity/quantity';
import { t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import type { OrderFormModel, SaveResult } from './order-form.svelte';
import { PlanRunner } from './production-plan-runner.svelte';
import { promiseStepText, rushDelayText, type PromiseLabels } from './promise-text';

/** Weeks planned ahead for the promise (as the promise page). */
const WEEKS = 26;

export class OrderPromiseModel implements PromiseLabels {
	readonly runner: PlanRunner;
	private readonly ws: WorkspaceState;
	private readonly form: OrderFormModel;
	/** The question the shown answer is for (its requests as a key). */
	private askedKey = $state('');

	constructor(ws: WorkspaceState, form: OrderFormModel) {
		this.ws = ws;
		this.form = form;
		this.runner = new PlanRunner(ws);
	}

	/** May this user turn a promise into a confirmed order (sales and admin)? */
	readonly canAccept: boolean = $derived.by(
		() =>
			this.ws.canWrite('orders') &&
			this.ws.canWriteRecord('salesOrder') &&
			canAppendEvent(this.ws.role, 'salesOrder', 'confirm')
	);

	/** The form's lines with an item and a quantity above 0, wanted on the requested date. */
	readonly requests: PromiseRequest[] = $derived.by(() => {
		const wantedDate = this.form.requestedDate;
		const out: PromiseRequest[] = [];
		for (const l of this.form.lines) {
			const qty = quantityOrNull(l.qty);
			if (l.item && qty !== null && qty > 0) out.push({ itemId: l.item.id, qty, wantedDate });
		}
		return out;
	});

	private readonly key = $derived.by(() => JSON.stringify(this.requests));

	/** A line asks for more than is available now: the order needs a promise, not just stock. */
	readonly short: boolean = $derived.by(() =>
		this.form.lines.some((l) => {
			const available = this.form.available(l);
			return available !== null && this.form.qtyOf(l) > available;
		})
	);

	readonly answer = $derived.by(() => (this.askedKey ? this.runner.answer : null));

	/** The lines or the date changed since the answer: ask again before accepting. */
	readonly stale: boolean = $derived.by(() => this.answer !== null && this.askedKey !== this.key);

	/** Days after the requested date the whole order can go (0 when it is met). */
	readonly daysLate: number = $derived.by(() => {
		const a = this.answer;
		if (!a) return 0;
		return Math.max(0, dayNumber(a.promise.earliestDate) - dayNumber(this.form.requestedDate));
	});

	/** The date accepting would confirm: the requested date, or the promise when later. */
	readonly acceptDate: string = $derived.by(() =>
		this.answer ? acceptedDate(this.form.requestedDate, this.answer.promise.earliestDate) : ''
	);

	/** Jumping the queue would deliver earlier than the promise: offer it as a rush. */
	readonly rushHelps: boolean = $derived.by(() => {
		const a = this.answer;
		return (
			!!a && dayNumber(a.asRush.earliestDate) < dayNumber(a.promise.earliestDate) && this.acceptable
		);
	});

	/** The date accepting as a rush would confirm. */
	readonly rushDate: string = $derived.by(() =>
		this.answer ? acceptedDate(this.form.requestedDate, this.answer.asRush.earliestDate) : ''
	);

	/** Accepting is offered: a fresh answer, a new order (not a draft's edit) and the right. */
	readonly acceptable: boolean = $derived.by(
		() => this.answer !== null && !this.stale && !this.form.editingId && this.canAccept
	);

	/** Why there is no accept button under an answer (null when there is one or no answer). */
	readonly acceptNote: string | null = $derived.by(() => {
		if (!this.answer || this.stale) return null;
		if (this.form.editingId) return t('salesPromise.editNoAccept');
		return this.canAccept ? null : t('salesPromise.noAccept');
	});

	/** Asks for the promise; false when no line has an item and a quantity yet. */
	ask(): boolean {
		if (this.requests.length === 0) return false;
		this.askedKey = this.key;
		this.runner.answer = null;
		this.runner.promise(this.requests, WEEKS);
		return true;
	}

	/** Forgets the answer (a new order or another draft in the form). */
	reset(): void {
		this.askedKey = '';
		this.runner.answer = null;
	}

	/**
	 * Creates and confirms the order for the promised date (the requested date when it is met);
	 * as a rush, for the date it gets by jumping the queue (the plan then books it ahead of the
	 * later-dated work). Refused while the form has errors or the answer is for other lines.
	 */
	accept(rush = false): SaveResult {
		const a = this.answer;
		this.form.tried = true;
		if (!this.form.valid)
			return { ok: false, error: null, message: this.form.firstProblem ?? undefined };
		if (!a || !this.acceptable)
			return { ok: false, error: null, message: t('salesPromise.askFirst') };
		if (rush && !this.rushHelps)
			return { ok: false, error: null, message: t('salesPromise.askFirst') };
		const promisedDate = rush ? a.asRush.earliestDate : a.promise.earliestDate;
		const input = this.form.draftInput();
		const r = this.ws.run((ctx) => acceptPromise(ctx, { order: input, promisedDate }));
		if (!r.ok) return { ok: false, error: r.error };
		const date = acceptedDate(input.requestedDate, promisedDate);
		this.reset();
		return {
			ok: true,
			message:
				a.rush.added.length > 0
					? t('salesPromise.acceptedPlanned', {
							number: r.value.number,
							date,
							planned: a.rush.added.length
						})
					: t('salesPromise.accepted', { number: r.value.number, date })
		};
	}

	stepText(step: PromiseStep): string {
		return promiseStepText(step, this);
	}

	delayText(d: RushDelay): string {
		return rushDelayText(d, this);
	}

	itemLabel(id: string): string {
		const i = this.ws.item(id);
		return i ? `${i.code} ${i.name}` : id;
	}

	unitOf(id: string): string {
		return this.ws.item(id)?.unit ?? '';
	}

	/** Work-centre names, read again with each answer. */
	private readonly centers = $derived.by(() => {
		void this.answer;
		return readWorkCenters(this.ws.runtime.docs.catalog);
	});

	workCenterLabel(id: string): string {
		const c = this.centers.find((w) => w.id === id);
		return c ? `${c.code} ${c.name}` : id;
	}

	close(): void {
		this.runner.close();
	}
}

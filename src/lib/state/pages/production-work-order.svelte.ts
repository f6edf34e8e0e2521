// View model of one work order: header and status, the material needs against ATP (shortages
// shown before release), the planner's actions (release, cancel, close), the shop floor's forms
// (progress per routing step with good / scrap, material issue, completion into stock) and the
// event history. Every quantity typed is parsed with the domain's one quantity parser.

import {
	cancelWorkOrder,
	closeWorkOrder,
	releaseWorkOrder
} from '../../commands/production/work-orders';
import {
	completeWorkOrder,
	issueMaterials,
	reportProgress,
	type IssueLine
} from '../../commands/production/shop-floor';
import { materialNeeds, type MaterialNeed } from '../../domain/production/shortages';
import { compareWoEvents, goodOutput } from '../../domain/production/wo-state-machine';
import { errorMessage, fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { FarStampGate } from './far-stamp-gate.svelte';
import { qtyOf, sourceKey, type IssueSource, type StepRow } from './production-work-order-parts';
import { ProductionData } from './production-data.svelte';
import type { SaveResult } from './save-result';

export type WoAction = 'release' | 'cancel' | 'close' | 'floor';

export type { IssueSource, StepRow } from './production-work-order-parts';

export class WorkOrderDetailModel {
	readonly data: ProductionData;
	readonly canWrite: boolean;
	/** An action stopped by an event stamped far ahead; an admin may confirm it. */
	readonly far: FarStampGate;
	/** Drafts of the progress form, per routing step id ('' = the whole order). */
	progress = $state<Record<string, { good: string; scrap: string }>>({});
	progressErrors = $state<Record<string, string>>({});
	/** Drafts of the issue form, per material item id. */
	issue = $state<Record<string, string>>({});
	/** Where each material is issued from, per item id: '' = bins and lots chosen FEFO/FIFO. */
	issueFrom = $state<Record<string, string>>({});
	issueError = $state<string | null>(null);
	complete = $state({ good: '', lot: '', backflush: true, locationId: '' });
	completeError = $state<string | null>(null);

	readonly w = $derived.by(() => this.data.workOrder(this.id()));

	/** Bins of the order's warehouse the finished goods may go into. */
	readonly bins = $derived.by(() => {
		const w = this.w;
		if (!w) return [];
		return this.data.ws.locations
			.filter((l) => l.warehouseId === w.order.warehouseId && l.active)
			.sort((a, b) => a.code.localeCompare(b.code));
	});

	readonly materials: MaterialNeed[] = $derived.by(() => {
		const w = this.w;
		if (!w) return [];
		return this.data.needs.get(w.order.id) ?? materialNeeds(w.order, w.fold, () => 0);
	});

	readonly shortages = $derived(this.materials.filter((m) => m.short > 0));

	/**
	 * Per material: the positions (bin × lot) of the order's warehouse holding it, outside
	 * quarantine, fullest first — what the floor may choose to issue from.
	 */
	readonly sources: Record<string, IssueSource[]> = $derived.by(() => {
		const w = this.w;
		const out: Record<string, IssueSource[]> = {};
		if (!w) return out;
		const needed = this.materials.map((m) => m.itemId);
		const held = this.data.ws.heldLocations;
		for (const b of this.data.ws.balances) {
			if (!needed.includes(b.itemId) || b.warehouseId !== w.order.warehouseId) continue;
			if (b.qty <= 0 || held.has(b.locationId)) continue;
			const bin = b.locationId ? (this.data.ws.location(b.locationId)?.code ?? '?') : '';
			const place = [bin || t('production.noLocation'), b.lot].filter(Boolean).join(' · ');
			(out[b.itemId] ??= []).push({
				key: sourceKey(b.locationId, b.lot),
				label: t('production.sourceLabel', { place, qty: fmtNumber(b.qty) }),
				locationId: b.locationId,
				lot: b.lot,
				qty: b.qty
			});
		}
		for (const list of Object.values(out)) list.sort((a, b) => b.qty - a.qty);
		return out;
	});

	readonly steps: StepRow[] = $derived.by(() => {
		const w = this.w;
		if (!w) return [];
		const progressOf = (id: string) => w.fold.progress.get(id) ?? { good: 0, scrap: 0 };
		if (w.order.steps.length === 0)
			return [{ id: '', name: t('production.wholeOrder'), workCenter: '', ...progressOf('') }];
		return [...w.order.steps]
			.sort((a, b) => a.seq - b.seq)
			.map((s) => ({
				id: s.id,
				name: s.name || `${s.seq}`,
				workCenter: this.data.workCenterLabel(s.workCenterId),
				...progressOf(s.id)
			}));
	});

	/** Events in the order they were folded, conflicts marked. */
	readonly history = $derived.by(() => {
		const w = this.w;
		if (!w) return [];
		const overruled = w.fold.conflicts.map((c) => c.event.id);
		return [...w.order.events]
			.sort(compareWoEvents)
			.map((e) => ({ event: e, overruled: overruled.includes(e.id) }));
	});

	constructor(
		ws: WorkspaceState,
		private readonly id: () => string
	) {
		this.data = new ProductionData(ws);
		this.far = new FarStampGate(ws, id);
		this.canWrite =
			ws.canWrite('orders') && ws.canWrite('ledger') && ['admin', 'production'].includes(ws.role);
	}

	can(action: WoAction): boolean {
		const s = this.w?.fold.status;
		if (!this.canWrite || !s) return false;
		switch (action) {
			case 'release':
				return s === 'planned';
			case 'cancel':
				return s === 'planned' || s === 'released';
			case 'close':
				return s === 'completed';
			case 'floor':
				return s === 'released' || s === 'in-progress';
		}
	}

	/** The good quantity completion proposes: the last step's good units, else the order qty. */
	readonly proposedGood = $derived.by(() => {
		const w = this.w;
		if (!w) return 0;
		const reported = goodOutput(w.order, w.fold);
		return reported > 0 ? reported : w.order.qty;
	});

	private number(): string {
		return this.w?.order.number ?? '';
	}

	private result(r: { ok: true } | { ok: false; error: unknown }, message: string): SaveResult {
		if (r.ok) return { ok: true, message };
		// An admin stopped by a far-ahead event gets the confirm step instead (FarEventNotice).
		return { ok: false, message: this.far.stopped?.mayConfirm ? null : errorMessage(r.error) };
	}

	release(): SaveResult {
		const r = this.far.run(
			(ctx) => releaseWorkOrder(ctx, this.id()),
			() => this.release()
		);
		return this.result(r, t('production.released', { number: this.number() }));
	}

	cancel(): SaveResult {
		const r = this.far.run(
			(ctx) => cancelWorkOrder(ctx, this.id()),
			() => this.cancel()
		);
		return this.result(r, t('production.cancelled', { number: this.number() }));
	}

	close(): SaveResult {
		const r = this.far.run(
			(ctx) => closeWorkOrder(ctx, this.id()),
			() => this.close()
		);
		return this.result(r, t('production.closed', { number: this.number() }));
	}

	progressText(stepId: string, field: 'good' | 'scrap'): string {
		return this.progress[stepId]?.[field] ?? '';
	}

	setProgress(stepId: string, field: 'good' | 'scrap', text: string): void {
		const draft = this.progress[stepId] ?? { good: '', scrap: '' };
		this.progress = { ...this.progress, [stepId]: { ...draft, [field]: text } };
	}

	report(stepId: string): SaveResult {
		const good = qtyOf(this.progressText(stepId, 'good'));
		const scrap = qtyOf(this.progressText(stepId, 'scrap'));
		const errors = { ...this.progressErrors };
		delete errors[stepId];
		if (good === 'bad' || scrap === 'bad' || (good ?? 0) + (scrap ?? 0) <= 0) {
			this.progressErrors = { ...errors, [stepId]: t('production.enterGoodOrScrap') };
			return { ok: false, message: null };
		}
		this.progressErrors = errors;
		const input = { stepId, good: good ?? 0, scrap: scrap ?? 0 };
		const r = this.far.run(
			(ctx) => reportProgress(ctx, this.id(), input),
			() => this.report(stepId)
		);
		if (r.ok) this.progress = { ...this.progress, [stepId]: { good: '', scrap: '' } };
		const step = this.steps.find((s) => s.id === stepId)?.name ?? '';
		return this.result(
			r,
			t('production.reported', { step, good: fmtNumber(input.good), scrap: fmtNumber(input.scrap) })
		);
	}

	issueMaterial(): SaveResult {
		const lines: IssueLine[] = [];
		for (const m of this.materials) {
			const q = qtyOf(this.issue[m.itemId] ?? '');
			if (q === 'bad') {
				this.issueError = t('production.qtyInvalid');
				return { ok: false, message: null };
			}
			if (q === null || q <= 0) continue;
			const chosen = this.issueFrom[m.itemId]
				? this.sources[m.itemId]?.find((x) => x.key === this.issueFrom[m.itemId])
				: undefined;
			if (chosen && q > chosen.qty) {
				this.issueError = t('production.sourceShort', {
					item: this.data.itemLabel(m.itemId),
					qty: fmtNumber(chosen.qty)
				});
				return { ok: false, message: null };
			}
			lines.push({
				itemId: m.itemId,
				qty: q,
				...(chosen ? { from: { locationId: chosen.locationId, lot: chosen.lot } } : {})
			});
		}
		if (lines.length === 0) {
			this.issueError = t('production.nothingToIssue');
			return { ok: false, message: null };
		}
		this.issueError = null;
		const r = this.far.run(
			(ctx) => issueMaterials(ctx, this.id(), lines),
			() => this.issueMaterial()
		);
		if (r.ok) {
			this.issue = {};
			this.issueFrom = {};
		}
		return this.result(r, t('production.materialIssued', { count: lines.length }));
	}

	completeOrder(): SaveResult {
		const typed = qtyOf(this.complete.good);
		const good = typed === null ? this.proposedGood : typed;
		if (good === 'bad' || !(good > 0)) {
			this.completeError = t('production.qtyInvalid');
			return { ok: false, message: null };
		}
		this.completeError = null;
		const input = {
			good,
			backflush: this.complete.backflush,
			...(this.complete.locationId ? { locationId: this.complete.locationId } : {}),
			...(this.complete.lot.trim() ? { lot: this.complete.lot.trim() } : {})
		};
		const r = this.far.run(
			(ctx) => completeWorkOrder(ctx, this.id(), input),
			() => this.completeOrder()
		);
		return this.result(r, t('production.completed', { qty: fmtNumber(good) }));
	}

	/** An admin repeats the action stopped by a far-ahead event (the page announces it). */
	confirmFarStamp(): SaveResult | undefined {
		return this.far.confirm<SaveResult>();
	}

	destroy(): void {
		this.data.close();
	}
}

// View model of the work centres page (工作中心): lines, cells or machine groups that routing
// steps run on, with their weekly capacity in hours and their hourly rate (labour and overhead,
// what a completion's conversion cost is made of); add or edit one through saveWorkCenter.

import { saveWorkCenter } from '../../commands/production/boms';
import { normalizeCode } from '../../domain/catalog/entities';
import { formatCents, parseMoneyToCents } from '../../domain/money/money';
import { quantityOrNull } from '../../domain/quantity/quantity';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { canEditBoms } from './production-boms.svelte';
import { ProductionData } from './production-data.svelte';
import type { SaveResult } from './save-result';

const EMPTY = { id: '', code: '', name: '', hours: '', rate: '', active: true };

/** The hourly rate typed (blank = 0), or null when it is not an amount. */
function rateOf(text: string): number | null {
	return text.trim() === '' ? 0 : parseMoneyToCents(text);
}

export class WorkCentersPageModel {
	readonly data: ProductionData;
	readonly canEdit: boolean;
	draft = $state({ ...EMPTY });
	tried = $state(false);

	readonly centers = $derived.by(() =>
		[...this.data.view.workCenters].sort((a, b) => a.code.localeCompare(b.code))
	);

	readonly errors = $derived.by(() => {
		const e: { code?: string; name?: string; hours?: string; rate?: string } = {};
		if (!this.draft.code.trim()) e.code = t('validation.required');
		else if (
			this.centers.some(
				(c) => c.id !== this.draft.id && normalizeCode(c.code) === normalizeCode(this.draft.code)
			)
		)
			e.code = t('workCenter.codeTaken', { code: this.draft.code.trim() });
		if (!this.draft.name.trim()) e.name = t('validation.required');
		const h = quantityOrNull(this.draft.hours);
		if (h === null || h > 168 * 50) e.hours = t('workCenter.hoursInvalid');
		const rate = rateOf(this.draft.rate);
		if (rate === null || rate > 100_000_000) e.rate = t('workCenter.rateInvalid');
		return e;
	});

	constructor(ws: WorkspaceState) {
		this.data = new ProductionData(ws);
		this.canEdit = canEditBoms(ws);
	}

	edit(id: string): void {
		const c = this.centers.find((w) => w.id === id);
		if (!c) return;
		this.draft = {
			id: c.id,
			code: c.code,
			name: c.name,
			hours: String(c.capacityHoursPerWeek),
			rate: c.costPerHourCents > 0 ? formatCents(c.costPerHourCents) : '',
			active: c.active
		};
		this.tried = false;
	}

	reset(): void {
		this.draft = { ...EMPTY };
		this.tried = false;
	}

	save(): SaveResult {
		this.tried = true;
		const hours = quantityOrNull(this.draft.hours);
		const rate = rateOf(this.draft.rate);
		if (Object.keys(this.errors).length > 0 || hours === null || rate === null)
			return { ok: false, message: null };
		const d = this.draft;
		const r = this.data.ws.run((ctx) =>
			saveWorkCenter(ctx, {
				...(d.id ? { id: d.id } : {}),
				code: d.code.trim(),
				name: d.name.trim(),
				capacityHoursPerWeek: hours,
				costPerHourCents: rate,
				active: d.active
			})
		);
		if (!r.ok) return { ok: false, message: errorMessage(r.error) };
		this.reset();
		return { ok: true, message: t('workCenter.saved', { code: r.value.code }) };
	}

	close(): void {
		this.data.close();
	}
}

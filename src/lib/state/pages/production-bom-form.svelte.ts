// View model of the BOM form (new, edit, or a new version copied from one): the parent item,
// version and effective dates, component lines (qty per unit, scrap %) and routing steps. Input
// is parsed with the domain's quantity and percent parsers; a cycle found on save is shown in
// words with item codes (A → B → A), not as a toast of ids.

import { saveBom } from '../../commands/production/boms';
import { readBoms } from '../../doc/production-doc';
import { normalizeCode, type Item } from '../../domain/catalog/entities';
import { BomCycleError, type Bom } from '../../domain/production/bom';
import { percentOrNull } from '../../domain/quantity/percent';
import { quantityOrNull } from '../../domain/quantity/quantity';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { canEditBoms } from './production-boms.svelte';
import { ProductionData } from './production-data.svelte';
import type { SaveResult } from './save-result';

export type BomFormMode = { kind: 'new'; itemId?: string } | { kind: 'edit' | 'copy'; id: string };

interface LineDraft {
	key: string;
	id: string;
	childId: string;
	qtyPer: string;
	scrapPct: string;
}

interface StepDraft {
	key: string;
	id: string;
	name: string;
	workCenterId: string;
	minutesPerUnit: string;
}

interface LineErrors {
	childId?: string;
	qtyPer?: string;
	scrapPct?: string;
}

/** The next version label: A → B, 3 → 4, anything else gets "-2". */
export function nextVersion(taken: readonly string[]): string {
	const last = [...taken].sort().at(-1) ?? '';
	let next = '1';
	if (/^[A-Y]$/.test(last)) next = String.fromCharCode(last.charCodeAt(0) + 1);
	else if (/^\d+$/.test(last)) next = String(Number(last) + 1);
	else if (last) next = `${last}-2`;
	return taken.includes(next) ? `${next}-${taken.length + 1}` : next;
}

export class BomFormModel {
	readonly data: ProductionData;
	readonly canEdit: boolean;
	editingId = $state<string | null>(null);
	private seq = 0;
	draft = $state({
		itemId: '',
		version: '',
		effectiveFrom: '',
		effectiveTo: '',
		note: '',
		active: true,
		lines: [] as LineDraft[],
		steps: [] as StepDraft[]
	});
	tried = $state(false);
	/** The cycle a save ran into, as item labels (first = last). */
	cycle = $state<string[] | null>(null);
	found = $state(true);

	readonly items = $derived.by(() =>
		this.data.ws.items
			.filter((i) => i.active || i.id === this.draft.itemId)
			.sort((a, b) => a.code.localeCompare(b.code))
	);

	/** Item search for the made item and component pickers (code, name, barcode). */
	search = (text: string): Item[] =>
		this.data.ws
			.searchItems(text, 40)
			.filter((i) => i.active)
			.slice(0, 20);

	/** Exact code or barcode, for typing a code (or scanning) and pressing Enter. */
	findExact = (text: string): Item | undefined => {
		const code = normalizeCode(text);
		return this.data.ws.items.find(
			(i) => normalizeCode(i.code) === code || (i.barcode !== '' && i.barcode === text.trim())
		);
	};

	/** The item a picker shows for an id ('' = none). */
	pickerItem(id: string): Item | null {
		return (id && this.data.ws.item(id)) || null;
	}

	readonly workCenters = $derived.by(() =>
		this.data.view.workCenters.filter((c) => c.active !== false)
	);

	readonly errors = $derived.by(() => {
		const d = this.draft;
		const e: {
			itemId?: string;
			version?: string;
			effectiveTo?: string;
			lines?: string;
			line: Record<string, LineErrors>;
			step: Record<string, string>;
		} = { line: {}, step: {} };
		if (!d.itemId) e.itemId = t('validation.required');
		if (!d.version.trim()) e.version = t('validation.required');
		else if (
			this.data.view.boms.some(
				(b) => b.itemId === d.itemId && b.version === d.version.trim() && b.id !== this.editingId
			)
		)
			e.version = t('bom.versionTaken', { version: d.version.trim() });
		if (d.effectiveFrom && d.effectiveTo && d.effectiveTo <= d.effectiveFrom)
			e.effectiveTo = t('bom.toAfterFrom');
		if (d.lines.length === 0) e.lines = t('bom.lineRequired');
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to the derived, never kept
		const seen = new Set<string>();
		for (const l of d.lines) {
			const le: LineErrors = {};
			if (!l.childId) le.childId = t('validation.required');
			else if (l.childId === d.itemId) le.childId = t('bom.selfComponent');
			else if (seen.has(l.childId)) le.childId = t('bom.duplicateComponent');
			seen.add(l.childId);
			const q = quantityOrNull(l.qtyPer);
			if (q === null || q <= 0) le.qtyPer = t('bom.qtyInvalid');
			if (l.scrapPct.trim() !== '' && percentOrNull(l.scrapPct) === null)
				le.scrapPct = t('bom.scrapInvalid');
			if (Object.keys(le).length > 0) e.line[l.key] = le;
		}
		for (const s of d.steps) {
			if (!s.workCenterId) e.step[s.key] = t('validation.required');
			else if (quantityOrNull(s.minutesPerUnit) === null) e.step[s.key] = t('bom.minutesInvalid');
		}
		return e;
	});

	readonly valid = $derived(
		!this.errors.itemId &&
			!this.errors.version &&
			!this.errors.effectiveTo &&
			!this.errors.lines &&
			Object.keys(this.errors.line).length === 0 &&
			Object.keys(this.errors.step).length === 0
	);

	constructor(ws: WorkspaceState, mode: BomFormMode) {
		this.data = new ProductionData(ws);
		this.canEdit = canEditBoms(ws);
		if (mode.kind === 'new') {
			this.draft.itemId = mode.itemId ?? '';
			this.draft.version = '1';
			this.addLine();
			return;
		}
		// The catalog may still be loading from this device's storage on a direct visit.
		const open = (): boolean => {
			const source = readBoms(ws.runtime.docs.catalog).find((b) => b.id === mode.id);
			if (!source) return false;
			this.editingId = mode.kind === 'edit' ? source.id : null;
			this.load(source, mode.kind === 'copy');
			this.found = true;
			return true;
		};
		if (!open()) {
			this.found = false;
			void ws.runtime.ready.then(open);
		}
	}

	private key(): string {
		return `k${++this.seq}`;
	}

	private load(bom: Bom, copy: boolean): void {
		const taken = this.data.view.boms.filter((b) => b.itemId === bom.itemId).map((b) => b.version);
		this.draft = {
			itemId: bom.itemId,
			version: copy ? nextVersion(taken) : bom.version,
			effectiveFrom: copy ? this.data.today : bom.effectiveFrom,
			effectiveTo: copy ? '' : bom.effectiveTo,
			note: bom.note,
			active: bom.active,
			lines: bom.lines.map((l) => ({
				key: this.key(),
				id: copy ? '' : l.id,
				childId: l.childId,
				qtyPer: String(l.qtyPer),
				scrapPct: l.scrapPct ? String(l.scrapPct) : ''
			})),
			steps: bom.steps.map((s) => ({
				key: this.key(),
				id: copy ? '' : s.id,
				name: s.name,
				workCenterId: s.workCenterId,
				minutesPerUnit: String(s.minutesPerUnit)
			}))
		};
	}

	addLine(): void {
		this.draft.lines.push({ key: this.key(), id: '', childId: '', qtyPer: '', scrapPct: '' });
	}

	removeLine(key: string): void {
		this.draft.lines = this.draft.lines.filter((l) => l.key !== key);
	}

	addStep(): void {
		this.draft.steps.push({
			key: this.key(),
			id: '',
			name: '',
			workCenterId: this.workCenters[0]?.id ?? '',
			minutesPerUnit: ''
		});
	}

	removeStep(key: string): void {
		this.draft.steps = this.draft.steps.filter((s) => s.key !== key);
	}

	lineError(key: string): LineErrors {
		return this.tried ? (this.errors.line[key] ?? {}) : {};
	}

	/** Saves the version; its id comes back so the page can open it. */
	save(): SaveResult & { id?: string } {
		this.tried = true;
		this.cycle = null;
		if (!this.valid) return { ok: false, message: null };
		const d = this.draft;
		const input = {
			...(this.editingId ? { id: this.editingId } : {}),
			itemId: d.itemId,
			version: d.version.trim(),
			effectiveFrom: d.effectiveFrom,
			effectiveTo: d.effectiveTo,
			note: d.note.trim(),
			active: d.active,
			lines: d.lines.map((l) => ({
				...(l.id ? { id: l.id } : {}),
				childId: l.childId,
				qtyPer: quantityOrNull(l.qtyPer) ?? 0,
				scrapPct: percentOrNull(l.scrapPct) ?? 0
			})),
			steps: d.steps.map((s, i) => ({
				...(s.id ? { id: s.id } : {}),
				seq: (i + 1) * 10,
				name: s.name.trim(),
				workCenterId: s.workCenterId,
				minutesPerUnit: quantityOrNull(s.minutesPerUnit) ?? 0
			}))
		};
		const r = this.data.ws.run((ctx) => saveBom(ctx, input));
		if (!r.ok) {
			if (r.error instanceof BomCycleError) {
				this.cycle = r.error.cycle.map((id) => this.data.itemLabel(id));
				return { ok: false, message: null };
			}
			return { ok: false, message: errorMessage(r.error) };
		}
		const code = this.data.ws.item(r.value.itemId)?.code ?? '';
		return {
			ok: true,
			message: t('bom.saved', { code, version: r.value.version }),
			id: r.value.id
		};
	}

	close(): void {
		this.data.close();
	}
}

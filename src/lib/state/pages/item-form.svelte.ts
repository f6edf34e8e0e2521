// View model of the item side panel: the draft being edited, its inline validation (code
// format and a live unique-code check, required fields once touched) and the save command.
import type { Item } from '../../domain/catalog/entities';
import { findByCode } from '../../domain/catalog/duplicates';
import { createItem, updateItem } from '../../commands/catalog';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { codeError } from './code-field';
import type { SaveResult } from './save-result';

export interface ItemDraft {
	code: string;
	name: string;
	unit: string;
	category: string;
	safetyStock: number | null;
	reorderPoint: number | null;
	maxStock: number | null;
	shelfLifeDays: number | null;
	barcode: string;
	standardCostCents: number;
	salePriceCents: number;
	lotTracked: boolean;
	/** Pick lists suggest the oldest receipt (fifo) or the earliest expiry (fefo) first. */
	pickPolicy: 'fifo' | 'fefo';
	active: boolean;
}

export type ItemField =
	| 'code'
	| 'name'
	| 'unit'
	| 'safetyStock'
	| 'reorderPoint'
	| 'maxStock'
	| 'shelfLifeDays'
	| 'standardCost'
	| 'salePrice';

export function emptyItemDraft(): ItemDraft {
	return {
		code: '',
		name: '',
		unit: '',
		category: '',
		safetyStock: 0,
		reorderPoint: 0,
		maxStock: 0,
		shelfLifeDays: 0,
		barcode: '',
		standardCostCents: 0,
		salePriceCents: 0,
		lotTracked: false,
		pickPolicy: 'fifo',
		active: true
	};
}

function nonNegative(v: number | null, integer = false): string | undefined {
	if (v === null) return undefined;
	if (v < 0) return t('validation.nonNegative');
	if (integer && !Number.isInteger(v)) return t('validation.integer');
	return undefined;
}

export class ItemFormModel {
	draft = $state<ItemDraft>(emptyItemDraft());
	/** The item being edited; null for a new one. */
	editing = $state<Item | null>(null);
	costInvalid = $state(false);
	priceInvalid = $state(false);
	/** Refusals of the save command, by field (a code taken on another device meanwhile). */
	serverErrors = $state<Partial<Record<string, string>>>({});
	/** "Required" shows only once the user left the field (or tried to save). */
	touched = $state<Partial<Record<ItemField, boolean>>>({});

	/** Standard cost is admin, purchasing and finance's (the relay refuses anyone else's). */
	readonly canEditCost: boolean;
	/** The selling price is admin and sales's (field-rights.ts). */
	readonly canEditPrice: boolean;

	constructor(private readonly ws: WorkspaceState) {
		this.canEditCost = ws.canWriteField('item', 'standardCostCents');
		this.canEditPrice = ws.canWriteField('item', 'salePriceCents');
	}

	/** Another item already using the typed code (case-insensitive). */
	readonly taken = $derived.by(() =>
		this.draft.code.trim() === ''
			? undefined
			: findByCode(this.ws.items, this.draft.code, this.editing?.id)
	);

	readonly errors = $derived.by(() => {
		const e: Partial<Record<ItemField, string>> = {};
		const draft = this.draft;
		const code = codeError(draft.code);
		if (code) e.code = code;
		else if (this.taken)
			e.code = t('items.codeTaken', { code: this.taken.code, name: this.taken.name });
		if (draft.name.trim() === '') e.name = t('validation.required');
		if (draft.unit.trim() === '') e.unit = t('validation.required');
		for (const f of ['safetyStock', 'reorderPoint', 'maxStock'] as const) {
			const msg = nonNegative(draft[f]);
			if (msg) e[f] = msg;
		}
		const shelf = nonNegative(draft.shelfLifeDays, true);
		if (shelf) e.shelfLifeDays = shelf;
		if (this.costInvalid) e.standardCost = t('validation.money');
		if (this.priceInvalid) e.salePrice = t('validation.money');
		return e;
	});

	/** The typed code is well formed and free. */
	readonly codeAvailable = $derived(this.draft.code.trim() !== '' && !this.errors.code);

	/** The error to show under a field now. */
	shown(field: ItemField): string | undefined {
		const msg = this.serverErrors[field] ?? this.errors[field];
		if (!msg) return undefined;
		if (msg === t('validation.required') && !this.touched[field]) return undefined;
		return msg;
	}

	touch(field: ItemField): void {
		this.touched[field] = true;
	}

	open(item: Item | null): void {
		this.editing = item;
		this.draft = item ? { ...item } : emptyItemDraft();
		this.costInvalid = false;
		this.priceInvalid = false;
		this.serverErrors = {};
		this.touched = {};
	}

	save(): SaveResult {
		this.touched = { code: true, name: true, unit: true };
		this.serverErrors = {};
		if (Object.keys(this.errors).length > 0) return { ok: false, message: null };
		const draft = this.draft;
		const input = {
			code: draft.code.trim(),
			name: draft.name.trim(),
			unit: draft.unit.trim(),
			category: draft.category.trim(),
			safetyStock: draft.safetyStock ?? 0,
			reorderPoint: draft.reorderPoint ?? 0,
			maxStock: draft.maxStock ?? 0,
			shelfLifeDays: draft.shelfLifeDays ?? 0,
			barcode: draft.barcode.trim(),
			// Without the right the cost is not sent: a new item gets the default, an edit keeps it.
			...(this.canEditCost ? { standardCostCents: draft.standardCostCents } : {}),
			...(this.canEditPrice ? { salePriceCents: draft.salePriceCents } : {}),
			lotTracked: draft.lotTracked,
			pickPolicy: draft.pickPolicy,
			active: draft.active
		};
		const target = this.editing;
		const result = this.ws.run((ctx) =>
			target ? updateItem(ctx, target.id, input) : createItem(ctx, input)
		);
		if (result.ok) {
			const key = target ? 'items.updated' : 'items.created';
			return { ok: true, message: t(key, { code: result.value.code }) };
		}
		const err = result.error;
		if (err.code === 'duplicate-sku-code') this.serverErrors = { code: errorMessage(err) };
		else if (err.code === 'invalid-field' && typeof err.params.field === 'string')
			this.serverErrors = { [err.params.field]: errorMessage(err) };
		else return { ok: false, message: errorMessage(err) };
		return { ok: false, message: null };
	}
}

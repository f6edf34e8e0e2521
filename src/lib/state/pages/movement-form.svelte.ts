// View model of the movement entry page: one form for receipt / issue / transfer /
// adjustment. It validates what the user typed (translated messages per field), shows the
// on-hand at the chosen position, and runs the matching command through the workspace. What it
// says (field problems, the confirmation) is in movement-form-texts.ts.
import type { Role } from '../../domain/auth/roles';
import type { Item, Location, Warehouse } from '../../domain/catalog/entities';
import { normalizeCode } from '../../domain/catalog/entities';
import { compareLocationCodes } from '../../domain/picking/walk-order';
import { resolveScan } from '../../domain/scanning/resolve';
import { onHandOf } from '../../domain/ledger/fold';
import { unitDecimals } from '../../domain/quantity/unit-precision';
import type { StockflowError } from '../../domain/errors';
import {
	recordAdjustment,
	recordIssue,
	recordReceipt,
	recordTransfer
} from '../../commands/movements';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { movementFieldErrors, movementSuccessText } from './movement-form-texts';

export const MOVEMENT_TYPES = ['receipt', 'issue', 'transfer', 'adjustment'] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

export function isMovementType(v: unknown): v is MovementType {
	return typeof v === 'string' && (MOVEMENT_TYPES as readonly string[]).includes(v);
}

export type SubmitResult =
	{ ok: true; message: string } | { ok: false; error: StockflowError | null };

/** What a keyboard-wedge scan did: chose the item, set a bin, or matched nothing. */
export type ScanOutcome =
	{ kind: 'item' } | { kind: 'location' } | { kind: 'unknown'; message: string };

export class MovementForm {
	type = $state<MovementType>('receipt');
	item = $state<Item | null>(null);
	warehouseId = $state('');
	locationId = $state('');
	toWarehouseId = $state('');
	toLocationId = $state('');
	lot = $state('');
	expiry = $state('');
	qty = $state<number | null>(null);
	unitCostCents = $state(0);
	costInvalid = $state(false);
	/** The user confirmed a unit cost of 0 (free goods): the receipt may then be posted. */
	zeroCostConfirmed = $state(false);
	/** QtyInput says the typed quantity is finer than the unit allows (2.5 boxes). */
	qtyTooPrecise = $state(false);
	note = $state('');
	ref = $state('');
	/** Errors appear after the first submit attempt, then follow the input live. */
	attempted = $state(false);

	constructor(private readonly ws: WorkspaceState) {}

	/** Decimal places the chosen item's unit allows (QtyInput's `decimals`). */
	readonly qtyDecimals: number | undefined = $derived(
		this.item ? unitDecimals(this.item.unit) : undefined
	);

	readonly errors = $derived.by(() => movementFieldErrors(this));

	readonly valid = $derived(Object.keys(this.errors).length === 0);

	/** On hand where the movement happens (source for transfers), lot-specific when given. */
	readonly onHandHere = $derived.by(() => {
		if (!this.item || !this.warehouseId) return null;
		return onHandOf(this.ws.balances, {
			itemId: this.item.id,
			warehouseId: this.warehouseId,
			locationId: this.locationId || undefined,
			lot: this.item.lotTracked && this.lot.trim() ? this.lot.trim() : undefined
		});
	});

	readonly onHandTo = $derived.by(() => {
		if (!this.item || !this.toWarehouseId) return null;
		return onHandOf(this.ws.balances, {
			itemId: this.item.id,
			warehouseId: this.toWarehouseId,
			locationId: this.toLocationId || undefined
		});
	});

	get canWrite(): boolean {
		return this.ws.canWrite('ledger');
	}

	get role(): Role {
		return this.ws.role;
	}

	readonly noItems = $derived.by(() => this.ws.items.length === 0);

	/** Active warehouses by code: where a movement can happen. */
	readonly warehouses: Warehouse[] = $derived.by(() =>
		this.ws.warehouses.filter((w) => w.active).sort((a, b) => a.code.localeCompare(b.code))
	);

	/** Active locations of the chosen (source) warehouse. */
	readonly locations: Location[] = $derived.by(() => this.activeLocations(this.warehouseId));
	/** Active locations of a transfer's destination warehouse. */
	readonly toLocations: Location[] = $derived.by(() => this.activeLocations(this.toWarehouseId));

	/** Sorted by code, as the count sheet lists them (A-2 before A-10). */
	private activeLocations(warehouseId: string): Location[] {
		if (!warehouseId) return [];
		return this.ws
			.locationsOf(warehouseId)
			.filter((l) => l.active)
			.sort((a, b) => compareLocationCodes(a.code, b.code));
	}

	/** One warehouse: choose it, so the common case is item → qty → Enter. */
	chooseOnlyWarehouse(): void {
		const only = this.warehouses.length === 1 ? this.warehouses[0] : undefined;
		if (!this.warehouseId && only) this.warehouseId = only.id;
	}

	/** Active items matching typed text, for the item picker. */
	searchItems(text: string): Item[] {
		return this.ws.searchItems(text, 20).filter((i) => i.active);
	}

	/** The picker chose an item (by id: the picker holds a copy). */
	pickItem(id: string): void {
		this.selectItem(this.ws.item(id) ?? null);
	}

	/**
	 * A keyboard-wedge scan anywhere on the form (issue 6): an item code selects the item (and
	 * its lot, from a lot label), a bin code sets the bin — the destination once a transfer has
	 * its source bin.
	 */
	applyScan(code: string): ScanOutcome {
		const meaning = resolveScan(code, { items: this.ws.items, locations: this.ws.locations });
		switch (meaning.kind) {
			case 'item':
				this.pickItem(meaning.item.id);
				if (meaning.lot && meaning.item.lotTracked) this.lot = meaning.lot;
				return { kind: 'item' };
			case 'location': {
				const { location } = meaning;
				if (this.type === 'transfer' && this.locationId && this.locationId !== location.id) {
					this.toWarehouseId = location.warehouseId;
					this.toLocationId = location.id;
				} else {
					this.warehouseId = location.warehouseId;
					this.locationId = location.id;
				}
				return { kind: 'location' };
			}
			case 'unknown':
				return { kind: 'unknown', message: t('movement.notFound', { text: meaning.code }) };
		}
	}

	/** The translated message of a refused submit. */
	errorText(error: StockflowError): string {
		return errorMessage(error, this.item ? { itemId: this.item.code } : {});
	}

	selectItem(item: Item | null): void {
		this.item = item;
		if (item && this.type === 'receipt') this.unitCostCents = item.standardCostCents;
	}

	/** Exact code or barcode match, for scanners that type the code and press Enter. */
	findExact(text: string): Item | undefined {
		const code = normalizeCode(text);
		return this.ws.items.find(
			(i) =>
				i.active &&
				(normalizeCode(i.code) === code || (i.barcode !== '' && i.barcode === text.trim()))
		);
	}

	submit(): SubmitResult {
		this.attempted = true;
		const item = this.item;
		const qty = this.qty;
		if (!this.valid || !item || qty === null) return { ok: false, error: null };
		const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
		const lot = item.lotTracked ? opt(this.lot) : undefined;
		const base = { itemId: item.id, unit: item.unit, lot };
		const here = { warehouseId: this.warehouseId, locationId: opt(this.locationId) };
		const type = this.type;
		const before = onHandOf(this.ws.balances, {
			itemId: item.id,
			warehouseId: here.warehouseId,
			locationId: here.locationId
		});
		const beforeTo = onHandOf(this.ws.balances, {
			itemId: item.id,
			warehouseId: this.toWarehouseId,
			locationId: opt(this.toLocationId)
		});
		const result = this.ws.run((ctx) => {
			switch (type) {
				case 'receipt':
					return recordReceipt(ctx, {
						...base,
						...here,
						qty,
						unitCostCents: this.unitCostCents,
						zeroCostConfirmed: this.zeroCostConfirmed,
						expiry: lot ? opt(this.expiry) : undefined,
						note: opt(this.note),
						ref: opt(this.ref)
					});
				case 'issue':
					return recordIssue(ctx, {
						...base,
						...here,
						qty,
						note: opt(this.note),
						ref: opt(this.ref)
					});
				case 'transfer':
					return recordTransfer(ctx, {
						...base,
						qty,
						from: here,
						to: { warehouseId: this.toWarehouseId, locationId: opt(this.toLocationId) },
						note: opt(this.note)
					});
				case 'adjustment':
					return recordAdjustment(ctx, { ...base, ...here, qtyDelta: qty, note: this.note.trim() });
			}
		});
		if (!result.ok) return { ok: false, error: result.error };
		const message = movementSuccessText(type, item, qty, before, beforeTo);
		this.reset();
		return { ok: true, message };
	}

	/** Keep the type and place (fast repeated entry); clear what is specific to one line. */
	reset(): void {
		this.item = null;
		this.qty = null;
		this.lot = '';
		this.expiry = '';
		this.note = '';
		this.ref = '';
		this.unitCostCents = 0;
		this.zeroCostConfirmed = false;
		this.qtyTooPrecise = false;
		this.attempted = false;
	}
}

// View model of the warehouses page: the warehouse list with the selected warehouse's
// locations, and the two side-panel forms (warehouse codes unique company-wide, location
// codes unique per warehouse, both checked as they are typed).
import type { Location, Warehouse } from '../../domain/catalog/entities';
import { findByCode } from '../../domain/catalog/duplicates';
import type { WarehouseStock } from '../../domain/ledger/summary';
import {
	createLocation,
	createWarehouse,
	updateLocation,
	updateWarehouse
} from '../../commands/catalog';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { codeError } from './code-field';
import type { SaveResult } from './save-result';
import { RecordHistoryModel } from './record-history.svelte';

const byCode = (a: { code: string }, b: { code: string }): number => a.code.localeCompare(b.code);

/** "Required" waits for a save attempt; a bad or taken code shows as it is typed. */
function shownError(msg: string | undefined, tried: boolean): string | undefined {
	return msg && (tried || msg !== t('validation.required')) ? msg : undefined;
}

export class WarehouseFormModel {
	open = $state(false);
	editing = $state<Warehouse | null>(null);
	draft = $state({ code: '', name: '', address: '', active: true });
	tried = $state(false);
	serverError = $state<string | null>(null);

	constructor(private readonly ws: WorkspaceState) {}

	readonly errors = $derived.by(() => {
		const e: { code?: string; name?: string } = {};
		const code = this.draft.code.trim();
		e.code = codeError(code);
		if (!e.code && findByCode(this.ws.warehouses, code, this.editing?.id))
			e.code = t('warehouses.codeTaken', { code });
		if (!this.draft.name.trim()) e.name = t('validation.required');
		return e;
	});

	readonly codeShown = $derived(this.serverError ?? shownError(this.errors.code, this.tried));
	readonly nameShown = $derived(shownError(this.errors.name, this.tried));

	start(w: Warehouse | null): void {
		this.editing = w;
		this.draft = w
			? { code: w.code, name: w.name, address: w.address, active: w.active }
			: { code: '', name: '', address: '', active: true };
		this.tried = false;
		this.serverError = null;
		this.open = true;
	}

	/** Saves and closes; the saved warehouse's id comes back so the page can select it. */
	save(): SaveResult & { id?: string } {
		this.tried = true;
		if (this.errors.code || this.errors.name) return { ok: false, message: null };
		const input = {
			code: this.draft.code.trim(),
			name: this.draft.name.trim(),
			address: this.draft.address.trim(),
			active: this.draft.active
		};
		const target = this.editing;
		const r = this.ws.run((ctx) =>
			target ? updateWarehouse(ctx, target.id, input) : createWarehouse(ctx, input)
		);
		if (r.ok) {
			this.open = false;
			const key = target ? 'warehouses.updated' : 'warehouses.created';
			return { ok: true, message: t(key, { code: r.value.code }), id: r.value.id };
		}
		if (r.error.code !== 'duplicate-warehouse-code')
			return { ok: false, message: errorMessage(r.error) };
		this.serverError = errorMessage(r.error);
		return { ok: false, message: null };
	}
}

export class LocationFormModel {
	open = $state(false);
	editing = $state<Location | null>(null);
	draft = $state({ code: '', name: '', active: true });
	tried = $state(false);
	serverError = $state<string | null>(null);

	/** `siblings`: the locations of the warehouse the form adds to. */
	constructor(
		private readonly ws: WorkspaceState,
		private readonly warehouse: () => Warehouse | null,
		private readonly siblings: () => readonly Location[]
	) {}

	readonly codeError = $derived.by(() => {
		const code = this.draft.code.trim();
		const problem = codeError(code);
		if (problem) return problem;
		if (findByCode(this.siblings(), code, this.editing?.id))
			return t('locations.codeTaken', { code });
		return undefined;
	});

	readonly codeShown = $derived(this.serverError ?? shownError(this.codeError, this.tried));

	start(l: Location | null): void {
		this.editing = l;
		this.draft = l
			? { code: l.code, name: l.name, active: l.active }
			: { code: '', name: '', active: true };
		this.tried = false;
		this.serverError = null;
		this.open = true;
	}

	save(): SaveResult {
		this.tried = true;
		const w = this.warehouse();
		if (!w || this.codeError) return { ok: false, message: null };
		const input = {
			code: this.draft.code.trim(),
			name: this.draft.name.trim(),
			active: this.draft.active
		};
		const target = this.editing;
		const r = this.ws.run((ctx) =>
			target
				? updateLocation(ctx, target.id, input)
				: createLocation(ctx, { ...input, warehouseId: w.id })
		);
		if (r.ok) {
			this.open = false;
			const key = target ? 'locations.updated' : 'locations.created';
			return { ok: true, message: t(key, { code: r.value.code }) };
		}
		if (r.error.code !== 'duplicate-location-code')
			return { ok: false, message: errorMessage(r.error) };
		this.serverError = errorMessage(r.error);
		return { ok: false, message: null };
	}
}

function summaryByWarehouse(
	summary: readonly WarehouseStock[]
): ReadonlyMap<string, WarehouseStock> {
	return new Map(summary.map((s) => [s.warehouseId, s]));
}

export class WarehousesPageModel {
	readonly canEdit: boolean;
	readonly warehouseForm: WarehouseFormModel;
	readonly locationForm: LocationFormModel;
	selectedId = $state<string | null>(null);
	/** The selected warehouse's history, with its locations' changes. */
	readonly history: RecordHistoryModel;

	constructor(private readonly ws: WorkspaceState) {
		this.canEdit = ws.canWrite('catalog') && ws.canWriteRecord('warehouse');
		this.history = new RecordHistoryModel(
			ws,
			'warehouse',
			() => this.selected?.id ?? null,
			() => this.locations.map((l) => ({ record: 'location' as const, id: l.id }))
		);
		this.warehouseForm = new WarehouseFormModel(ws);
		this.locationForm = new LocationFormModel(
			ws,
			() => this.selected,
			() => this.locations
		);
	}

	readonly warehouses: Warehouse[] = $derived.by(() => [...this.ws.warehouses].sort(byCode));

	readonly selected: Warehouse | null = $derived(
		this.warehouses.find((w) => w.id === this.selectedId) ?? this.warehouses[0] ?? null
	);

	readonly locations: Location[] = $derived.by(() =>
		this.selected ? this.ws.locationsOf(this.selected.id).sort(byCode) : []
	);

	private readonly summary = $derived.by(() => summaryByWarehouse(this.ws.warehouseSummary));

	summaryOf(warehouseId: string): WarehouseStock | undefined {
		return this.summary.get(warehouseId);
	}

	locationCount(warehouseId: string): number {
		return this.ws.locationsOf(warehouseId).length;
	}

	saveWarehouse(): SaveResult {
		const result = this.warehouseForm.save();
		if (result.ok && result.id) this.selectedId = result.id;
		return result;
	}

	close(): void {
		this.history.close();
	}
}

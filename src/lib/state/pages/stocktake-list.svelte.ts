// View model of the stocktakes list: the counts with their status and accuracy, accuracy over
// time, and the form that opens a new full or cycle count (optionally blind).

import type { Location, Warehouse } from '../../domain/catalog/entities';
import { compareLocationCodes } from '../../domain/picking/walk-order';
import type { CountKind } from '../../domain/stocktake/session';
import { pooledAccuracy, type Accuracy } from '../../domain/stocktake/variance';
import type { Table } from '../../domain/tabular/table';
import { errorMessage, fmtStamp, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { fmtAccuracy, StocktakeBook, type AccuracyPoint } from './stocktake.svelte';

export type OpenResult = { ok: true; id: string } | { ok: false };

export class StocktakeListPage {
	readonly book: StocktakeBook;
	readonly canCount: boolean;

	creating = $state(false);
	warehouseId = $state('');
	kind = $state<CountKind>('full');
	blind = $state(false);
	scope = $state<string[]>([]);
	error = $state<string | null>(null);

	readonly warehouses: Warehouse[] = $derived.by(() =>
		this.ws.warehouses.filter((w) => w.active).sort((a, b) => a.code.localeCompare(b.code))
	);
	/** Bins of the chosen warehouse, for a cycle count's scope. */
	readonly bins: Location[] = $derived.by(() =>
		this.warehouseId
			? this.ws
					.locationsOf(this.warehouseId)
					.filter((l) => l.active)
					.sort((a, b) => compareLocationCodes(a.code, b.code))
			: []
	);
	readonly sessions = $derived.by(() => this.book.sessions);
	readonly history: AccuracyPoint[] = $derived.by(() => this.book.history());
	readonly overall = $derived.by(() => pooledAccuracy(this.history.map((h) => h.accuracy)));
	private readonly accuracyBySession: Record<string, Accuracy> = $derived.by(() =>
		Object.fromEntries(this.history.map((h) => [h.session.id, h.accuracy]))
	);

	constructor(private readonly ws: WorkspaceState) {
		this.book = new StocktakeBook(ws);
		this.canCount = ws.canWrite('counts');
	}

	/** From an effect: default to the first warehouse once they load. */
	defaultWarehouse(): void {
		if (!this.warehouseId && this.warehouses[0]) this.warehouseId = this.warehouses[0].id;
	}

	warehouseName(id: string): string {
		const w = this.ws.warehouse(id);
		return w ? `${w.code} ${w.name}` : id;
	}

	/** The approved count's accuracy, as shown; a dash for counts not approved. */
	accuracyOf(sessionId: string): string {
		const acc = this.accuracyBySession[sessionId];
		return acc ? fmtAccuracy(acc.ratio) : t('common.none');
	}

	kindText(s: { kind: CountKind; blind: boolean }): string {
		return s.blind
			? `${t(`count.kind.${s.kind}`)} · ${t('count.blind')}`
			: t(`count.kind.${s.kind}`);
	}

	open(): OpenResult {
		this.error = null;
		const r = this.book.open({
			warehouseId: this.warehouseId,
			kind: this.kind,
			blind: this.blind,
			scopeLocationIds: this.kind === 'cycle' ? this.scope : []
		});
		if (!r.ok) {
			this.error = errorMessage(r.error);
			return { ok: false };
		}
		this.creating = false;
		return { ok: true, id: r.value.id };
	}

	/** Late movements stamped before a count line correct approved counts; from an effect. */
	reconcile(): void {
		this.book.reconcileApproved();
	}

	/** The list as it shows, for ExportButton. */
	exportTable(): Table {
		return {
			headers: [
				t('count.number'),
				t('movement.warehouse'),
				t('count.kind'),
				t('count.status'),
				t('count.lines'),
				t('count.accuracy'),
				t('count.openedAt')
			],
			rows: this.sessions.map((s) => [
				s.number,
				this.warehouseName(s.warehouseId),
				this.kindText(s),
				t(`count.status.${s.status}`),
				s.lines.length,
				this.accuracyOf(s.id),
				fmtStamp(s.openedAt)
			])
		};
	}
}

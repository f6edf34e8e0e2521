// View model of picking one sales order in the warehouse: the pick sheet (every line's bins and
// lots by the item's FEFO / FIFO policy, one walk in bin order), frozen when the page opens so
// a confirmed row never reshuffles the others; picking by scan (bin, then item or lot label)
// or by tapping a row; then shipping exactly what was picked. Also feeds the printable list.
// Marking the order started and shipping go through the far-stamp gate (FarStampGate): after an
// event stamped far ahead an admin confirms; anyone else is told an administrator must.

import { untrack } from 'svelte';
import type { Board, BoardOrder } from '../../domain/orders/board';
import type { StockflowError } from '../../domain/errors';
import { canAppendEvent } from '../../domain/auth/field-rights';
import {
	applyScan,
	isRowDone,
	NO_PROGRESS,
	pickRow,
	pickSheet,
	shipmentOf,
	type ScanProgress,
	type SheetRow,
	type SheetScan
} from '../../domain/picking/pick-sheet';
import { decodeSavedSheet, encodeSavedSheet } from '../../domain/picking/saved-sheet';
import { quantityOrNull } from '../../domain/quantity/quantity';
import { browserKeyValueStore } from '../../storage/kv';
import { resolveScan } from '../../domain/scanning/resolve';
import { pickListFor, shipOrder } from '../../commands/orders/shipping';
import { startPicking } from '../../commands/orders/transitions';
import { errorMessage, fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { CustomersModel } from './customers.svelte';
import { FarStampGate } from './far-stamp-gate.svelte';
import { localToday } from './orders-board-helpers';
import { foldBoard, shippableOf } from './pick-queue.svelte';
import { scanMessage } from './pick-scan-message';

export interface SheetShortfall {
	itemId: string;
	qty: number;
}

export type ShipResult = { ok: true } | { ok: false; error: StockflowError };

export class OrderPickingModel {
	readonly today = localToday();
	readonly customers: CustomersModel;
	readonly canShip: boolean;
	/** Starting or shipping stopped by an event stamped far ahead; an admin may confirm it. */
	readonly far: FarStampGate;

	readonly board: Board = $derived.by(() => foldBoard(this.ws, this.today));
	readonly bo: BoardOrder | undefined = $derived(
		this.board.orders.find((o) => o.order.id === this.orderId())
	);

	/** Frozen by `prepare`; rebuilt only on request (after a shipment or a reload). */
	rows = $state.raw<SheetRow[]>([]);
	shortfalls = $state.raw<SheetShortfall[]>([]);
	prepared = $state(false);
	progress = $state.raw<ScanProgress>(NO_PROGRESS);
	scanText = $state('');
	message = $state<{ tone: 'ok' | 'error'; text: string } | null>(null);
	carrier = $state('');
	tracking = $state('');

	readonly pickedCount: number = $derived(
		this.rows.filter((r) => isRowDone(r, this.progress)).length
	);
	readonly anyPicked: boolean = $derived(
		this.rows.some((r) => (this.progress.picked.get(r.key) ?? 0) > 0)
	);

	constructor(
		private readonly ws: WorkspaceState,
		private readonly orderId: () => string
	) {
		this.customers = new CustomersModel(ws);
		this.far = new FarStampGate(ws, orderId);
		this.canShip = ws.canWrite('ledger') && canAppendEvent(ws.role, 'salesOrder', 'ship');
	}

	/**
	 * From an effect: build the sheet once the order is there, and again while it is still
	 * empty and nothing is picked as stock arrives (docs and ledgers load after mount).
	 */
	prepare(): void {
		void this.ws.balances;
		if (!this.bo) return;
		if (this.prepared && (this.rows.length > 0 || untrack(() => this.anyPicked))) return;
		untrack(() => (this.prepared ? this.rebuild() : this.restoreOrRebuild()));
	}

	/** Where this device keeps the sheet and its progress across reloads (saved-sheet.ts). */
	private get savedKey(): string {
		return `stockflow.pick-sheet.${this.ws.session.workspace}.${this.orderId()}`;
	}

	private shippedByLine(bo: BoardOrder): Record<string, number> {
		return Object.fromEntries(
			bo.order.lines.map((l) => [l.id, bo.fold.lines.get(l.id)?.shipped ?? 0])
		);
	}

	/** The sheet as it was before a reload, while the order has shipped nothing since. */
	private restoreOrRebuild(): void {
		const bo = this.bo;
		if (!bo) return;
		const saved = decodeSavedSheet(
			browserKeyValueStore().get(this.savedKey),
			this.shippedByLine(bo)
		);
		if (!saved || saved.rows.length === 0) return this.rebuild();
		this.rows = saved.rows;
		this.shortfalls = this.shortfallsOf(bo, saved.rows);
		this.progress = saved.progress;
		this.prepared = true;
	}

	private save(): void {
		const bo = this.bo;
		if (!bo) return;
		const text = encodeSavedSheet(this.rows, this.progress, this.shippedByLine(bo));
		browserKeyValueStore().set(this.savedKey, text);
	}

	/** What is left to ship beyond what the sheet holds (not in stock here now). */
	private shortfallsOf(bo: BoardOrder, rows: readonly SheetRow[]): SheetShortfall[] {
		return bo.order.lines
			.map((l) => {
				const left = l.qty - (bo.fold.lines.get(l.id)?.shipped ?? 0);
				const covered = rows.filter((r) => r.lineId === l.id).reduce((sum, r) => sum + r.qty, 0);
				return { itemId: l.itemId, qty: Math.max(0, left - covered) };
			})
			.filter((s) => s.qty > 1e-9);
	}

	/** A fresh sheet for what can ship now; what was picked on the old one is forgotten. */
	rebuild(): void {
		const bo = this.bo;
		if (!bo) return;
		const lines = pickListFor(this.ws.runtime.context(), bo, shippableOf(this.board, bo));
		this.rows = pickSheet(lines);
		this.shortfalls = this.shortfallsOf(bo, this.rows);
		this.progress = NO_PROGRESS;
		this.prepared = true;
		browserKeyValueStore().remove(this.savedKey);
	}

	customerName = (id: string): string => this.customers.byId(id)?.name ?? '';

	warehouseLabel = (id: string): string => {
		const w = this.ws.warehouse(id);
		return w ? `${w.code} ${w.name}` : '';
	};

	itemCode = (id: string): string => this.ws.item(id)?.code ?? '';
	itemName = (id: string): string => this.ws.item(id)?.name ?? '';
	unitOf = (id: string): string => this.ws.item(id)?.unit ?? '';

	isDone = (row: SheetRow): boolean => isRowDone(row, this.progress);
	pickedQty = (row: SheetRow): number => this.progress.picked.get(row.key) ?? 0;
	isAtBin = (row: SheetRow): boolean =>
		this.progress.atBin !== null && row.locationId === this.progress.atBin;

	submitScan(): void {
		const code = this.scanText.trim();
		this.scanText = '';
		if (code) this.onscan(code);
	}

	onscan = (code: string): void => {
		const bo = this.bo;
		if (!bo) return;
		const meaning = resolveScan(code, {
			items: this.ws.items,
			locations: this.ws.locationsOf(bo.order.warehouseId),
			warehouseId: bo.order.warehouseId
		});
		const scan: SheetScan =
			meaning.kind === 'location'
				? { kind: 'location', locationId: meaning.location.id }
				: meaning.kind === 'item'
					? { kind: 'item', itemId: meaning.item.id, lot: meaning.lot }
					: { kind: 'unknown' };
		const r = applyScan(this.rows, this.progress, scan);
		this.progress = r.progress;
		this.save();
		this.message = scanMessage(r.outcome, code, this);
		if (r.outcome.kind === 'picked') this.markStarted();
	};

	/** Tapping a row (no scanner): picks it, or the quantity typed when fewer were found. */
	pickByHand(row: SheetRow, qtyText?: string): void {
		const qty = qtyText === undefined ? row.qty : quantityOrNull(qtyText);
		if (qty === null || qty < 0 || qty > row.qty) {
			this.message = { tone: 'error', text: t('pickq.badQty', { max: fmtNumber(row.qty) }) };
			return;
		}
		this.progress = pickRow(this.progress, row, qty);
		this.save();
		this.message = null;
		if (qty > 0) this.markStarted();
	}

	unpick(row: SheetRow): void {
		this.progress = pickRow(this.progress, row, 0);
		this.save();
	}

	/** Ships exactly what was picked; the sheet is rebuilt for what is left. */
	ship(): ShipResult {
		const bo = this.bo;
		if (!bo) return { ok: true };
		const { picks } = shipmentOf(this.rows, this.progress);
		const id = bo.order.id;
		const input = { picks, carrier: this.carrier.trim(), tracking: this.tracking.trim() };
		const r = this.far.run(
			(ctx) => shipOrder(ctx, id, input),
			() => this.ship()
		);
		if (!r.ok) {
			// An admin stopped by a far-ahead event gets the confirm step instead (FarEventNotice).
			this.message = this.far.stopped?.mayConfirm
				? null
				: { tone: 'error', text: errorMessage(r.error) };
			return r;
		}
		this.tracking = '';
		this.message = { tone: 'ok', text: t('pickq.shipped', { number: bo.order.number }) };
		queueMicrotask(() => this.rebuild());
		return { ok: true };
	}

	/**
	 * The first pick moves a confirmed order to 揀貨中 so sales sees the warehouse on it. Stopped
	 * by a far-ahead event, the pick stays on the sheet; the clerk is told an administrator must
	 * confirm (shipping would be stopped too), an admin gets the confirm step.
	 */
	private markStarted(): void {
		const bo = this.bo;
		if (!bo || (bo.fold.status !== 'confirmed' && bo.fold.status !== 'partially-shipped')) return;
		if (!canAppendEvent(this.ws.role, 'salesOrder', 'start-picking')) return;
		const id = bo.order.id;
		const r = this.far.run(
			(ctx) => startPicking(ctx, id),
			() => void this.markStarted()
		);
		if (!r.ok && this.far.stopped?.mayConfirm === false)
			this.message = { tone: 'error', text: errorMessage(r.error) };
	}

	/**
	 * An admin repeats the step stopped by a far-ahead event: the shipment's result, or
	 * undefined for marking the order started (or when there is nothing to confirm).
	 */
	confirmFarStamp(): ShipResult | undefined {
		return this.far.confirm<ShipResult>();
	}

	close(): void {
		this.customers.close();
	}
}

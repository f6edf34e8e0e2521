// View model of one transfer: dispatch a draft (the bin each line leaves from), receive it at
// the destination (received quantity per line, one put-away bin; a wedge scan of an item
// counts one more of it, a scanned bin becomes the put-away bin), and resolve what was short.
// Each action goes through the far-stamp gate (FarStampGate): an admin may confirm acting after
// an event stamped far ahead.

import type { Item, Location } from '../../domain/catalog/entities';
import { compareLocationCodes } from '../../domain/picking/walk-order';
import { parseQuantity, quantityOrNull } from '../../domain/quantity/quantity';
import { resolveScan } from '../../domain/scanning/resolve';
import type { TransferLineState } from '../../domain/transfers/state-machine';
import { lineKeyOf, type ReceiveLine, type ResolutionKind } from '../../domain/transfers/transfer';
import {
	cancelTransfer,
	dispatchTransfer,
	receiveTransfer,
	resolveTransferDiscrepancy
} from '../../commands/transfers/transfers';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { FarStampGate } from './far-stamp-gate.svelte';
import { TransferBook } from './transfers.svelte';

type CommandResult = { ok: true } | { ok: false; error: unknown };

export class TransferDetailPage {
	readonly book: TransferBook;
	readonly canWrite: boolean;
	/** An action stopped by an event stamped far ahead; an admin may confirm it. */
	readonly far: FarStampGate;

	error = $state<string | null>(null);
	message = $state<string | null>(null);
	/** Dispatch: the bin each planned line leaves from, by line index. */
	fromBin = $state<Record<number, string>>({});
	/** Receipt: received quantity per line key (text, so an empty field is not 0). */
	received = $state<Record<string, string>>({});
	toBin = $state('');
	/** Resolution of one short line. */
	resolveKey = $state('');
	kind = $state<ResolutionKind>('write-off');
	resolveQty = $state('');
	note = $state('');

	readonly row = $derived.by(() => this.book.row(this.id()));
	readonly transfer = $derived.by(() => this.row?.transfer);
	readonly fold = $derived.by(() => this.row?.fold);
	readonly fromBins: Location[] = $derived.by(() => this.binsOf(this.transfer?.fromWarehouseId));
	readonly toBins: Location[] = $derived.by(() => this.binsOf(this.transfer?.toWarehouseId));
	readonly shortLines: TransferLineState[] = $derived.by(
		() => this.fold?.lines.filter((l) => l.short > 0) ?? []
	);

	constructor(
		private readonly ws: WorkspaceState,
		/** The transfer id from the URL (a getter, so navigation re-derives). */
		private readonly id: () => string
	) {
		this.book = new TransferBook(ws);
		this.far = new FarStampGate(ws, id);
		this.canWrite = ws.canWrite('orders') && ws.canWrite('ledger') && ws.canWriteRecord('transfer');
	}

	readonly lineKey = lineKeyOf;

	item(id: string): Item | undefined {
		return this.ws.item(id);
	}

	warehouseName(id: string): string {
		const w = this.ws.warehouse(id);
		return w ? `${w.code} ${w.name}` : id;
	}

	private binsOf(warehouseId: string | undefined): Location[] {
		if (!warehouseId) return [];
		return this.ws
			.locationsOf(warehouseId)
			.filter((l) => l.active)
			.sort((a, b) => compareLocationCodes(a.code, b.code));
	}

	/** An admin repeats the stopped action, stamped just after the far event. */
	confirmFarStamp(): void {
		this.far.confirm();
	}

	private done(r: CommandResult, ok: string): boolean {
		if (r.ok) {
			this.error = null;
			this.message = ok;
		} else {
			// An admin stopped by a far-ahead event gets the confirm step instead (FarEventNotice).
			this.error = this.far.stopped?.mayConfirm ? null : errorMessage(r.error);
			this.message = null;
		}
		return r.ok;
	}

	dispatch(): void {
		const transfer = this.transfer;
		if (!transfer) return;
		const lines = transfer.lines.map((l, i) => ({
			...l,
			fromLocationId: this.fromBin[i] || undefined
		}));
		this.done(
			this.far.run(
				(ctx) => dispatchTransfer(ctx, transfer.id, { lines }),
				() => this.dispatch()
			),
			t('transfer.dispatchedOk')
		);
	}

	cancel(): void {
		const transfer = this.transfer;
		if (!transfer) return;
		this.done(
			this.far.run(
				(ctx) => cancelTransfer(ctx, transfer.id),
				() => this.cancel()
			),
			t('transfer.cancelledOk')
		);
	}

	allArrived(line: TransferLineState): void {
		this.received[lineKeyOf(line)] = String(line.dispatched);
	}

	receive(): void {
		const transfer = this.transfer;
		if (!transfer || !this.fold) return;
		const lines: ReceiveLine[] = [];
		for (const l of this.fold.lines) {
			const qty = parseQuantity(this.received[lineKeyOf(l)] ?? '');
			if (!qty.ok) {
				this.error = t('transfer.fillReceived');
				return;
			}
			lines.push({
				itemId: l.itemId,
				lot: l.lot || undefined,
				toLocationId: this.toBin || undefined,
				qtyReceived: qty.qty
			});
		}
		this.done(
			this.far.run(
				(ctx) => receiveTransfer(ctx, transfer.id, lines),
				() => this.receive()
			),
			t('transfer.receivedOk')
		);
	}

	resolveShort(): void {
		const transfer = this.transfer;
		if (!transfer || !this.fold) return;
		const line = this.fold.lines.find((l) => lineKeyOf(l) === this.resolveKey);
		const qty = quantityOrNull(this.resolveQty);
		if (!line || qty === null || qty <= 0) {
			this.error = t('transfer.fill');
			return;
		}
		const input = {
			itemId: line.itemId,
			lot: line.lot || undefined,
			kind: this.kind,
			qty,
			note: this.note
		};
		const r = this.far.run(
			(ctx) => resolveTransferDiscrepancy(ctx, transfer.id, input),
			() => this.resolveShort()
		);
		if (this.done(r, t('transfer.resolvedOk'))) {
			this.resolveQty = '';
			this.note = '';
		}
	}

	/** A wedge scan while receiving: a bin becomes the put-away bin, an item counts one more. */
	onscan(code: string): void {
		const transfer = this.transfer;
		const fold = this.fold;
		if (!transfer || !fold || fold.status !== 'in-transit') return;
		const meaning = resolveScan(code, {
			items: this.ws.items,
			locations: this.ws.locations,
			warehouseId: transfer.toWarehouseId
		});
		if (meaning.kind === 'location') {
			this.toBin = meaning.location.id;
			this.message = t('transfer.binScanned', { code: meaning.location.code });
			return;
		}
		if (meaning.kind === 'item') {
			const line = fold.lines.find(
				(l) => l.itemId === meaning.item.id && (meaning.lot === undefined || l.lot === meaning.lot)
			);
			if (line) {
				const k = lineKeyOf(line);
				const qty = String((quantityOrNull(this.received[k] ?? '') ?? 0) + 1);
				this.received[k] = qty;
				this.message = t('transfer.itemScanned', { code: meaning.item.code, qty });
				return;
			}
		}
		this.message = null;
		this.error = t('transfer.unknownCode', { code });
	}

	/** From an effect: the resolution form starts on the first short line. */
	defaultResolveKey(): void {
		const first = this.shortLines[0];
		if (first && !this.shortLines.some((l) => lineKeyOf(l) === this.resolveKey))
			this.resolveKey = lineKeyOf(first);
	}

	/** Reconcile overruled events; pages call it from an effect. */
	reconcile(): void {
		this.book.reconcile();
	}
}

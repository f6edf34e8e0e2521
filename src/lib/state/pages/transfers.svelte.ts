// View model of the transfers page: transfers from the `orders` doc with their folded status
// and in-transit quantities, and the commands the page runs. Re-derives when the orders doc
// or the balances change; reconciles overruled events (reversals) like stocktakes do. Events on
// one transfer are written by its page (transfer-detail.svelte.ts, behind the far-stamp gate).

import { reconcileTransfers } from '../../commands/transfers/reconcile';
import { createTransfer, type CreateTransferInput } from '../../commands/transfers/transfers';
import { readTransfers } from '../../doc/transfers-doc';
import { foldTransfer, type TransferFold } from '../../domain/transfers/state-machine';
import type { Transfer } from '../../domain/transfers/transfer';
import type { WorkspaceState } from '../workspace.svelte';

export interface TransferRow {
	transfer: Transfer;
	fold: TransferFold;
	/** Sum over lines still on the road (base units of mixed items; a count, not a total). */
	inTransitQty: number;
	shortQty: number;
}

export class TransferBook {
	rows: TransferRow[] = $derived.by(() => {
		void this.ws.docRevision.orders;
		return readTransfers(this.ws.runtime.docs.shared('orders')).transfers.map((transfer) => {
			const fold = foldTransfer(transfer.events);
			return {
				transfer,
				fold,
				inTransitQty: fold.lines.reduce((s, l) => s + l.inTransit, 0),
				shortQty: fold.lines.reduce((s, l) => s + l.short, 0)
			};
		});
	});

	constructor(private readonly ws: WorkspaceState) {}

	row(id: string): TransferRow | undefined {
		return this.rows.find((r) => r.transfer.id === id);
	}

	create(input: CreateTransferInput) {
		return this.ws.run((ctx) => createTransfer(ctx, input));
	}

	/**
	 * Writes reversals of overruled events and postings this device has not seen yet. Pages
	 * call it from an effect so it re-runs when the ledgers or transfers change; it writes
	 * nothing when everything is settled.
	 */
	reconcile(): number {
		void this.ws.balances;
		void this.rows;
		if (!this.ws.canWrite('ledger') || !this.ws.canWriteRecord('transfer')) return 0;
		if (!this.rows.some((r) => r.fold.applied.length + r.fold.conflicts.length > 0)) return 0;
		const result = this.ws.run((ctx) => reconcileTransfers(ctx));
		return result.ok ? result.value.length : 0;
	}
}

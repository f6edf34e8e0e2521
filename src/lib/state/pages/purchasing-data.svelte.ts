// Purchasing data every purchasing page reads: suppliers, prices and the policy from the
// catalog doc, purchase orders and requisitions (folded) from the orders doc. Re-derives when
// either doc changes; one instance per page, closed with it.

import { purchasingView, type PurchasingView } from '../../commands/purchasing/read';
import { readFoldedRfqs, type FoldedRfq } from '../../commands/purchasing/rfq';
import { observeSuppliers } from '../../doc/suppliers-doc';
import type { PoStatus } from '../../domain/purchasing/po-state-machine';
import { poTotals } from '../../domain/purchasing/purchase-order';
import type { FoldedPo } from '../../domain/purchasing/scorecard';
import type { Supplier } from '../../domain/purchasing/supplier';
import { fmtMoney, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { localToday } from './orders-board-helpers';

const DONE: readonly PoStatus[] = ['received', 'closed', 'cancelled'];

export class PurchasingData {
	private catalogRevision = $state(0);
	private readonly stop: () => void;
	readonly today = localToday();

	readonly view: PurchasingView = $derived.by(() => {
		void this.catalogRevision;
		void this.ws.docRevision.orders;
		void this.ws.items;
		return purchasingView({ docs: this.ws.runtime.docs });
	});

	/** Requests for quotation, newest first. */
	readonly rfqs: FoldedRfq[] = $derived.by(() => {
		void this.ws.docRevision.orders;
		return readFoldedRfqs({ docs: this.ws.runtime.docs });
	});

	constructor(readonly ws: WorkspaceState) {
		const bump = (): void => {
			this.catalogRevision++;
		};
		this.stop = observeSuppliers(ws.runtime.docs.catalog, bump);
		void ws.runtime.ready.then(bump);
	}

	/**
	 * This device's stored docs are still loading: a record not found yet may just not be read
	 * yet (pages say 載入中 until then, not 找不到).
	 */
	get loading(): boolean {
		return !this.ws.settled;
	}

	supplier(id: string): Supplier | undefined {
		return this.view.suppliers.find((s) => s.id === id);
	}

	supplierLabel(id: string): string {
		const s = this.supplier(id);
		return s ? `${s.code} ${s.name}` : t('purchasing.noSupplier');
	}

	itemLabel(id: string): string {
		const i = this.ws.item(id);
		return i ? `${i.code} ${i.name}` : id;
	}

	warehouseLabel(id: string): string {
		const w = this.ws.warehouse(id);
		return w ? `${w.code} ${w.name}` : id;
	}

	order(id: string): FoldedPo | undefined {
		return this.view.orders.find((o) => o.po.id === id);
	}

	amountText(o: FoldedPo): string {
		return `${o.po.currency} ${fmtMoney(poTotals(o.po.lines).netCents)}`;
	}

	/** Open and past the earliest promised date of a line still to come. */
	isLate(o: FoldedPo): boolean {
		if (DONE.includes(o.fold.status) || o.fold.status === 'draft') return false;
		return o.po.lines.some((l) => {
			const s = o.fold.lines.get(l.id);
			return s !== undefined && s.fulfilledOn === null && s.promisedDate < this.today;
		});
	}

	close(): void {
		this.stop();
	}
}

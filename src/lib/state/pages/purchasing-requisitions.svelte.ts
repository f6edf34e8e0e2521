// View model of requisitions (請購): proposals from reorder points for one warehouse (ATP +
// incoming supply, grouped by preferred supplier), turning the chosen ones into requisitions,
// and converting open requisitions into draft purchase orders in one action.

import { buildBoard } from '../../domain/orders/board';
import { proposeRequisitions, type ProposalGroup } from '../../domain/purchasing/proposal';
import { readOrders } from '../../doc/orders-doc';
import {
	convertRequisitions,
	createRequisitions,
	incomingSupply
} from '../../commands/purchasing/requisitions';
import { createRfq } from '../../commands/purchasing/rfq';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PurchasingData } from './purchasing-data.svelte';
import { toast } from './toasts.svelte';

export class RequisitionsPageModel {
	readonly data: PurchasingData;
	readonly canEdit: boolean;
	warehouseId = $state('');
	/** Proposal lines left out, by item id (everything proposed is chosen by default). */
	skipped = $state<Record<string, boolean>>({});
	/** Open requisitions chosen for conversion. */
	chosen = $state<Record<string, boolean>>({});
	error = $state<string | null>(null);
	lastPoIds = $state<string[]>([]);

	/** The warehouse shown: the one chosen, else the first. */
	readonly warehouse = $derived.by(() => this.warehouseId || this.data.ws.warehouses[0]?.id || '');

	readonly proposals: ProposalGroup[] = $derived.by(() => {
		const ws = this.data.ws;
		const warehouseId = this.warehouse;
		if (!warehouseId) return [];
		void ws.docRevision.orders;
		const atp = buildBoard(
			readOrders(ws.runtime.docs.shared('orders')).orders,
			ws.balances,
			this.data.today,
			ws.heldLocations
		).atp;
		const incoming = incomingSupply(this.data.view);
		return proposeRequisitions({
			items: ws.items,
			warehouseId,
			available: (itemId) => atp.of(itemId, warehouseId).available,
			incoming: (itemId) => incoming.get(`${itemId}|${warehouseId}`) ?? 0,
			suppliers: this.data.view.suppliers,
			today: this.data.today
		});
	});
	readonly open = $derived.by(() =>
		this.data.view.requisitions.filter((r) => r.fold.status === 'open')
	);
	readonly recent = $derived.by(() =>
		this.data.view.requisitions
			.filter((r) => r.fold.status !== 'open')
			.slice(-20)
			.reverse()
	);

	constructor(ws: WorkspaceState) {
		this.data = new PurchasingData(ws);
		this.canEdit = ['admin', 'purchasing'].includes(ws.role);
	}

	createChosen(): void {
		const warehouseId = this.warehouse;
		const lines = this.proposals.flatMap((g) => g.lines).filter((l) => !this.skipped[l.itemId]);
		if (lines.length === 0) return;
		const r = this.data.ws.run((ctx) =>
			createRequisitions(
				ctx,
				lines.map((l) => ({
					itemId: l.itemId,
					warehouseId,
					qty: l.qty,
					needDate: l.needDate,
					supplierId: l.supplierId || undefined,
					source: 'reorder' as const
				}))
			)
		);
		if (r.ok) {
			toast(t('purchasing.requisitionsCreated', { count: r.value.length }));
			this.chosen = Object.fromEntries(
				r.value.filter((x) => x.supplierId).map((x) => [x.id, true])
			);
			this.error = null;
		} else this.error = errorMessage(r.error);
	}

	convertChosen(): void {
		const ids = this.open.filter((r) => this.chosen[r.requisition.id]).map((r) => r.requisition.id);
		if (ids.length === 0) return;
		const r = this.data.ws.run((ctx) =>
			convertRequisitions(ctx, ids, { orderDate: this.data.today })
		);
		if (r.ok) {
			toast(t('purchasing.converted', { count: r.value.poIds.length }));
			this.lastPoIds = r.value.poIds;
			this.chosen = {};
			this.error = null;
		} else this.error = errorMessage(r.error);
	}

	/**
	 * A request for quotation for the chosen requisitions (those of the first one's warehouse),
	 * asking every active supplier of their items; returns its id for the page to open.
	 */
	requestQuotes(): string | null {
		const chosen = this.open.filter((r) => this.chosen[r.requisition.id]).map((r) => r.requisition);
		const first = chosen[0];
		if (!first) {
			this.error = t('rfq.chooseRequisitions');
			return null;
		}
		const reqs = chosen.filter((r) => r.warehouseId === first.warehouseId);
		const items = reqs.map((r) => r.itemId);
		const supplierIds = this.data.view.suppliers
			.filter((s) => s.active && !s.blocked && s.items.some((i) => items.includes(i.itemId)))
			.map((s) => s.id);
		const r = this.data.ws.run((ctx) =>
			createRfq(ctx, {
				warehouseId: first.warehouseId,
				needDate: reqs.reduce((d, x) => (x.needDate < d ? x.needDate : d), first.needDate),
				supplierIds,
				lines: reqs.map((x) => ({ itemId: x.itemId, qty: x.qty, requisitionId: x.id }))
			})
		);
		if (!r.ok) {
			this.error = errorMessage(r.error);
			return null;
		}
		toast(t('rfq.created', { number: r.value.number }));
		this.chosen = {};
		return r.value.id;
	}

	close(): void {
		this.data.close();
	}
}

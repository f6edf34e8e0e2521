// View model of the requests for quotation list (詢價單): the requests with status, asked
// suppliers and quotes received, and the form for a new one (warehouse, need date, suppliers
// ticked, item lines with quantities typed through the one quantity parser).

import { parseQuantity } from '../../domain/quantity/quantity';
import { addDays } from '../../domain/purchasing/qualification';
import { createRfq } from '../../commands/purchasing/rfq';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PurchasingData } from './purchasing-data.svelte';
import { toast } from './toasts.svelte';

interface LineForm {
	itemId: string;
	qty: string;
}

export class RfqsPageModel {
	readonly data: PurchasingData;
	readonly canEdit: boolean;
	warehouseId = $state('');
	needDate = $state('');
	replyBy = $state('');
	note = $state('');
	suppliers = $state<Record<string, boolean>>({});
	lines = $state<LineForm[]>([{ itemId: '', qty: '' }]);
	error = $state<string | null>(null);
	formOpen = $state(false);

	readonly rows = $derived.by(() =>
		this.data.rfqs.map(({ rfq, fold }) => ({
			id: rfq.id,
			number: rfq.number,
			status: fold.status,
			needDate: rfq.needDate,
			items: rfq.lines.map((l) => this.data.itemLabel(l.itemId)).join('、'),
			asked: rfq.supplierIds.length,
			quoted: fold.quotes.size
		}))
	);
	/** Suppliers that may be asked (active, not blocked), those supplying the chosen items first. */
	readonly supplierChoices = $derived.by(() => {
		const items = this.lines.map((l) => l.itemId).filter(Boolean);
		return this.data.view.suppliers
			.filter((s) => s.active && !s.blocked)
			.map((s) => ({ s, supplies: s.items.some((i) => items.includes(i.itemId)) }))
			.sort((a, b) => Number(b.supplies) - Number(a.supplies) || a.s.code.localeCompare(b.s.code));
	});

	constructor(ws: WorkspaceState) {
		this.data = new PurchasingData(ws);
		this.canEdit = ['admin', 'purchasing'].includes(ws.role);
		this.needDate = addDays(this.data.today, 14);
		this.replyBy = addDays(this.data.today, 5);
	}

	addLine(): void {
		this.lines.push({ itemId: '', qty: '' });
	}

	removeLine(i: number): void {
		this.lines.splice(i, 1);
	}

	/** Ticks every supplier that supplies one of the chosen items. */
	askSuppliersOfItems(): void {
		for (const c of this.supplierChoices) if (c.supplies) this.suppliers[c.s.id] = true;
	}

	/** Creates the request; returns its id (the page opens it), or null with the error shown. */
	create(): string | null {
		const lines: { itemId: string; qty: number }[] = [];
		for (const l of this.lines) {
			if (!l.itemId && !l.qty.trim()) continue;
			const q = parseQuantity(l.qty);
			if (!l.itemId || !q.ok || q.qty <= 0) {
				this.error = t('rfq.lineInvalid');
				return null;
			}
			lines.push({ itemId: l.itemId, qty: q.qty });
		}
		const supplierIds = Object.keys(this.suppliers).filter((id) => this.suppliers[id]);
		const warehouseId = this.warehouseId || this.data.ws.warehouses[0]?.id || '';
		const r = this.data.ws.run((ctx) =>
			createRfq(ctx, {
				warehouseId,
				needDate: this.needDate,
				replyBy: this.replyBy,
				note: this.note,
				supplierIds,
				lines
			})
		);
		if (!r.ok) {
			this.error =
				supplierIds.length === 0
					? t('rfq.chooseSuppliers')
					: lines.length === 0
						? t('rfq.lineInvalid')
						: errorMessage(r.error);
			return null;
		}
		toast(t('rfq.created', { number: r.value.number }));
		this.error = null;
		this.lines = [{ itemId: '', qty: '' }];
		this.suppliers = {};
		this.formOpen = false;
		return r.value.id;
	}

	close(): void {
		this.data.close();
	}
}

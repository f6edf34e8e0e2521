// View model of the new work-order form: the item (those with a BOM), quantity, receiving
// warehouse, start and due dates. The BOM version in force on the start date is shown as it is
// picked, because that version's materials and routing are snapshotted into the order.

import { createWorkOrders } from '../../commands/production/work-orders';
import { effectiveBom } from '../../domain/production/bom';
import { parseQuantity } from '../../domain/quantity/quantity';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { addDays } from './orders-board-helpers';
import { ProductionData } from './production-data.svelte';
import type { SaveResult } from './save-result';

export class NewWorkOrderModel {
	readonly data: ProductionData;
	readonly canCreate: boolean;
	draft = $state({ itemId: '', qty: '', warehouseId: '', startDate: '', dueDate: '', note: '' });
	tried = $state(false);

	/** Items that have at least one active BOM version. */
	readonly items = $derived.by(() => {
		const made = this.data.view.boms.filter((b) => b.active).map((b) => b.itemId);
		return this.data.ws.items
			.filter((i) => made.includes(i.id) && i.active)
			.sort((a, b) => a.code.localeCompare(b.code));
	});

	readonly warehouses = $derived.by(() => this.data.ws.warehouses.filter((w) => w.active));

	readonly bom = $derived.by(() =>
		this.draft.itemId
			? effectiveBom(this.data.view.boms, this.draft.itemId, this.draft.startDate)
			: null
	);

	readonly errors = $derived.by(() => {
		const e: { itemId?: string; qty?: string; warehouseId?: string; dueDate?: string } = {};
		if (!this.draft.itemId) e.itemId = t('validation.required');
		else if (!this.bom) e.itemId = t('production.noBom');
		const q = parseQuantity(this.draft.qty);
		if (!q.ok || q.qty <= 0) e.qty = t('production.qtyInvalid');
		if (!this.draft.warehouseId) e.warehouseId = t('validation.required');
		if (this.draft.dueDate < this.draft.startDate) e.dueDate = t('production.dueBeforeStart');
		return e;
	});

	/** Errors shown: a missing BOM and a due date before the start show at once, the rest on save. */
	readonly shown = $derived.by(() => {
		if (this.tried) return this.errors;
		return {
			itemId: this.bom || !this.draft.itemId ? undefined : this.errors.itemId,
			dueDate: this.errors.dueDate
		} as typeof this.errors;
	});

	constructor(ws: WorkspaceState) {
		this.data = new ProductionData(ws);
		this.canCreate = ws.canWrite('orders') && ['admin', 'production'].includes(ws.role);
		const today = this.data.today;
		this.draft.startDate = today;
		this.draft.dueDate = addDays(today, 7);
		this.draft.warehouseId = ws.warehouses.find((w) => w.active)?.id ?? '';
	}

	/** Creates the planned work order; its id comes back so the page can open it. */
	save(): SaveResult & { id?: string } {
		this.tried = true;
		if (!this.draft.warehouseId) this.draft.warehouseId = this.warehouses[0]?.id ?? '';
		const q = parseQuantity(this.draft.qty);
		if (Object.values(this.errors).some(Boolean) || !q.ok) return { ok: false, message: null };
		const input = {
			itemId: this.draft.itemId,
			qty: q.qty,
			warehouseId: this.draft.warehouseId,
			startDate: this.draft.startDate,
			dueDate: this.draft.dueDate,
			note: this.draft.note.trim()
		};
		const r = this.data.ws.run((ctx) => createWorkOrders(ctx, [input]));
		if (!r.ok) return { ok: false, message: errorMessage(r.error) };
		const made = r.value[0]!;
		return { ok: true, message: t('production.created', { number: made.number }), id: made.id };
	}

	close(): void {
		this.data.close();
	}
}

// Requisition proposals from reorder points: for each item × warehouse, projected stock =
// available to promise (on hand − open sales reservations) + open PO lines + open requisitions.
// At or below the reorder point (or below safety stock when there is no reorder point) a
// requisition is proposed up to the maximum stock (or reorder point + safety stock), raised to
// the preferred supplier's MOQ and order multiple, and grouped by that supplier.

import type { Item } from '../catalog/entities';
import { addDays } from './qualification';
import { orderQuantity, type Supplier } from './supplier';

export interface ProposalInput {
	items: readonly Item[];
	warehouseId: string;
	/** On hand − open reservations for item × warehouse (ATP). */
	available: (itemId: string) => number;
	/** Open PO quantities and open requisitions already raised, per item, for this warehouse. */
	incoming: (itemId: string) => number;
	suppliers: readonly Supplier[];
	today: string;
}

export interface ProposedLine {
	itemId: string;
	itemCode: string;
	itemName: string;
	unit: string;
	available: number;
	incoming: number;
	projected: number;
	reorderPoint: number;
	safetyStock: number;
	/** Quantity to order after MOQ / multiple. */
	qty: number;
	needDate: string;
	supplierId: string;
	leadTimeDays: number;
}

export interface ProposalGroup {
	/** '' = no supplier supplies the item yet. */
	supplierId: string;
	supplierCode: string;
	supplierName: string;
	lines: ProposedLine[];
}

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

/** The supplier requisitions go to: the preferred one, else the shortest lead time, else code. */
export function preferredSupplier(
	suppliers: readonly Supplier[],
	itemId: string
): { supplier: Supplier; leadTimeDays: number; moq: number; orderMultiple: number } | null {
	const candidates = suppliers
		.filter((s) => s.active && !s.blocked)
		.flatMap((s) => s.items.filter((i) => i.itemId === itemId).map((terms) => ({ s, terms })));
	candidates.sort(
		(a, b) =>
			Number(b.terms.preferred) - Number(a.terms.preferred) ||
			a.terms.leadTimeDays - b.terms.leadTimeDays ||
			(a.s.code < b.s.code ? -1 : 1)
	);
	const best = candidates[0];
	return best ? { supplier: best.s, ...best.terms } : null;
}

/** Whether stock at `projected` needs replenishing: ≤ reorder point, or < safety stock. */
export function needsReorder(
	item: Pick<Item, 'reorderPoint' | 'safetyStock'>,
	projected: number
): boolean {
	if (item.reorderPoint > 0) return projected <= item.reorderPoint;
	return item.safetyStock > 0 && projected < item.safetyStock;
}

export function proposeRequisitions(input: ProposalInput): ProposalGroup[] {
	const groups = new Map<string, ProposalGroup>();
	for (const item of input.items) {
		if (!item.active) continue;
		const available = input.available(item.id);
		const incoming = input.incoming(item.id);
		const projected = round(available + incoming);
		if (!needsReorder(item, projected)) continue;
		const target = item.maxStock > 0 ? item.maxStock : item.reorderPoint + item.safetyStock;
		// At least one unit: at the reorder point with no safety stock the target is reached.
		const need = Math.max(1, Math.ceil(target - projected - 1e-9));
		const pref = preferredSupplier(input.suppliers, item.id);
		const qty = pref ? orderQuantity(need, pref) : need;
		const key = pref?.supplier.id ?? '';
		let group = groups.get(key);
		if (!group) {
			group = {
				supplierId: key,
				supplierCode: pref?.supplier.code ?? '',
				supplierName: pref?.supplier.name ?? '',
				lines: []
			};
			groups.set(key, group);
		}
		group.lines.push({
			itemId: item.id,
			itemCode: item.code,
			itemName: item.name,
			unit: item.unit,
			available,
			incoming,
			projected,
			reorderPoint: item.reorderPoint,
			safetyStock: item.safetyStock,
			qty,
			needDate: addDays(input.today, pref?.leadTimeDays ?? 7),
			supplierId: key,
			leadTimeDays: pref?.leadTimeDays ?? 0
		});
	}
	for (const g of groups.values()) g.lines.sort((a, b) => (a.itemCode < b.itemCode ? -1 : 1));
	return [...groups.values()].sort((a, b) =>
		a.supplierId === '' ? 1 : b.supplierId === '' ? -1 : a.supplierCode < b.supplierCode ? -1 : 1
	);
}

// View model of one BOM version: its components (qty per unit, scrap %), routing steps, the
// item's other versions, the multi-level explosion for a quantity on a date, and where the item
// is used.

import {
	effectiveBom,
	explodeBom,
	qtyWithScrap,
	whereUsed,
	type Bom,
	type BomNode
} from '../../domain/production/bom';
import { quantityOrNull } from '../../domain/quantity/quantity';
import type { WorkspaceState } from '../workspace.svelte';
import { canEditBoms, type WhereUsedRow } from './production-boms.svelte';
import { ProductionData } from './production-data.svelte';

export interface TreeRow {
	key: string;
	level: number;
	itemId: string;
	label: string;
	unit: string;
	/** Per unit of the direct parent, scrap included. */
	qtyPer: number;
	qty: number;
	/** The version it is made by, null when bought. */
	version: string | null;
}

function flatten(node: BomNode, key: string, out: TreeRow[], label: (id: string) => string) {
	node.children.forEach((child, i) => {
		const k = `${key}.${i}`;
		out.push({
			key: k,
			level: child.level,
			itemId: child.itemId,
			label: label(child.itemId),
			unit: '',
			qtyPer: child.qtyPer,
			qty: child.qty,
			version: child.version
		});
		flatten(child, k, out, label);
	});
}

export class BomDetailModel {
	readonly data: ProductionData;
	readonly canEdit: boolean;
	treeQty = $state('1');
	treeDate = $state('');

	readonly bom: Bom | undefined = $derived.by(() =>
		this.data.view.boms.find((b) => b.id === this.idOf())
	);

	readonly versions: Bom[] = $derived.by(() => {
		const bom = this.bom;
		if (!bom) return [];
		return this.data.view.boms
			.filter((b) => b.itemId === bom.itemId)
			.sort((a, b) => (a.version < b.version ? -1 : 1));
	});

	/** The version of this item in force today (this one or another). */
	readonly inForceId = $derived.by(() => {
		const bom = this.bom;
		return bom ? (effectiveBom(this.data.view.boms, bom.itemId, this.data.today)?.id ?? '') : '';
	});

	readonly treeQtyValue = $derived(quantityOrNull(this.treeQty) ?? 0);

	readonly tree: TreeRow[] = $derived.by(() => {
		const bom = this.bom;
		if (!bom) return [];
		const out: TreeRow[] = [];
		const date = /^\d{4}-\d{2}-\d{2}$/.test(this.treeDate) ? this.treeDate : this.data.today;
		try {
			const root = explodeBom(this.data.view.boms, bom.itemId, this.treeQtyValue, date, bom);
			flatten(root, 'r', out, (id) => this.data.itemLabel(id));
		} catch {
			// A cycle made by a remote edit: the list shows the lines, the tree stays empty.
			return [];
		}
		return out.map((r) => ({ ...r, unit: this.data.unitOf(r.itemId) }));
	});

	readonly usedIn: WhereUsedRow[] = $derived.by(() => {
		const bom = this.bom;
		if (!bom) return [];
		return whereUsed(this.data.view.boms, bom.itemId).map((u) => ({
			key: `${u.bomId}|${u.level}`,
			parentId: u.parentId,
			parentLabel: this.data.itemLabel(u.parentId),
			bomId: u.bomId,
			version: u.version,
			qtyPer: u.qtyPer,
			level: u.level
		}));
	});

	readonly minutes = $derived(this.bom?.steps.reduce((a, s) => a + s.minutesPerUnit, 0) ?? 0);

	readonly withScrap = qtyWithScrap;

	constructor(
		ws: WorkspaceState,
		private readonly idOf: () => string
	) {
		this.data = new ProductionData(ws);
		this.canEdit = canEditBoms(ws);
		this.treeDate = this.data.today;
	}

	close(): void {
		this.data.close();
	}
}

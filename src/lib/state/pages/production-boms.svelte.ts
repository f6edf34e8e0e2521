// View model of the BOM list (物料清單): one row per made item with the version in force today,
// its other versions, components and routing minutes; a where-used search for any component.

import { effectiveBom, whereUsed, type Bom } from '../../domain/production/bom';
import type { Table } from '../../domain/tabular/table';
import { fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { ProductionData } from './production-data.svelte';

export interface BomRow {
	itemId: string;
	code: string;
	name: string;
	/** The version in force today, else the newest. */
	shown: Bom;
	inForce: boolean;
	versions: Bom[];
	minutes: number;
}

export interface WhereUsedRow {
	key: string;
	parentId: string;
	parentLabel: string;
	bomId: string;
	version: string;
	qtyPer: number;
	level: number;
}

export function canEditBoms(ws: WorkspaceState): boolean {
	return ws.canWrite('catalog') && ['admin', 'production'].includes(ws.role);
}

export class BomsPageModel {
	readonly data: ProductionData;
	readonly canEdit: boolean;
	query = $state('');
	/** The component whose where-used is shown ('' = none). */
	usedItemId = $state('');

	readonly rows: BomRow[] = $derived.by(() => {
		const boms = this.data.view.boms;
		const out: BomRow[] = [];
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to the derived, never kept
		for (const itemId of [...new Set(boms.map((b) => b.itemId))]) {
			const versions = boms
				.filter((b) => b.itemId === itemId)
				.sort((a, b) => (a.version < b.version ? -1 : 1));
			const current = effectiveBom(boms, itemId, this.data.today);
			const shown = current ?? versions.at(-1)!;
			const item = this.data.ws.item(itemId);
			out.push({
				itemId,
				code: item?.code ?? itemId,
				name: item?.name ?? '',
				shown,
				inForce: current !== null,
				versions,
				minutes: shown.steps.reduce((a, s) => a + s.minutesPerUnit, 0)
			});
		}
		return out.sort((a, b) => a.code.localeCompare(b.code));
	});

	readonly shown = $derived.by(() => {
		const q = this.query.trim().toLowerCase();
		return q ? this.rows.filter((r) => `${r.code} ${r.name}`.toLowerCase().includes(q)) : this.rows;
	});

	/** Items used as a component in some BOM, for the where-used picker. */
	readonly components = $derived.by(() => {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to the derived, never kept
		const ids = new Set(this.data.view.boms.flatMap((b) => b.lines.map((l) => l.childId)));
		return [...ids]
			.map((id) => ({ id, label: this.data.itemLabel(id) }))
			.sort((a, b) => a.label.localeCompare(b.label));
	});

	readonly usedIn: WhereUsedRow[] = $derived.by(() =>
		this.usedItemId
			? whereUsed(this.data.view.boms, this.usedItemId).map((u) => ({
					key: `${u.bomId}|${u.level}`,
					parentId: u.parentId,
					parentLabel: this.data.itemLabel(u.parentId),
					bomId: u.bomId,
					version: u.version,
					qtyPer: u.qtyPer,
					level: u.level
				}))
			: []
	);

	constructor(ws: WorkspaceState) {
		this.data = new ProductionData(ws);
		this.canEdit = canEditBoms(ws);
	}

	exportTable(): Table {
		return {
			headers: [
				t('bom.item'),
				t('bom.version'),
				t('bom.effectiveFrom'),
				t('bom.components'),
				t('bom.routing')
			],
			rows: this.shown.map((r) => [
				`${r.code} ${r.name}`,
				r.shown.version,
				r.shown.effectiveFrom || t('bom.always'),
				r.shown.lines.length,
				fmtNumber(r.minutes)
			])
		};
	}

	close(): void {
		this.data.close();
	}
}

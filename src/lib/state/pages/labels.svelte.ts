// View model of the label page: which labels to print (items, bins or lots), in which
// barcode symbology and label size. Each label carries the text its barcode encodes — the
// same text the scanners resolve (`resolveScan`): SKU or barcode, bin code, `<SKU>|<lot>`.

import { compareLocationCodes } from '../../domain/picking/walk-order';
import { lotLabelCode } from '../../domain/scanning/resolve';
import type { WorkspaceState } from '../workspace.svelte';
import type { WarehouseFloor } from './warehouse-floor.svelte';

export type LabelKind = 'item' | 'location' | 'lot';
export type Symbology = 'code128' | 'qrcode';

export type LabelSizeId = '50x30' | '100x50' | 'a4-3x8';

export interface LabelSize {
	id: LabelSizeId;
	widthMm: number;
	heightMm: number;
	/** Labels per printed page: 1 for a label printer roll, 24 for an A4 sheet of 3 × 8. */
	columns: number;
	rows: number;
	/** The printed page, for `@page { size }`. */
	pageWidthMm: number;
	pageHeightMm: number;
}

export const LABEL_SIZES: readonly LabelSize[] = [
	{
		id: '50x30',
		widthMm: 50,
		heightMm: 30,
		columns: 1,
		rows: 1,
		pageWidthMm: 50,
		pageHeightMm: 30
	},
	{
		id: '100x50',
		widthMm: 100,
		heightMm: 50,
		columns: 1,
		rows: 1,
		pageWidthMm: 100,
		pageHeightMm: 50
	},
	{
		id: 'a4-3x8',
		widthMm: 70,
		heightMm: 37,
		columns: 3,
		rows: 8,
		pageWidthMm: 210,
		pageHeightMm: 297
	}
];

export interface Label {
	key: string;
	/** What the barcode encodes. */
	code: string;
	title: string;
	subtitle: string;
	extra?: string;
}

export interface LabelOption {
	key: string;
	label: string;
}

export class LabelSheet {
	kind = $state<LabelKind>('item');
	symbology = $state<Symbology>('code128');
	sizeId = $state<LabelSizeId>('50x30');
	warehouseId = $state('');
	selected = $state<string[]>([]);

	size: LabelSize = $derived(
		LABEL_SIZES.find((s) => s.id === this.sizeId) ?? (LABEL_SIZES[0] as LabelSize)
	);

	/** Every label the current kind can print, keyed for selection. */
	all: Label[] = $derived.by(() => {
		switch (this.kind) {
			case 'item':
				return this.ws.items
					.filter((i) => i.active)
					.sort((a, b) => a.code.localeCompare(b.code))
					.map((i) => ({ key: i.id, code: i.barcode || i.code, title: i.code, subtitle: i.name }));
			case 'location':
				return this.ws.locations
					.filter((l) => l.active && (!this.warehouseId || l.warehouseId === this.warehouseId))
					.sort((a, b) => compareLocationCodes(a.code, b.code))
					.map((l) => ({
						key: l.id,
						code: l.code,
						title: l.code,
						subtitle: [this.ws.warehouse(l.warehouseId)?.code, l.name].filter(Boolean).join(' · ')
					}));
			case 'lot':
				return this.floor
					.allLots()
					.filter((lot) => lot.onHand > 0) // labels are for stock on the shelf
					.flatMap((lot) => {
						const item = this.ws.item(lot.itemId);
						if (!item) return [];
						return [
							{
								key: `${lot.itemId}|${lot.lot}`,
								code: lotLabelCode(item.code, lot.lot),
								title: `${item.code} · ${lot.lot}`,
								subtitle: item.name,
								extra: lot.expiry
							}
						];
					})
					.sort((a, b) => a.title.localeCompare(b.title));
		}
	});

	labels: Label[] = $derived.by(() => {
		return this.all.filter((l) => this.selected.includes(l.key));
	});

	/** The selected labels cut into printed pages (one label per page on a roll). */
	pages: Label[][] = $derived.by(() => {
		const perPage = this.size.columns * this.size.rows;
		const out: Label[][] = [];
		for (let i = 0; i < this.labels.length; i += perPage)
			out.push(this.labels.slice(i, i + perPage));
		return out;
	});

	warehouses = $derived.by(() =>
		[...this.ws.warehouses].sort((a, b) => a.code.localeCompare(b.code))
	);

	/** `?all=1` selects everything once the list has loaded (lots come from the ledgers). */
	private selectAllPending = false;

	constructor(
		private readonly ws: WorkspaceState,
		private readonly floor: WarehouseFloor
	) {}

	/** The page's query: `?kind=item|location|lot` and `?all=1`. */
	applyQuery(query: { kind: string | null; all: string | null }): void {
		if (query.kind === 'item' || query.kind === 'location' || query.kind === 'lot')
			this.kind = query.kind;
		this.selectAllPending = query.all === '1';
	}

	/** From an effect: carries out a pending `?all=1` once there is something to select. */
	selectAllWhenLoaded(): void {
		if (this.selectAllPending && this.all.length > 0) {
			this.selectAllPending = false;
			this.selectAll();
		}
	}

	/** Another kind of label starts with nothing selected. */
	changeKind(kind: LabelKind): void {
		this.kind = kind;
		this.clear();
	}

	selectAll(): void {
		this.selected = this.all.map((l) => l.key);
	}

	clear(): void {
		this.selected = [];
	}
}

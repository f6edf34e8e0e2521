// View model of the items import page: the tabular import wired to the items importer and
// commands, the preview's columns and the CSV template in the user's language.
import type { Item } from '../../domain/catalog/entities';
import { itemsImporter, type ItemCsvColumn } from '../../domain/csv/items-csv';
import { tableToCsv } from '../../domain/tabular/export';
import { importItemsCsv, previewItemsCsv } from '../../commands/import-items';
import { t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { TabularImport } from './tabular-import.svelte';

const TEMPLATE_ROWS: Record<'zh' | 'en', (string | number)[][]> = {
	zh: [
		['A-100', '不鏽鋼螺絲 M6', '個', '五金', 500, 800, 5000, 0, '4710000000017', '1.20', '否'],
		['B-200', '包裝紙箱 40x30', '箱', '包材', 50, 80, 600, 0, '', '18.50', '否']
	],
	en: [
		[
			'A-100',
			'Stainless screw M6',
			'pcs',
			'Hardware',
			500,
			800,
			5000,
			0,
			'4710000000017',
			'1.20',
			'no'
		],
		['B-200', 'Carton 40x30', 'box', 'Packaging', 50, 80, 600, 0, '', '18.50', 'no']
	]
};

export class ItemsImportModel extends TabularImport<ItemCsvColumn, Item> {
	readonly canEdit: boolean;

	constructor(ws: WorkspaceState) {
		super(ws, itemsImporter, {
			preview: (ctx, source) => previewItemsCsv(ctx, source),
			commit: (ctx, preview) => importItemsCsv(ctx, preview)
		});
		this.canEdit = ws.canWrite('catalog') && ws.canWriteRecord('item');
	}

	readonly columns = $derived([
		t('item.code'),
		t('item.name'),
		t('item.unit'),
		t('item.category'),
		t('item.safetyStock')
	]);

	readonly shownRows = $derived(
		this.rowsOf().map((r) => ({
			row: r.row,
			action: r.action,
			cells: [r.input.code, r.input.name, r.input.unit, r.input.category, r.input.safetyStock]
		}))
	);

	/** A CSV template whose header row and examples are in the user's language. */
	templateCsv(zh: boolean): string {
		return tableToCsv({ headers: this.templateHeaders(), rows: TEMPLATE_ROWS[zh ? 'zh' : 'en'] });
	}
}

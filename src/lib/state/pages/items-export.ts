// The items list as a table for ExportButton: the rows the list shows (search and the
// inactive filter applied), with the same columns and translated headers.
import type { Item } from '../../domain/catalog/entities';
import type { ItemStock } from '../../domain/ledger/summary';
import type { Table } from '../../domain/tabular/table';
import { t } from '../../i18n';

export function itemsExportTable(
	items: readonly Item[],
	stockById: ReadonlyMap<string, ItemStock>
): Table {
	return {
		headers: [
			t('item.code'),
			t('item.name'),
			t('item.category'),
			t('item.unit'),
			t('item.onHand'),
			t('item.safetyStock'),
			t('item.status')
		],
		rows: items.map((item) => {
			const stock = stockById.get(item.id);
			return [
				item.code,
				item.name,
				item.category,
				item.unit,
				stock?.onHand ?? 0,
				item.safetyStock,
				item.active ? t(`status.${stock?.status ?? 'out'}`) : t('common.inactive')
			];
		})
	};
}

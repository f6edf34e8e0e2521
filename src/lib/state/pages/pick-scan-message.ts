// What the pick page says after a scan: the sheet's outcome in the clerk's language (the bin to go
// to, what was picked, the lot that was wanted).
import type { ScanOutcome, SheetRow } from '../../domain/picking/pick-sheet';
import { fmtNumber, t } from '../../i18n';

export interface ItemNames {
	itemCode(itemId: string): string;
	unitOf(itemId: string): string;
}

export function scanMessage(
	outcome: ScanOutcome,
	code: string,
	names: ItemNames
): { tone: 'ok' | 'error'; text: string } {
	const place = (row: SheetRow) => row.locationCode || t('movement.noLocation');
	switch (outcome.kind) {
		case 'at-bin':
			return {
				tone: 'ok',
				text: t('pickq.atBin', {
					bin: outcome.rows[0]?.locationCode || t('movement.noLocation'),
					count: outcome.rows.length
				})
			};
		case 'picked':
			return {
				tone: 'ok',
				text: t('pickq.picked', {
					item: names.itemCode(outcome.row.itemId),
					qty: fmtNumber(outcome.row.qty),
					unit: names.unitOf(outcome.row.itemId)
				})
			};
		case 'not-on-sheet':
			return { tone: 'error', text: t(`pickq.notOnSheet.${outcome.what}`, { code }) };
		case 'go-to-bin':
			return { tone: 'error', text: t('pickq.goToBin', { bin: place(outcome.row) }) };
		case 'wrong-lot':
			return {
				tone: 'error',
				text: t('pickq.wrongLot', {
					lot: outcome.row.lot,
					expiry: outcome.row.expiry ?? '—',
					scanned: outcome.scannedLot
				})
			};
		case 'lot-needed':
			return { tone: 'error', text: t('pickq.lotNeeded', { lot: outcome.row.lot }) };
		case 'unknown':
			return { tone: 'error', text: t('pickq.unknown', { code }) };
	}
}

// View model of lot traceability: the items that have lots, the lots of the chosen item
// (earliest expiry first), the chosen lot's facts, and its trace: where it came from
// (receipts) and everywhere it went, in clock order.

import type { Item } from '../../domain/catalog/entities';
import type { Movement } from '../../domain/ledger/movement';
import type { LotSummary } from '../../domain/lots/lot-fold';
import type { LotTrace } from '../../domain/lots/trace';
import type { Table } from '../../domain/tabular/table';
import { fmtStamp, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { placeLabel } from './place-label';
import { WarehouseFloor } from './warehouse-floor.svelte';

export class LotTracePage {
	private readonly floor: WarehouseFloor;

	itemId = $state('');
	lot = $state('');

	readonly lotItems: Item[] = $derived.by(() => {
		const ids = this.floor.allLots().map((l) => l.itemId);
		return this.ws.items
			.filter((i) => ids.includes(i.id))
			.sort((a, b) => a.code.localeCompare(b.code));
	});
	readonly lots: LotSummary[] = $derived.by(() =>
		this.itemId ? this.floor.lotsOf(this.itemId) : []
	);
	readonly summary: LotSummary | undefined = $derived.by(() =>
		this.lots.find((l) => l.lot === this.lot)
	);
	readonly trace: LotTrace | null = $derived.by(() =>
		this.itemId && this.lot ? this.floor.trace(this.itemId, this.lot) : null
	);
	readonly item: Item | undefined = $derived.by(() => this.ws.item(this.itemId));

	constructor(
		private readonly ws: WorkspaceState,
		/** The `?item=…&lot=…` of a link from the alerts page. */
		initial: { itemId: string | null; lot: string | null }
	) {
		this.floor = new WarehouseFloor(ws);
		this.itemId = initial.itemId ?? '';
		this.lot = initial.lot ?? '';
	}

	/** From an effect: fall back to the first item with lots, then to its first lot. */
	defaults(): void {
		if (!this.itemId && this.lotItems[0]) this.itemId = this.lotItems[0].id;
		if (this.lots.length > 0 && !this.lots.some((l) => l.lot === this.lot))
			this.lot = this.lots[0]?.lot ?? '';
	}

	place(m: Movement): string {
		return placeLabel(this.ws, m);
	}

	/** Both parts of the trace, as shown, for ExportButton. */
	exportTable(): Table {
		const trace = this.trace;
		const rows = (part: string, list: readonly Movement[]) =>
			list.map((m) => [
				part,
				fmtStamp(m.at),
				t(`reason.${m.reason}`),
				this.place(m),
				m.qty,
				m.ref ?? '',
				m.user
			]);
		return {
			headers: [
				t('lots.part'),
				t('lots.when'),
				t('lots.what'),
				t('lots.where'),
				t('field.qty'),
				t('lots.ref'),
				t('lots.who')
			],
			rows: trace
				? [
						...(trace.carriedIn
							? [
									[
										t('lots.origins'),
										trace.carriedIn.firstReceivedAt
											? fmtStamp(trace.carriedIn.firstReceivedAt)
											: '',
										t('lots.carriedIn', {
											qty: trace.carriedIn.qty,
											unit: this.item?.unit ?? '',
											month: trace.carriedIn.closedMonth
										}),
										'',
										trace.carriedIn.qty,
										'',
										''
									]
								]
							: []),
						...rows(t('lots.origins'), trace.origins),
						...rows(t('lots.flow'), trace.flow)
					]
				: []
		};
	}
}

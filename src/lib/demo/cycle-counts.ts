// Monthly cycle counts at the branches (台中倉, 高雄倉), written through the stocktake
// commands so that inventory accuracy (matching count lines / counted lines, target 98 %) has a
// year of history (issue 19, point 7). A counter mostly finds what the book says; now and then
// a unit is missing (breakage nobody recorded) or there is one too many (a return put back
// without paperwork), and approving the count posts the difference as a `count` movement.
//
// The main warehouse is not counted here: the sales history is written after the trading
// simulation and ships from it with earlier stamps, which would change a count's book after
// its approval (and every device would then post a correction). Nothing is written into the
// branches later with an earlier stamp except the last week's open orders, so no count is
// taken in the last eight days before "now".

import type { CommandContext } from '../commands/context';
import { approveCount } from '../commands/stocktake/approval';
import {
	openCount,
	recordCountLines,
	submitCount,
	type CountLineInput
} from '../commands/stocktake/stocktake';
import { applyMovement, type Balance } from '../domain/ledger/fold';
import type { Prng } from '../domain/random/prng';
import type { Sku } from './skus';
import type { PlaceResolver, StockMirror } from './stock-mirror';

/** Items counted per branch per month, and the chance that one of them is off by a unit. */
const ITEMS_PER_COUNT = 24;
const MISS_RATE = 0.025;

/**
 * Counts `ITEMS_PER_COUNT` stocked items of warehouse `wi` (every lot in their bin), approves
 * the count and keeps the mirror and the simulation's balances in step with what it posted.
 * Returns the number of movements posted.
 */
export function cycleCount(
	ctx: CommandContext,
	stock: StockMirror,
	places: PlaceResolver,
	skus: readonly Sku[],
	balances: Map<string, Balance>,
	wi: number,
	prng: Prng
): number {
	const warehouse = places.warehouses[wi];
	if (!warehouse) return 0;
	const counted = prng.shuffle([...skus]).filter((sku) => stock.onHand(sku, wi) > 0);
	const lines: CountLineInput[] = [];
	for (const sku of counted.slice(0, ITEMS_PER_COUNT)) {
		const locationId = places.binOf(sku, wi);
		const byLot = new Map<string, number>();
		for (const l of stock.lotsAt(sku, wi)) byLot.set(l.lot, (byLot.get(l.lot) ?? 0) + l.qty);
		if (prng.chance(MISS_RATE)) {
			// The mirror picks the lot the difference lands on; the counter finds it there.
			const delta = prng.chance(0.75) ? -1 : 1;
			const [adjusted] = stock.adjust(sku, wi, warehouse.id, locationId, delta, prng);
			if (adjusted?.kind === 'adjustment') {
				const lot = adjusted.input.lot ?? '';
				byLot.set(lot, (byLot.get(lot) ?? 0) + adjusted.input.qtyDelta);
			}
		}
		for (const [lot, qty] of byLot)
			lines.push({ itemId: sku.id, locationId, lot, countedQty: Math.round(qty * 1000) / 1000 });
	}
	if (lines.length === 0) return 0;
	const header = openCount(ctx, {
		warehouseId: warehouse.id,
		kind: 'cycle',
		blind: true,
		scopeItemIds: [...new Set(lines.map((l) => l.itemId))],
		note: '月底循環盤點'
	});
	recordCountLines(ctx, header.id, lines);
	submitCount(ctx, header.id);
	const posted = approveCount(ctx, header.id);
	for (const m of posted) applyMovement(balances, m);
	return posted.length;
}

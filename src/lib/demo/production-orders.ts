// The big orders that make the plant's morning plan real (issue 18, point 8): a corporate
// customer's Lunar New Year gift boxes and a year-end banquet order, confirmed this week for
// delivery in three to five weeks. They exceed the boxes on hand, so `stockflow plan` and the
// planning page show planned work orders (boxes, then the semi-finished pastries and cans) and
// planned purchases of raw material and packaging, pegged to these orders. Through the sales
// commands, with the company's real balances (not the plant's own fold).

import { createHlc } from '../domain/clock/hlc';
import { createIdGenerator } from '../domain/ids';
import { onHandOf } from '../domain/ledger/fold';
import { createPrng } from '../domain/random/prng';
import { readItems } from '../doc/catalog-doc';
import { currentBalances } from '../commands/access';
import type { CommandContext, WorkspaceDocs } from '../commands/context';
import { createCustomer } from '../commands/customers';
import { createOrder } from '../commands/orders/create';
import { confirmOrder } from '../commands/orders/transitions';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** [gift box code, boxes beyond what is on hand] per order. */
const ORDERS = [
	{
		note: '春節員工禮盒 (年前到貨)',
		inDays: 34,
		lines: [
			['GFT-PA-CORP', 360],
			['GFT-NU-CORP', 240],
			['GFT-YS-CORP', 180]
		]
	},
	{
		note: '尾牙摸彩禮品',
		inDays: 20,
		lines: [
			['GFT-YS-LUX', 60],
			['GFT-TE-LUX', 40]
		]
	}
] as const;

export interface CorporateOrdersOptions {
	seed: number;
	nowMs: number;
	mainWarehouseId: string;
}

/** Returns the number of orders written (0 when the gift boxes are not in the catalog). */
export function seedCorporateGiftOrders(docs: WorkspaceDocs, opts: CorporateOrdersOptions): number {
	const prng = createPrng(opts.seed ^ 0xc0de);
	const today = Math.floor((opts.nowMs - 10 * HOUR_MS) / DAY_MS) * DAY_MS;
	// Confirmed this morning, a few hours before "now".
	let simMs = Math.min(today + 2 * HOUR_MS, opts.nowMs - 3 * HOUR_MS);
	const ctx: CommandContext = {
		docs,
		clock: createHlc('demo.desk', () => (simMs += 20_000)),
		ids: createIdGenerator({ nowMs: () => simMs, random: prng.next }),
		user: 'demo',
		role: 'admin'
	};
	const items = new Map(readItems(docs.catalog).map((i) => [i.code, i]));
	const balances = currentBalances(ctx);
	const customer = createCustomer(ctx, {
		code: 'C-CORP-01',
		name: '竹科晶研科技 職工福利委員會',
		contact: '黃專員',
		phone: '03-578-2266',
		creditTermsDays: 60,
		priceLevel: 'wholesale'
	});
	let written = 0;
	for (const spec of ORDERS) {
		const lines = spec.lines.flatMap(([code, extra]) => {
			const item = items.get(code);
			if (!item) return [];
			const onHand = onHandOf(balances, { itemId: item.id, warehouseId: opts.mainWarehouseId });
			// Round to whole cartons of ten, as a welfare committee orders.
			const qty = Math.ceil((Math.max(0, onHand) + extra) / 10) * 10;
			return [
				{
					itemId: item.id,
					qty,
					unitPriceCents: Math.max(100, Math.round(item.standardCostCents * 1.25)),
					discountPct: 8
				}
			];
		});
		if (lines.length === 0) continue;
		const order = createOrder(ctx, {
			customerId: customer.id,
			warehouseId: opts.mainWarehouseId,
			requestedDate: isoDay(today + spec.inDays * DAY_MS),
			notes: spec.note,
			lines
		});
		confirmOrder(ctx, order.id, { backorder: true });
		written++;
	}
	return written;
}

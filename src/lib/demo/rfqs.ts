// Requests for quotation in the demo company: one answered by two suppliers (one typed, one
// imported from its price list) and waiting for the buyer to compare and award, and one just
// sent, so the RFQ pages and the comparison open on real data.

import { createHlc } from '../domain/clock/hlc';
import { createIdGenerator } from '../domain/ids';
import { createPrng } from '../domain/random/prng';
import { addDays } from '../domain/purchasing/qualification';
import type { CommandContext, WorkspaceDocs } from '../commands/context';
import { createRfq, recordQuote, requireRfq, sendRfq } from '../commands/purchasing/rfq';
import { DEVICE } from './purchase-history';
import type { Sku } from './skus';

const DAY = 86_400_000;

export function seedDemoRfqs(
	docs: WorkspaceDocs,
	opts: {
		seed: number;
		nowMs: number;
		warehouseId: string;
		skus: readonly Sku[];
		/** Supplier ids: the family's own supplier of the SKUs, and an alternate that quotes. */
		mainOf: (sku: Sku) => string | undefined;
		alternateId: string;
		blockedId: string;
	}
): number {
	let ms = opts.nowMs - 3 * DAY;
	const ctx: CommandContext = {
		docs,
		clock: createHlc(DEVICE, () => ms),
		ids: createIdGenerator({ nowMs: () => ms, random: createPrng(opts.seed ^ 0x7f).next }),
		user: 'demo',
		role: 'admin'
	};
	const today = new Date(opts.nowMs).toISOString().slice(0, 10);
	// The alternate supplies every 7th SKU from the second: quote two of them.
	const skus = opts.skus.filter((_, i) => i % 7 === 1).slice(0, 2);
	const main = skus[0] ? opts.mainOf(skus[0]) : undefined;
	if (skus.length < 2 || !main) return 0;
	const quoted = createRfq(ctx, {
		warehouseId: opts.warehouseId,
		needDate: addDays(today, 10),
		replyBy: addDays(today, -1),
		supplierIds: [main, opts.alternateId, opts.blockedId],
		lines: skus.map((s) => ({ itemId: s.id, qty: s.lineQty * 20 }))
	});
	sendRfq(ctx, quoted.id, 'print');
	const lines = requireRfq(ctx, quoted.id).rfq.lines;
	const cost = (i: number) => skus[i]?.input.standardCostCents ?? 100;
	ms += DAY;
	recordQuote(ctx, quoted.id, {
		supplierId: main,
		quotedOn: addDays(today, -2),
		validTo: addDays(today, 30),
		lines: lines.map((l, i) => ({
			lineId: l.id,
			unitPriceCents: Math.round(cost(i) * 0.97),
			leadTimeDays: 14
		}))
	});
	ms += DAY;
	recordQuote(ctx, quoted.id, {
		supplierId: opts.alternateId,
		quotedOn: addDays(today, -1),
		validTo: addDays(today, 20),
		source: 'import',
		lines: lines.flatMap((l, i) => [
			{ lineId: l.id, unitPriceCents: Math.round(cost(i) * 1.02), leadTimeDays: 4 },
			{
				lineId: l.id,
				minQty: l.qty * 2,
				unitPriceCents: Math.round(cost(i) * 0.95),
				leadTimeDays: 6
			}
		])
	});
	const third = opts.skus.filter((_, i) => i % 7 === 1)[2];
	const thirdMain = third ? opts.mainOf(third) : undefined;
	if (third && thirdMain) {
		const sent = createRfq(ctx, {
			warehouseId: opts.warehouseId,
			needDate: addDays(today, 21),
			replyBy: addDays(today, 4),
			supplierIds: [thirdMain, opts.alternateId],
			lines: [{ itemId: third.id, qty: third.lineQty * 30 }]
		});
		sendRfq(ctx, sent.id, 'print');
		return 2;
	}
	return 1;
}

import { describe, expect, it } from 'vitest';
import { createPrng } from '../random/prng';
import { foldBalances } from './fold';
import type { Movement } from './movement';
import { foldLots } from '../lots/lot-fold';
import {
	closeMonthBalances,
	nextMonth,
	openingLots,
	openingMovements,
	openingBalancesSchema,
	previousMonth
} from './period';

const MONTH_MS = (m: number) => Date.UTC(2026, m, 1);
const stamp = (ms: number, n = 0) =>
	`${String(ms).padStart(15, '0')}-${String(n).padStart(6, '0')}-d`;

function randomLedger(seed: number, count: number): Movement[] {
	const prng = createPrng(seed);
	const out: Movement[] = [];
	for (let i = 0; i < count; i++) {
		const month = prng.int(0, 2);
		const at = stamp(MONTH_MS(month) + prng.int(0, 27 * 86_400_000), i);
		const lot = prng.chance(0.5) ? `L${prng.int(1, 3)}` : undefined;
		const qty = prng.chance(0.6) ? prng.int(1, 50) : -prng.int(1, 20);
		out.push({
			id: `m${i}`,
			at,
			itemId: `i${prng.int(1, 4)}`,
			warehouseId: `w${prng.int(1, 2)}`,
			...(prng.chance(0.5) ? { locationId: `b${prng.int(1, 3)}` } : {}),
			...(lot ? { lot, expiry: `2027-0${prng.int(1, 9)}-01` } : {}),
			qty,
			reason: qty > 0 ? 'receipt' : 'issue',
			device: 'd',
			user: 'u'
		});
	}
	return out;
}

const monthOf = (m: Movement) => new Date(Number(m.at.slice(0, 15))).toISOString().slice(0, 7);

function closeChain(ledger: Movement[]) {
	const jan = ledger.filter((m) => monthOf(m) === '2026-01');
	const feb = ledger.filter((m) => monthOf(m) === '2026-02');
	const meta = { stateVector: '', closedAt: stamp(MONTH_MS(3)), closedBy: 'boss' };
	const openFeb = closeMonthBalances({ month: '2026-01', opening: null, movements: jan, ...meta });
	const openMar = closeMonthBalances({
		month: '2026-02',
		opening: openFeb,
		movements: feb,
		...meta
	});
	return { openFeb, openMar };
}

describe('period close', () => {
	it('opening of March + March movements = the fold of the whole ledger (12 seeds)', () => {
		for (let seed = 1; seed <= 12; seed++) {
			const ledger = randomLedger(seed, 300);
			const { openMar } = closeChain(ledger);
			const mar = ledger.filter((m) => monthOf(m) === '2026-03');
			const viaOpening = foldBalances([...openingMovements(openMar), ...mar]);
			const full = foldBalances(ledger);
			const nonZero = (b: Map<string, { qty: number }>) =>
				new Map([...b].filter(([, v]) => v.qty !== 0).map(([k, v]) => [k, v.qty]));
			expect(nonZero(viaOpening)).toEqual(nonZero(full));
		}
	});

	it('is the same record whatever order the month arrived in', () => {
		const ledger = randomLedger(7, 200);
		const jan = ledger.filter((m) => monthOf(m) === '2026-01');
		const meta = { stateVector: '', closedAt: stamp(MONTH_MS(3)), closedBy: 'boss' };
		const a = closeMonthBalances({ month: '2026-01', opening: null, movements: jan, ...meta });
		const b = closeMonthBalances({
			month: '2026-01',
			opening: null,
			movements: [...jan].reverse(),
			...meta
		});
		expect(b).toEqual(a);
		expect(openingBalancesSchema.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
	});

	it('carries lot expiry and first receipt so FEFO/FIFO need no closed months', () => {
		const ledger = randomLedger(3, 300);
		const { openMar } = closeChain(ledger);
		const mar = ledger.filter((m) => monthOf(m) === '2026-03');
		const full = foldLots(ledger);
		const viaOpening = foldLots([...openingMovements(openMar), ...mar], openingLots(openMar));
		for (const [key, lot] of full) {
			if (lot.onHand === 0) continue;
			const got = viaOpening.get(key);
			expect(got?.onHand).toBe(lot.onHand);
			expect(got?.expiry).toBe(lot.expiry);
			expect(got?.firstReceivedAt).toBe(lot.firstReceivedAt);
		}
	});

	it('carries each item’s last issue so slow-mover alerts see closed months', () => {
		const ledger = randomLedger(5, 300);
		const { openMar } = closeChain(ledger);
		const early = ledger.filter((m) => monthOf(m) !== '2026-03');
		const last = new Map<string, string>();
		for (const m of early)
			if (m.qty < 0 && m.reason === 'issue' && m.at > (last.get(m.itemId) ?? ''))
				last.set(m.itemId, m.at);
		expect(new Map(openMar.lastIssues)).toEqual(last);
	});

	it('refuses an opening that does not close the previous month', () => {
		const { openFeb } = closeChain(randomLedger(1, 50));
		expect(() =>
			closeMonthBalances({
				month: '2026-03',
				opening: openFeb,
				movements: [],
				stateVector: '',
				closedAt: stamp(MONTH_MS(4)),
				closedBy: 'boss'
			})
		).toThrow(/must close 2026-02/);
	});

	it('steps months across years', () => {
		expect(nextMonth('2026-12')).toBe('2027-01');
		expect(previousMonth('2027-01')).toBe('2026-12');
		expect(nextMonth('2026-09')).toBe('2026-10');
	});
});

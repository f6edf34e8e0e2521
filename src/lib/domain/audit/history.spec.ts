import { describe, expect, it } from 'vitest';
import { formatStamp } from '../clock/hlc';
import {
	auditEntriesFor,
	auditEntrySchema,
	sameValue,
	type AuditEntry,
	type AuditMeta
} from './entry';
import { auditFacets, entriesAbout, filterAudit, recordHistory, trailStartMs } from './history';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 9, 0);

function meta(user: string, ms: number, command = 'updateItem'): AuditMeta {
	let n = 0;
	return {
		nextId: () => `${user}-${ms}-${n}`,
		at: () => formatStamp({ wallMs: ms, counter: n++, device: 'dev1' }),
		user,
		device: 'dev1',
		command
	};
}

const bolt = { code: 'BOLT', name: 'Bolt', standardCostCents: 1200, active: true };

describe('auditEntriesFor', () => {
	it('records a creation as one entry holding the first values', () => {
		const [entry, ...rest] = auditEntriesFor(meta('chen', T0), 'item', 'i1', null, bolt);
		expect(rest).toEqual([]);
		expect(entry).toMatchObject({ action: 'create', user: 'chen', new: bolt });
		expect(auditEntrySchema.safeParse(entry).success).toBe(true);
	});

	it('records each changed field with its old and new value, and nothing unchanged', () => {
		const after = { ...bolt, standardCostCents: 1250, name: 'Bolt' };
		const entries = auditEntriesFor(meta('chen', T0), 'item', 'i1', bolt, after);
		expect(entries.map((e) => [e.field, e.old, e.new])).toEqual([
			['standardCostCents', 1200, 1250]
		]);
	});

	it('a cost change of exactly one cent is a change; the same value is none', () => {
		const one = auditEntriesFor(meta('chen', T0), 'item', 'i1', bolt, {
			...bolt,
			standardCostCents: 1201
		});
		expect(one).toHaveLength(1);
		expect(auditEntriesFor(meta('chen', T0), 'item', 'i1', bolt, { ...bolt })).toEqual([]);
	});

	it('names deactivation and reactivation, and a cleared field has no new value', () => {
		const entries = auditEntriesFor(
			meta('chen', T0),
			'item',
			'i1',
			{ ...bolt, barcode: '471' },
			{ ...bolt, active: false }
		);
		expect(entries.map((e) => [e.action, e.field, e.old, 'new' in e])).toEqual([
			['deactivate', 'active', true, true],
			['change', 'barcode', '471', false]
		]);
		const back = auditEntriesFor(
			meta('chen', T0),
			'item',
			'i1',
			{ active: false },
			{ active: true }
		);
		expect(back[0]?.action).toBe('reactivate');
	});

	it('compares nested values by content, not key order', () => {
		expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
		expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
		expect(sameValue([1, 2], [2, 1])).toBe(false);
	});
});

describe('auditEntrySchema', () => {
	const good = auditEntriesFor(meta('chen', T0), 'item', 'i1', bolt, { ...bolt, name: 'Hex' })[0];

	it('refuses an entry without a stamp, a create naming a field, a change naming none', () => {
		expect(auditEntrySchema.safeParse(good).success).toBe(true);
		expect(auditEntrySchema.safeParse({ ...good, at: '2026-12-01' }).success).toBe(false);
		expect(auditEntrySchema.safeParse({ ...good, field: undefined }).success).toBe(false);
		expect(auditEntrySchema.safeParse({ ...good, action: 'create' }).success).toBe(false);
		expect(auditEntrySchema.safeParse({ ...good, record: 'movement' }).success).toBe(false);
	});
});

describe('recordHistory', () => {
	const created = auditEntriesFor(meta('chen', T0), 'item', 'i1', null, bolt);
	const costUp = auditEntriesFor(meta('lin', T0 + DAY), 'item', 'i1', bolt, {
		...bolt,
		standardCostCents: 1300
	});
	const other = auditEntriesFor(meta('wang', T0 + 2 * DAY), 'customer', 'c1', null, { code: 'C' });

	it('is complete when the trail holds the creation, newest first', () => {
		const h = recordHistory([...created, ...costUp, ...other], 'item', 'i1');
		expect(h.coverage).toEqual({ kind: 'complete' });
		expect(h.entries.map((e) => e.user)).toEqual(['lin', 'chen']);
	});

	it('says from when on it knows a record created before the trail', () => {
		const h = recordHistory([...costUp, ...other], 'item', 'i1');
		expect(h.coverage).toEqual({ kind: 'since', sinceMs: T0 + DAY });
		expect(h.entries).toHaveLength(1);
		const untouched = recordHistory([...costUp], 'item', 'i9');
		expect(untouched).toEqual({ entries: [], coverage: { kind: 'since', sinceMs: T0 + DAY } });
		expect(recordHistory([], 'item', 'i1').coverage).toEqual({ kind: 'none' });
	});

	it('orders by stamp, not by position, and counts a duplicate once', () => {
		const h = recordHistory([...costUp, ...created, ...costUp], 'item', 'i1');
		expect(h.entries.map((e) => e.action)).toEqual(['change', 'create']);
	});

	it('gathers the entries of related records (a supplier’s prices), newest first', () => {
		const price = auditEntriesFor(meta('li', T0 + 3 * DAY), 'priceList', 'p1', null, {
			supplierId: 's1'
		});
		const all = [...created, ...price, ...costUp, ...other];
		const about = entriesAbout(all, [
			{ record: 'priceList', id: 'p1' },
			{ record: 'item', id: 'i1' }
		]);
		expect(about.map((e) => `${e.user} ${e.record}`)).toEqual([
			'li priceList',
			'lin item',
			'chen item'
		]);
		expect(entriesAbout(all, [{ record: 'customer', id: 'i1' }])).toEqual([]);
	});
});

describe('filterAudit', () => {
	const all: AuditEntry[] = [
		...auditEntriesFor(meta('chen', T0), 'item', 'i1', null, bolt),
		...auditEntriesFor(meta('lin', T0 + DAY), 'item', 'i1', bolt, {
			...bolt,
			standardCostCents: 9
		}),
		...auditEntriesFor(
			meta('lin', T0 + 2 * DAY),
			'supplier',
			's1',
			{ 'items.i1': { p: 1 } },
			{
				'items.i1': { p: 2 }
			}
		)
	];

	it('filters by kind, user, field (a nested field by its map) and date range', () => {
		expect(filterAudit(all, { record: 'item' })).toHaveLength(2);
		expect(filterAudit(all, { user: 'lin' }).map((e) => e.record)).toEqual(['supplier', 'item']);
		expect(filterAudit(all, { field: 'standardCostCents' })).toHaveLength(1);
		expect(filterAudit(all, { field: 'items' })).toHaveLength(1);
		expect(filterAudit(all, { field: 'item' })).toHaveLength(0);
	});

	it('includes an entry exactly at the start bound and excludes one exactly at the end', () => {
		expect(filterAudit(all, { fromMs: T0 + DAY, toMs: T0 + 2 * DAY }).map((e) => e.user)).toEqual([
			'lin'
		]);
		expect(filterAudit(all, { fromMs: T0 + DAY + 1 })).toHaveLength(1);
	});

	it('lists the users and fields that occur, and where the trail starts', () => {
		expect(auditFacets(all)).toEqual({
			users: ['chen', 'lin'],
			fields: ['items', 'standardCostCents']
		});
		expect(trailStartMs(all)).toBe(T0);
	});
});

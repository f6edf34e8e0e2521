import { describe, expect, it } from 'vitest';
import { startPostgresWriter, type BatchRow } from './postgres-writer';

/** A fake database: each batch waits until the test commits it, and gets the next seqs. */
function fakeDatabase() {
	const batches: { docs: string[]; commit(): void; fail(err: Error): void }[] = [];
	let seq = 0;
	const commit = (rows: readonly BatchRow[]): Promise<number[]> =>
		new Promise((resolve, reject) => {
			batches.push({
				docs: rows.map((r) => r.doc),
				commit: () => resolve(rows.map(() => ++seq)),
				fail: reject
			});
		});
	return { batches, commit };
}

const row = (doc: string): BatchRow => ({ workspace: 'acme', doc, data: Buffer.from(doc) });
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('Postgres group commit', () => {
	it('starts a batch for another room while one is in flight, and a third only when one of two settled', async () => {
		const db = fakeDatabase();
		const writer = startPostgresWriter(db.commit, { maxInFlight: 2 });
		const first = [writer.append(row('a')), writer.append(row('b'))];
		await settle();
		expect(db.batches.map((b) => b.docs)).toEqual([['a', 'b']]);

		// Arrives during the first commit: its own batch starts at once, not after the first.
		const second = writer.append(row('c'));
		await settle();
		expect(db.batches.map((b) => b.docs)).toEqual([['a', 'b'], ['c']]);

		// Two in flight: the next waits, and everything that arrives meanwhile goes with it.
		const third = [writer.append(row('d')), writer.append(row('e'))];
		await settle();
		expect(db.batches).toHaveLength(2);
		db.batches[1]?.commit();
		expect(await second).toBe(1);
		await settle();
		expect(db.batches.map((b) => b.docs)).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
		db.batches[0]?.commit();
		db.batches[2]?.commit();
		expect(await Promise.all([...first, ...third])).toEqual([2, 3, 4, 5]);
	});

	it("keeps a room's rows in one batch in flight at a time, so they commit in the order appended", async () => {
		const db = fakeDatabase();
		const writer = startPostgresWriter(db.commit, { maxInFlight: 2 });
		const a1 = writer.append(row('a'));
		await settle();
		// `a` is in flight: its next row waits for that commit; `b` goes now.
		const a2 = writer.append(row('a'));
		const b1 = writer.append(row('b'));
		await settle();
		expect(db.batches.map((b) => b.docs)).toEqual([['a'], ['b']]);
		db.batches[1]?.commit();
		await b1;
		await settle();
		expect(db.batches).toHaveLength(2);
		db.batches[0]?.commit();
		await settle();
		expect(db.batches.map((b) => b.docs)).toEqual([['a'], ['b'], ['a']]);
		db.batches[2]?.commit();
		const [s1, s2] = await Promise.all([a1, a2]);
		expect(s1).toBeLessThan(s2 ?? 0);
	});

	it('runs an exclusive task after the batches before it and before the appends after it', async () => {
		const db = fakeDatabase();
		const writer = startPostgresWriter(db.commit, { maxInFlight: 2 });
		const events: string[] = [];
		const before = writer.append(row('a')).then(() => events.push('a stored'));
		await settle();
		const task = writer.exclusive(async () => {
			events.push('task');
			return 7;
		});
		const after = writer.append(row('b')).then(() => events.push('b stored'));
		await settle();
		// `b` is another room, yet it waits behind the task, which waits for `a`.
		expect(db.batches.map((b) => b.docs)).toEqual([['a']]);
		db.batches[0]?.commit();
		expect(await task).toBe(7);
		await settle();
		expect(db.batches.map((b) => b.docs)).toEqual([['a'], ['b']]);
		db.batches[1]?.commit();
		await Promise.all([before, after]);
		expect(events).toEqual(['a stored', 'task', 'b stored']);
	});

	it('lets no append pass an exclusive task, even while the row before the task waits for its room', async () => {
		const db = fakeDatabase();
		const writer = startPostgresWriter(db.commit, { maxInFlight: 2 });
		const a1 = writer.append(row('a'));
		await settle();
		const a2 = writer.append(row('a'));
		const task = writer.exclusive(async () => 'swapped');
		const b = writer.append(row('b'));
		await settle();
		expect(db.batches.map((x) => x.docs)).toEqual([['a']]);
		db.batches[0]?.commit();
		await settle();
		expect(db.batches.map((x) => x.docs)).toEqual([['a'], ['a']]);
		db.batches[1]?.commit();
		expect(await task).toBe('swapped');
		await settle();
		expect(db.batches.map((x) => x.docs)).toEqual([['a'], ['a'], ['b']]);
		db.batches[2]?.commit();
		expect(await Promise.all([a1, a2, b])).toEqual([1, 2, 3]);
	});

	it('drains what was issued before, not what comes after; a failed batch fails only its rows', async () => {
		const db = fakeDatabase();
		const writer = startPostgresWriter(db.commit, { maxInFlight: 2 });
		const failing = writer.append(row('a'));
		await settle();
		let drained = false;
		const drain = writer.drain().then(() => (drained = true));
		const later = writer.append(row('b'));
		await settle();
		expect(drained).toBe(false);
		db.batches[0]?.fail(new Error('connection lost'));
		await expect(failing).rejects.toThrow('connection lost');
		await drain;
		expect(drained).toBe(true);
		db.batches[1]?.commit();
		expect(await later).toBe(1);
	});

	it('splits a backlog into batches of at most maxRows', async () => {
		const db = fakeDatabase();
		const writer = startPostgresWriter(db.commit, { maxRows: 2, maxInFlight: 1 });
		const all = ['a', 'b', 'c', 'd', 'e'].map((doc) => writer.append(row(doc)));
		for (let i = 0; i < 3; i++) {
			await settle();
			db.batches[i]?.commit();
		}
		expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5]);
		expect(db.batches.map((b) => b.docs)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
	});
});

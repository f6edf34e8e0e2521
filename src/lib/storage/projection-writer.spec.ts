import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ProjectionDb, SCHEMA_META_KEY } from './projection-db';
import { createProjectionWriter } from './projection-writer';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('projection writer', () => {
	it('holds batches (nothing finalized, nothing written) until the hold is ready', async () => {
		const db = new ProjectionDb('writer-hold');
		await db.open();
		const writer = createProjectionWriter(db, (error) => {
			throw error;
		});
		let open: () => void = () => {};
		let asked = 0;
		writer.holdUntil(() => {
			asked++;
			return new Promise<void>((resolve) => (open = resolve));
		});
		let finalized = 0;
		writer.current().checkpoints.set(SCHEMA_META_KEY, { doc: SCHEMA_META_KEY, schemaVersion: 1 });
		writer.schedule(() => finalized++);
		writer.cut();
		await tick();
		await tick();
		expect(asked).toBe(1); // the first batch that had to wait asked for the hold's end
		expect(finalized).toBe(0);
		expect(await db.meta.count()).toBe(0);

		open();
		await writer.idle();
		expect(finalized).toBe(1);
		expect(await db.meta.count()).toBe(1);
		db.close();
	});

	it('writes at the next flush once released', async () => {
		const db = new ProjectionDb('writer-release');
		await db.open();
		const writer = createProjectionWriter(db, (error) => {
			throw error;
		});
		writer.holdUntil(() => new Promise<void>(() => {}));
		writer.release();
		writer.current().checkpoints.set(SCHEMA_META_KEY, { doc: SCHEMA_META_KEY, schemaVersion: 1 });
		writer.schedule(() => {});
		await writer.idle();
		expect(await db.meta.count()).toBe(1);
		db.close();
	});
});

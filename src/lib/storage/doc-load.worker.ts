// Reads a doc's stored records from IndexedDB and chunks them (doc-chunks.ts) off the main
// thread; the chunks go back as transferred buffers (doc-loader.ts).

import { chunkRecords } from './doc-chunks';
import type { DocLoadReply, DocLoadRequest } from './doc-loader';
import { openDocDb, readUpdateRecords } from './raw-idb';

async function load({ id, dbName }: DocLoadRequest): Promise<DocLoadReply> {
	const opened = await openDocDb(dbName);
	if (!opened.ok) return { id, ok: false, reason: opened.reason };
	try {
		const { values, lastKey } = await readUpdateRecords(opened.db);
		return { id, ok: true, lastKey, stored: values.length, ...chunkRecords(values) };
	} catch (error) {
		return { id, ok: false, reason: `read failed: ${String(error)}` };
	} finally {
		opened.db.close();
	}
}

// Not outside data: doc-loader.ts (same build) posts only `satisfies DocLoadRequest` messages.
self.onmessage = (event: MessageEvent<DocLoadRequest>) => {
	void load(event.data).then((reply) =>
		self.postMessage(reply, { transfer: reply.ok ? reply.chunks.map((c) => c.buffer) : [] })
	);
};

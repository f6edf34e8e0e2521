// A doc's stored records turned into updates small enough to apply one per task. Applying a
// year's orders doc (megabytes, tens of thousands of structs) is one Y.applyUpdate of several
// hundred ms; here a copy of the doc (built off the main thread, doc-load.worker.ts) is written
// out as a sequence of V1 updates of about `chunkBytes` each, in an order where every struct
// comes after the structs it needs (its left and right origins, its parent), so each one
// integrates at once instead of waiting as a pending struct. The last update carries the delete
// set and whatever the copy itself held pending (a record whose dependencies are missing), which
// the app's doc then holds pending as it would have.

import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const DEFAULT_CHUNK_BYTES = 48 * 1024;

export interface ChunkedRecords {
	/** Records applied; short of all when one was unreadable (the rest still applied). */
	records: number;
	/** The first bad record's error; null when every record applied. */
	error: string | null;
	/** V1 updates, applied in order. */
	chunks: Uint8Array[];
}

/** Applies every record to a fresh doc, as the app's loader would, then chunks its state. */
export function chunkRecords(
	records: readonly unknown[],
	chunkBytes = DEFAULT_CHUNK_BYTES
): ChunkedRecords {
	const doc = new Y.Doc();
	let applied = 0;
	let error: string | null = null;
	Y.transact(doc, () => {
		for (const record of records) {
			try {
				if (!(record instanceof Uint8Array)) throw new TypeError('record is not a Uint8Array');
				Y.applyUpdate(doc, record);
				applied++;
			} catch (e) {
				error ??= String(e);
			}
		}
	});
	const chunks = encodeStateInChunks(doc, chunkBytes);
	doc.destroy();
	return { records: applied, error, chunks };
}

type Struct = Y.Item | Y.GC;

/** Ids a struct needs integrated before it (other clients' only: a client's own come in order). */
function dependencies(struct: Struct): Y.ID[] {
	if (!(struct instanceof Y.Item)) return [];
	const deps: Y.ID[] = [];
	if (struct.origin) deps.push(struct.origin);
	if (struct.rightOrigin) deps.push(struct.rightOrigin);
	if (!struct.origin && !struct.rightOrigin) {
		const parent = struct.parent;
		if (parent instanceof Y.ID) deps.push(parent);
		else if (parent instanceof Y.AbstractType && parent._item) deps.push(parent._item.id);
	}
	return deps.filter((id) => id.client !== struct.id.client);
}

interface Run {
	client: number;
	/** Clock of the first struct; the rest follow without gaps. */
	firstClock: number;
	/** Each struct (or slice of one) as written. */
	bytes: Uint8Array[];
}

function encodeStruct(struct: Struct): Uint8Array {
	const encoder = new Y.UpdateEncoderV1();
	struct.write(encoder, 0);
	return encoder.toUint8Array();
}

/**
 * A struct as written, in slices of about `chunkBytes` when it is a long run of plain values (a
 * ledger month's movements pushed at once are one struct of hundreds of KB). Slice k starts
 * right after slice k - 1 (its origin) with the struct's right origin, as Yjs itself splits an
 * item; applied in order they integrate and merge back into the one struct.
 */
function encodeParts(struct: Struct, chunkBytes: number): { clock: number; bytes: Uint8Array }[] {
	const whole = encodeStruct(struct);
	const { client, clock } = struct.id;
	if (
		whole.length <= chunkBytes ||
		!(struct instanceof Y.Item) ||
		!(struct.content instanceof Y.ContentAny) ||
		struct.content.arr.length < 2
	)
		return [{ clock, bytes: whole }];
	const values = struct.content.arr;
	const per = Math.ceil(values.length / Math.ceil(whole.length / chunkBytes));
	const parts: { clock: number; bytes: Uint8Array }[] = [];
	for (let a = 0; a < values.length; a += per) {
		const slice = new Y.Item(
			Y.createID(client, clock + a),
			null,
			a > 0 ? Y.createID(client, clock + a - 1) : struct.origin,
			null,
			struct.rightOrigin,
			struct.parent,
			struct.parentSub,
			new Y.ContentAny(values.slice(a, a + per))
		);
		parts.push({ clock: clock + a, bytes: encodeStruct(slice) });
	}
	return parts;
}

/**
 * The doc's whole state as V1 updates of about `chunkBytes` each (a long run of values sliced,
 * any other struct larger than that in an update of its own), dependencies first, the delete
 * set in a last update.
 * Applied in order to an empty doc they give the same doc as Y.encodeStateAsUpdate.
 */
export function encodeStateInChunks(doc: Y.Doc, chunkBytes = DEFAULT_CHUNK_BYTES): Uint8Array[] {
	const clients = [...doc.store.clients.entries()].sort(([a], [b]) => b - a);
	/** Per client: index of the next struct to take, and the clock it starts at. */
	const next = new Map<number, number>(clients.map(([client]) => [client, 0]));
	const integrated = new Map<number, number>(clients.map(([client]) => [client, 0]));
	const ready = (struct: Struct) =>
		dependencies(struct).every((id) => id.clock < (integrated.get(id.client) ?? 0));
	const chunks: Uint8Array[] = [];
	let runs = new Map<number, Run>();
	let size = 0;
	const flush = () => {
		if (runs.size > 0) chunks.push(writeRuns([...runs.values()]));
		runs = new Map();
		size = 0;
	};
	let remaining = clients.reduce((n, [, structs]) => n + structs.length, 0);
	while (remaining > 0) {
		let progressed = false;
		for (const [client, structs] of clients) {
			let i = next.get(client) ?? 0;
			while (i < structs.length) {
				const struct = structs[i]!;
				if (!ready(struct)) break;
				for (const part of encodeParts(struct, chunkBytes)) {
					if (size > 0 && size + part.bytes.length > chunkBytes) flush();
					let run = runs.get(client);
					if (!run) runs.set(client, (run = { client, firstClock: part.clock, bytes: [] }));
					run.bytes.push(part.bytes);
					size += part.bytes.length;
				}
				integrated.set(client, struct.id.clock + struct.length);
				next.set(client, ++i);
				remaining--;
				progressed = true;
			}
		}
		if (!progressed) {
			// Not expected of an integrated doc; never loop: the rest goes out whole.
			flush();
			chunks.push(Y.encodeStateAsUpdate(doc, encodedState(integrated)));
			return chunks;
		}
	}
	flush();
	// The delete set (and pending structs): an update of no structs from the doc's state on.
	chunks.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)));
	return chunks;
}

/** One V1 update of whole struct runs (no delete set). */
function writeRuns(runs: Run[]): Uint8Array {
	const encoder = new Y.UpdateEncoderV1();
	const out = encoder.restEncoder;
	encoding.writeVarUint(out, runs.length);
	for (const run of runs.sort((a, b) => b.client - a.client)) {
		encoding.writeVarUint(out, run.bytes.length);
		encoder.writeClient(run.client);
		encoding.writeVarUint(out, run.firstClock);
		for (const bytes of run.bytes) encoding.writeUint8Array(out, bytes);
	}
	encoding.writeVarUint(out, 0);
	return encoder.toUint8Array();
}

function encodedState(state: Map<number, number>): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, state.size);
	for (const [client, clock] of state) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, clock);
	}
	return encoding.toUint8Array(encoder);
}

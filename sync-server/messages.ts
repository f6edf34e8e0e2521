// What the relay does with each client message, keyed by message type (y-websocket style).
// Handlers run one at a time per connection, so an answer to message 100 reflects every
// earlier message of that connection as stored and applied; it leaves once that is durable.

import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_QUERY_STATE_VECTOR,
	MESSAGE_SYNC,
	SYNC_STEP_1,
	SYNC_STEP_2,
	SYNC_UPDATE,
	encodeAwareness,
	encodeStateVectorAnswer,
	encodeSyncStep2,
	isEmptyStateVector,
	isEmptyUpdate,
	readStateVectorQuery
} from '../src/lib/sync/protocol';
import type { Refusal } from './integrity/check';
import { MalformedUpdateError } from './integrity/relay-check';
import type { Peer, Room } from './room';
import type { DecodedUpdate } from './update-check';

/** The frame did not follow the protocol: close this connection with 1002. */
export class ProtocolError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ProtocolError';
	}
}

/** Storing an update failed: the relay's fault, not the client's (close with 1011). */
export class PersistenceError extends Error {
	constructor(cause: unknown) {
		super('Could not store update', { cause });
		this.name = 'PersistenceError';
	}
}

/** The update would grow the doc past the size limit: close with 4413, nothing stored. */
export class DocTooLargeError extends Error {
	constructor(readonly limitBytes: number) {
		super(`document too large (limit ${limitBytes} bytes)`);
		this.name = 'DocTooLargeError';
	}
}

export interface MessageContext {
	readonly room: Room;
	readonly peer: Peer;
	readonly canWrite: boolean;
	/** See RelayLimits.maxDocBytes. */
	readonly maxDocBytes: number;
	/**
	 * Rejects if the bytes are not a Yjs update (a large one is decoded off the relay's thread);
	 * resolves with the decoded update when it was decoded on this thread.
	 */
	checkUpdate(update: Uint8Array): Promise<DecodedUpdate | null>;
	/** Whether the update may enter the room (integrity/check.ts); null when it may. */
	checkIntegrity(update: Uint8Array, decoded: DecodedUpdate | null): Promise<Refusal | null>;
	/** Tells the sender its update was refused; counts and logs it. Nothing was stored. */
	refuseUpdate(refusal: Refusal, decoded: DecodedUpdate | null): void;
	/** Stores an update (before it is applied and forwarded): survives a crash of the relay. */
	persist(update: Uint8Array): Promise<void>;
	/**
	 * Sends a confirmation once everything stored so far survives power loss, without holding
	 * up this connection's later messages; confirmations leave in the order they were asked for.
	 */
	sendWhenDurable(message: Uint8Array): void;
	/** A read-only connection tried to change the doc. */
	rejectWrite(): void;
}

type Handler = (decoder: decoding.Decoder, ctx: MessageContext) => Promise<void> | void;

const handlers = new Map<number, Handler>([
	[MESSAGE_SYNC, handleSync],
	[MESSAGE_AWARENESS, handleAwareness],
	[MESSAGE_QUERY_AWARENESS, handleQueryAwareness],
	[MESSAGE_QUERY_STATE_VECTOR, handleQueryStateVector]
]);

export async function handleMessage(data: Uint8Array, ctx: MessageContext): Promise<void> {
	const decoder = decoding.createDecoder(data);
	const type = parse(() => decoding.readVarUint(decoder));
	const handler = handlers.get(type);
	if (!handler) throw new ProtocolError(`Unknown message type ${type}`);
	await handler(decoder, ctx);
	if (decoding.hasContent(decoder)) throw new ProtocolError('Trailing bytes after message');
}

/** Runs a decoding step; any failure is the client's malformed frame. */
function parse<T>(read: () => T): T {
	try {
		return read();
	} catch (err) {
		if (err instanceof ProtocolError) throw err;
		throw new ProtocolError(err instanceof Error ? err.message : 'Malformed frame');
	}
}

async function handleSync(decoder: decoding.Decoder, ctx: MessageContext): Promise<void> {
	const syncType = parse(() => decoding.readVarUint(decoder));
	switch (syncType) {
		case SYNC_STEP_1: {
			const stateVector = parse(() => decoding.readVarUint8Array(decoder));
			if (isEmptyStateVector(stateVector)) {
				// A fresh client: the cached state plus the updates since (duplicates of updates
				// also forwarded to this peer are harmless, Yjs applies each once).
				for (const message of ctx.room.fullStateMessages()) ctx.peer.send(message);
				return;
			}
			ctx.peer.send(parse(() => encodeSyncStep2(ctx.room.doc, stateVector)));
			return;
		}
		case SYNC_STEP_2:
		case SYNC_UPDATE: {
			const update = parse(() => decoding.readVarUint8Array(decoder));
			await receiveUpdate(update, ctx, syncType === SYNC_UPDATE);
			return;
		}
		default:
			throw new ProtocolError(`Unknown sync message type ${syncType}`);
	}
}

/**
 * Stores an update, then forwards and applies it. A live edit (`live`: a sync update, which
 * carries one local change) is forwarded as it came and applied after: a reader waits for its
 * storage only, not for the room's integration of it. A sync step 2 (a reconnecting client's
 * catch-up, mostly what the room has) is applied first and only what was new is forwarded.
 */
async function receiveUpdate(
	update: Uint8Array,
	ctx: MessageContext,
	live: boolean
): Promise<void> {
	if (isEmptyUpdate(update)) return;
	// Decode fully before storing: bytes that are not a Yjs update never reach the disk.
	let decoded: DecodedUpdate | null;
	try {
		decoded = await ctx.checkUpdate(update);
	} catch (err) {
		throw new ProtocolError(err instanceof Error ? err.message : 'Malformed update');
	}
	if (!ctx.canWrite) {
		// A read-only client's sync step 2 usually repeats what the room already has; only an
		// update that would change the doc is a write attempt.
		const known = parse(() => Y.snapshotContainsUpdate(Y.snapshot(ctx.room.doc), update));
		if (!known) ctx.rejectWrite();
		return;
	}
	// Integrity inside the doc: a refused update is neither stored nor forwarded.
	let refusal: Refusal | null;
	try {
		refusal = await ctx.checkIntegrity(update, decoded);
	} catch (err) {
		if (err instanceof MalformedUpdateError) throw new ProtocolError(err.message);
		throw err;
	}
	if (refusal) {
		ctx.refuseUpdate(refusal, decoded);
		return;
	}
	if (ctx.room.storedBytes + update.byteLength > ctx.maxDocBytes) {
		throw new DocTooLargeError(ctx.maxDocBytes);
	}
	try {
		await ctx.persist(update);
	} catch (err) {
		throw new PersistenceError(err);
	}
	ctx.room.storedBytes += update.byteLength;
	// Forward and apply in one turn: a peer joining in between could otherwise miss it. Origin =
	// the sending peer, so the room forwards what is new to everyone else.
	const origin = live ? ctx.room.forwardBeforeApply(update, ctx.peer) : ctx.peer;
	parse(() => Y.applyUpdate(ctx.room.doc, update, origin));
}

function handleAwareness(decoder: decoding.Decoder, ctx: MessageContext): void {
	const update = parse(() => decoding.readVarUint8Array(decoder));
	parse(() => awarenessProtocol.applyAwarenessUpdate(ctx.room.awareness, update, ctx.peer));
}

function handleQueryAwareness(_decoder: decoding.Decoder, ctx: MessageContext): void {
	const clients = [...ctx.room.awareness.getStates().keys()];
	ctx.peer.send(
		encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(ctx.room.awareness, clients))
	);
}

function handleQueryStateVector(decoder: decoding.Decoder, ctx: MessageContext): void {
	parse(() => readStateVectorQuery(decoder));
	// The room doc holds only stored updates; this vector is confirmed once they are durable.
	ctx.sendWhenDurable(encodeStateVectorAnswer(Y.encodeStateVector(ctx.room.doc)));
}

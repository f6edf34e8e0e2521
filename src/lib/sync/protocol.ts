// Stockflow's wire protocol, the one definition relay, app, CLI and bench share: the standard
// y-websocket message types plus our message 100 (state-vector query) and its answer, the
// close codes the relay uses, and the protocol version the app announces on the websocket URL
// (protocol-version.ts, re-exported here).
// It imports only yjs, lib0 and y-protocols, so it runs in the browser and in Node alike.

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

// ---- Version (protocol-version.ts) --------------------------------------------------------

export * from './protocol-version';

// ---- Message types ------------------------------------------------------------------------

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Client → relay, no payload: "which of my updates have you stored?". Stock y-websocket clients
 * never send it, so they never see the answer.
 */
export const MESSAGE_QUERY_STATE_VECTOR = 100;
/**
 * Relay → client, the answer under the same type: varUint8Array(state vector), sent once every
 * earlier message of the connection is stored durably and applied.
 */
export const MESSAGE_STATE_VECTOR_ANSWER = MESSAGE_QUERY_STATE_VECTOR;

/**
 * Client → relay, no payload: "what time is it?". The relay is the devices' time reference
 * (docs/DECISIONS.md, "Time you can trust"). Asked, never pushed: a stock y-websocket client
 * logs every message type it does not know.
 */
export const MESSAGE_QUERY_TIME = 101;
/** Relay → client, the answer under the same type: varUint(the relay's epoch milliseconds). */
export const MESSAGE_TIME_ANSWER = MESSAGE_QUERY_TIME;

/**
 * Tab → tabs of the same browser (BroadcastChannel only, never on a socket), no payload: "send
 * me your state vector". A joining tab sends it beside its own sync step 1, so each side answers
 * the other with sync step 2 of just what it lacks instead of posting its whole doc (see
 * sync/tab-join.ts). A tab of an older version logs it as unknown and does not answer.
 */
export const MESSAGE_TAB_JOIN = 102;

/** Sync sub-messages (y-protocols/sync). */
export const SYNC_STEP_1 = syncProtocol.messageYjsSyncStep1;
export const SYNC_STEP_2 = syncProtocol.messageYjsSyncStep2;
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate;

/** A frame that does not follow the protocol (wrong type, truncated, trailing bytes). */
export class MalformedFrameError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'MalformedFrameError';
	}
}

// ---- Close codes --------------------------------------------------------------------------

/**
 * Every close code the relay sends. 1xxx are RFC 6455's; 4xxx are ours (RFC 6455 §7.4.2),
 * shaped after the HTTP status they resemble. y-websocket (3.x) stops reconnecting after any
 * 4400–4499 close, so each also carries a reason text saying what to do.
 */
export const CLOSE = {
	goingAway: 1001,
	protocolError: 1002,
	unsupportedData: 1003,
	/** Sent by `ws` itself for a frame over the relay's maxPayload. */
	tooBig: 1009,
	internalError: 1011,
	/** The client does not read as fast as the room writes: reconnect to catch up. */
	slowConsumer: 4408,
	/** The update would grow the document past its size limit. */
	docTooLarge: 4413,
	/** The client's protocol version is not supported: the app must be updated (reloaded). */
	upgradeRequired: 4426,
	/** Too many messages: try again later. */
	rateLimited: 4429
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** What a client does after the relay closed its connection with `code`. */
export type CloseOutcome = 'reconnect' | 'outdated' | 'refused';

export function closeOutcome(code: number): CloseOutcome {
	switch (code) {
		case CLOSE.upgradeRequired:
			return 'outdated';
		// Transient by their own reason text, though in the 44xx range.
		case CLOSE.slowConsumer:
		case CLOSE.rateLimited:
			return 'reconnect';
		default:
			// Any other 44xx is a deliberate "reconnecting cannot fix this" (y-websocket's rule).
			return code >= 4400 && code < 4500 ? 'refused' : 'reconnect';
	}
}

// ---- Message 100 and its answer -----------------------------------------------------------

/** Client → relay message 100. */
export function encodeStateVectorQuery(): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_QUERY_STATE_VECTOR);
	return encoding.toUint8Array(encoder);
}

/** Reads the payload of message 100 (none) after its type; anything more is malformed. */
export function readStateVectorQuery(decoder: decoding.Decoder): void {
	if (decoding.hasContent(decoder)) {
		throw new MalformedFrameError('state vector query carries unexpected bytes');
	}
}

/** Relay → client: `stateVector` is `Y.encodeStateVector(doc)` of the room. */
export function encodeStateVectorAnswer(stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_STATE_VECTOR_ANSWER);
	encoding.writeVarUint8Array(encoder, stateVector);
	return encoding.toUint8Array(encoder);
}

/**
 * Reads the answer's payload after its type: the relay's state vector (client id → clock).
 * Strict, unlike `Y.decodeStateVector`: truncated or trailing bytes throw MalformedFrameError.
 */
export function readStateVectorAnswer(decoder: decoding.Decoder): Map<number, number> {
	try {
		const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
		const stateVector = new Map<number, number>();
		const clients = decoding.readVarUint(inner);
		for (let i = 0; i < clients; i++) {
			const client = decoding.readVarUint(inner);
			const clock = decoding.readVarUint(inner);
			if (stateVector.has(client)) throw new Error(`client ${client} listed twice`);
			stateVector.set(client, clock);
		}
		if (decoding.hasContent(inner) || decoding.hasContent(decoder)) {
			throw new Error('trailing bytes');
		}
		return stateVector;
	} catch (err) {
		if (err instanceof MalformedFrameError) throw err;
		const detail = err instanceof Error ? err.message : String(err);
		throw new MalformedFrameError(`malformed state vector answer: ${detail}`, { cause: err });
	}
}

/** A whole answer frame, for raw sockets; null when the frame is another message type. */
export function decodeStateVectorAnswer(frame: Uint8Array): Map<number, number> | null {
	const decoder = decoding.createDecoder(frame);
	let type: number;
	try {
		type = decoding.readVarUint(decoder);
	} catch (err) {
		throw new MalformedFrameError('empty or truncated frame', { cause: err });
	}
	return type === MESSAGE_STATE_VECTOR_ANSWER ? readStateVectorAnswer(decoder) : null;
}

// ---- Message 101 and its answer -----------------------------------------------------------

/** Client → relay message 101. */
export function encodeTimeQuery(): Uint8Array {
	return Uint8Array.of(MESSAGE_QUERY_TIME);
}

/** Whether a whole frame is message 101 (the relay answers it as soon as it arrives). */
export function isTimeQuery(frame: Uint8Array): boolean {
	return frame.length === 1 && frame[0] === MESSAGE_QUERY_TIME;
}

/** Relay → client: the relay's clock (epoch ms) when the query arrived. */
export function encodeTimeAnswer(relayMs: number): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_TIME_ANSWER);
	encoding.writeVarUint(encoder, Math.max(0, Math.round(relayMs)));
	return encoding.toUint8Array(encoder);
}

/** Reads the answer's payload after its type; truncated or trailing bytes are malformed. */
export function readTimeAnswer(decoder: decoding.Decoder): number {
	try {
		const relayMs = decoding.readVarUint(decoder);
		if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
		if (!Number.isSafeInteger(relayMs)) throw new Error('not a time');
		return relayMs;
	} catch (err) {
		const detail = err instanceof Error ? err.message : String(err);
		throw new MalformedFrameError(`malformed time answer: ${detail}`, { cause: err });
	}
}

// ---- Relay-side framing of the standard messages ------------------------------------------

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}

/** Sync step 2 answering an empty state vector: the whole doc, as an already encoded update. */
export function encodeFullStateUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, SYNC_STEP_2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessUpdate);
	return encoding.toUint8Array(encoder);
}

/** A state vector with no clients (`varUint(0)`): the sender has nothing yet. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
	return stateVector.length === 1 && stateVector[0] === 0;
}

/** The canonical empty update (no structs, empty delete set): nothing to store. */
export function isEmptyUpdate(update: Uint8Array): boolean {
	return update.length === 2 && update[0] === 0 && update[1] === 0;
}

// ---- Refused updates ----------------------------------------------------------------------

/**
 * Why the relay refused an update (sync-server/integrity): it deleted from an append-only list
 * or removed a record, failed a domain schema, named another user as its author, wrote what the
 * role may not write, or built on changes the relay refused (a gap in the client's clocks).
 */
export const REFUSAL_REASONS = [
	'delete',
	'schema',
	'authorship',
	'rights',
	'gap',
	'unaudited',
	'clock'
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const REFUSAL_PREFIX = 'stockflow-refused:';

/**
 * y-protocols' permission-denied message (message 2, auth) telling the sender its update was
 * refused: `stockflow-refused:<reason>: <detail>`. A stock y-websocket client logs it; the app
 * reads it with `readRefusal`.
 */
export function encodeRefusal(reason: RefusalReason, detail: string): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AUTH);
	authProtocol.writePermissionDenied(encoder, `${REFUSAL_PREFIX}${reason}: ${detail}`);
	return encoding.toUint8Array(encoder);
}

export interface RefusalNotice {
	reason: RefusalReason;
	detail: string;
}

/** The refusal a permission-denied reason text carries, or null for any other text. */
export function readRefusal(text: string): RefusalNotice | null {
	if (!text.startsWith(REFUSAL_PREFIX)) return null;
	const rest = text.slice(REFUSAL_PREFIX.length);
	const colon = rest.indexOf(':');
	const reason = colon < 0 ? rest : rest.slice(0, colon);
	const known = REFUSAL_REASONS.find((r) => r === reason);
	if (!known) return null;
	return {
		reason: known,
		detail: colon < 0 ? '' : rest.slice(colon + 1).trim()
	};
}

import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	CLOSE,
	MESSAGE_QUERY_STATE_VECTOR,
	MESSAGE_TIME_ANSWER,
	MalformedFrameError,
	PROTOCOL_VERSION,
	checkProtocolVersion,
	closeOutcome,
	decodeStateVectorAnswer,
	encodeStateVectorAnswer,
	encodeStateVectorQuery,
	encodeTimeAnswer,
	encodeTimeQuery,
	encodeUpdate,
	isTimeQuery,
	readStateVectorQuery,
	readTimeAnswer
} from './protocol';

function docWithTwoWriters(): Y.Doc {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.getArray('movements').push([{ id: 'm1' }, { id: 'm2' }]);
	b.getMap('items').set('x', 'Widget');
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
	return a;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

describe('message 100: state vector query and answer', () => {
	it('the query is the bare message type, read back with nothing left over', () => {
		const query = encodeStateVectorQuery();
		const decoder = decoding.createDecoder(query);
		expect(decoding.readVarUint(decoder)).toBe(MESSAGE_QUERY_STATE_VECTOR);
		expect(() => readStateVectorQuery(decoder)).not.toThrow();
	});

	it('a query carrying bytes is malformed', () => {
		const decoder = decoding.createDecoder(Uint8Array.of(100, 0));
		decoding.readVarUint(decoder);
		expect(() => readStateVectorQuery(decoder)).toThrow(MalformedFrameError);
	});

	it('the answer round-trips the relay state vector', () => {
		const doc = docWithTwoWriters();
		const answer = encodeStateVectorAnswer(Y.encodeStateVector(doc));
		const decoded = decodeStateVectorAnswer(answer);
		expect(decoded).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
		expect(decoded?.size).toBe(2);
	});

	it('an empty room answers an empty state vector', () => {
		expect(
			decodeStateVectorAnswer(encodeStateVectorAnswer(Y.encodeStateVector(new Y.Doc())))
		).toEqual(new Map());
	});

	it('another message type is not an answer', () => {
		const update = Y.encodeStateAsUpdate(docWithTwoWriters());
		expect(decodeStateVectorAnswer(encodeUpdate(update))).toBeNull();
	});

	const valid = encodeStateVectorAnswer(Y.encodeStateVector(docWithTwoWriters()));
	it.each<[string, Uint8Array]>([
		['an empty frame', new Uint8Array(0)],
		['the type alone (no state vector)', Uint8Array.of(100)],
		['a length past the end', Uint8Array.of(100, 9, 1, 2)],
		['a client count with no entries', Uint8Array.of(100, 1, 3)],
		['a client id without its clock', Uint8Array.of(100, 2, 1, 7)],
		['a truncated varint clock', Uint8Array.of(100, 3, 1, 7, 0x80)],
		['a client listed twice', Uint8Array.of(100, 5, 2, 7, 1, 7, 2)],
		['bytes after the state vector, inside', Uint8Array.of(100, 4, 1, 7, 1, 0)],
		['bytes after the answer', Uint8Array.of(...valid, 0)],
		[
			'random bytes',
			frame((e) =>
				[100, 6, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff].forEach((b) => encoding.writeUint8(e, b))
			)
		]
	])('garbage answer: %s throws MalformedFrameError', (_label, bytes) => {
		expect(() => decodeStateVectorAnswer(bytes)).toThrow(MalformedFrameError);
	});
});

describe('message 101 (the relay’s time)', () => {
	it('the answer carries the relay’s milliseconds', () => {
		const now = Date.UTC(2026, 11, 7, 9, 30, 1, 234);
		const decoder = decoding.createDecoder(encodeTimeAnswer(now));
		expect(decoding.readVarUint(decoder)).toBe(MESSAGE_TIME_ANSWER);
		expect(readTimeAnswer(decoder)).toBe(now);
	});

	it('the query is one byte, and only that byte is a query', () => {
		expect(isTimeQuery(encodeTimeQuery())).toBe(true);
		expect(isTimeQuery(Uint8Array.of(101, 0))).toBe(false);
		expect(isTimeQuery(encodeStateVectorQuery())).toBe(false);
	});

	it.each<[string, Uint8Array]>([
		['no time', Uint8Array.of(101)],
		['a truncated varint', Uint8Array.of(101, 0x80)],
		['bytes after the time', Uint8Array.of(101, 5, 0)]
	])('garbage answer: %s throws MalformedFrameError', (_label, bytes) => {
		const decoder = decoding.createDecoder(bytes);
		decoding.readVarUint(decoder);
		expect(() => readTimeAnswer(decoder)).toThrow(MalformedFrameError);
	});
});

describe('protocol version', () => {
	it('a client without the parameter (stock y-websocket) is accepted as unknown', () => {
		expect(checkProtocolVersion(null)).toEqual({ ok: true, version: null });
	});

	it('this app version is accepted', () => {
		expect(checkProtocolVersion(String(PROTOCOL_VERSION))).toEqual({
			ok: true,
			version: PROTOCOL_VERSION
		});
	});

	it.each(['0', '-1', '', 'abc', '1.0', '01', '9999999'])(
		'%j is refused with "please update the app"',
		(param) => {
			const check = checkProtocolVersion(param);
			expect(check.ok).toBe(false);
			if (!check.ok) expect(check.reason).toMatch(/please update the app/);
		}
	);

	it('a version newer than the relay is refused with "please reload the app"', () => {
		const check = checkProtocolVersion(String(PROTOCOL_VERSION + 1));
		expect(check.ok).toBe(false);
		if (!check.ok) expect(check.reason).toMatch(/please reload the app/);
	});

	it('every reason fits a close frame (123 bytes)', () => {
		for (const param of ['0', 'x', String(PROTOCOL_VERSION + 1), '999999']) {
			const check = checkProtocolVersion(param);
			if (!check.ok) expect(new TextEncoder().encode(check.reason).length).toBeLessThanOrEqual(123);
		}
	});
});

describe('close codes', () => {
	it('are distinct', () => {
		const codes = Object.values(CLOSE);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it.each<[number, ReturnType<typeof closeOutcome>]>([
		[CLOSE.upgradeRequired, 'outdated'],
		[CLOSE.slowConsumer, 'reconnect'],
		[CLOSE.rateLimited, 'reconnect'],
		[CLOSE.docTooLarge, 'refused'],
		[4403, 'refused'],
		[CLOSE.goingAway, 'reconnect'],
		[CLOSE.internalError, 'reconnect'],
		[CLOSE.protocolError, 'reconnect'],
		[1006, 'reconnect'],
		[4500, 'reconnect']
	])('%i means %s', (code, outcome) => {
		expect(closeOutcome(code)).toBe(outcome);
	});
});

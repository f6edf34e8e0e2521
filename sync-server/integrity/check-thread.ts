// The integrity check thread (relay-check.ts): decodes a large update (a catch-up of megabytes)
// and checks it, off the relay's thread, in two requests. `{ update }`: decoded and held; the
// answer is what the check must know of the room (room-view.ts `roomQuestions`). `{ token,
// answers, input }`: the held update checked against the room as the relay's thread described
// it; the answer is the verdict. `{ token, drop }` forgets a held update; `close` all of them.
// Runs from the sources through integrity-check.worker.js, or compiled by bin/relay-dist.js.

import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { checkIntegrity, type IntegrityInput } from './check';
import type { DecodedUpdate } from './places';
import { answeredRoomView, roomQuestions, type RoomAnswers } from './room-view';

export type CheckThreadRequest =
	| { id: number; close: true }
	| { id: number; update: Uint8Array }
	| { id: number; token: number; drop: true }
	| {
			id: number;
			token: number;
			answers: RoomAnswers;
			input: Omit<IntegrityInput, 'doc' | 'update'>;
	  };

const port = parentPort;
if (!port) throw new Error('check-thread.ts must run as a worker thread');

const held = new Map<number, DecodedUpdate>();
let nextToken = 1;

function answer(request: CheckThreadRequest): object {
	const { id } = request;
	if ('close' in request) {
		held.clear();
		return { id };
	}
	if ('update' in request) {
		let decoded: DecodedUpdate;
		try {
			decoded = Y.decodeUpdate(request.update);
		} catch (err) {
			return { id, malformed: err instanceof Error ? err.message : String(err) };
		}
		const token = nextToken++;
		held.set(token, decoded);
		const clients = [...new Set(decoded.structs.map((s) => s.id.client))];
		return { id, token, questions: roomQuestions(decoded), clients };
	}
	const decoded = held.get(request.token);
	held.delete(request.token);
	if ('drop' in request) return { id };
	if (!decoded) return { id, lost: true };
	try {
		const room = answeredRoomView(request.answers);
		return { id, refusal: checkIntegrity({ ...request.input, doc: room, update: decoded }) };
	} catch (err) {
		return { id, failed: err instanceof Error ? err.message : String(err) };
	}
}

port.on('message', (request: CheckThreadRequest) => port.postMessage(answer(request)));

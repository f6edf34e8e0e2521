// The integrity check as the relay runs it: one room's update from one connection. A live edit
// is decoded and checked right here. A large update (a catch-up of megabytes: decoding it and
// checking 20,000 movements is a few hundred ms) is decoded and checked on a worker thread
// (check-thread.ts, started when first needed, stopped when idle) while the other rooms go on:
// the thread asks what it must know of the room (the room's clocks for the update's clients,
// where the structs it names sit, which live structs its delete set covers), this thread
// answers from the room's doc in one turn, and the thread checks against that state of the
// room. The sending connection waits for the verdict, so nothing of the update is stored or
// forwarded before it: a refused update reaches nobody. Live updates of other connections to
// the same room are applied meanwhile; they only add to the room, which is what a check
// started a moment later would have seen (the same as a check in slices on this thread).
// Should the thread fail, the update is checked here in slices instead, and `onFallback` says
// so (the relay logs it and counts it in /metrics: fallback-report.ts).

import * as Y from 'yjs';
import { z } from 'zod';
import type { Claims } from '../auth';
import type { RoomKey } from '../persistence/port';
import type { Room } from '../room';
import type { DecodedUpdate } from '../update-check';
import { createLazyWorker, type LazyWorker } from '../lazy-worker';
import { docKindOf, type DocKind } from '../../src/lib/domain/auth/roles';
import { THREAD_MIN_BYTES } from '../update-check';
import { checkIntegrity, checkIntegrityInSlices, type IntegrityInput, type Refusal } from './check';
import { answerRoomQuestions, type RoomQuestions } from './room-view';

export interface IntegrityRequest {
	room: Room;
	key: RoomKey;
	claims: Claims;
	update: Uint8Array;
	/** The decode check's result, when it decoded on this thread. */
	decoded: DecodedUpdate | null;
}

export interface IntegrityChecker {
	/** Rejects with MalformedUpdateError when the thread finds the bytes are not a Yjs update. */
	check(request: IntegrityRequest): Promise<Refusal | null>;
	/** Whether `check` decodes this update itself (the decode check can skip it). */
	decodes(update: Uint8Array, docName: string): boolean;
	/** Whether the thread is up (tests). */
	running(): boolean;
	/** Large updates checked on this thread because the check thread failed (tests, bench). */
	fallbacks(): number;
	close(): Promise<void>;
}

export interface IntegrityCheckerOptions {
	/** Updates of at least this many bytes are decoded and checked on the thread. */
	threadMinBytes?: number;
	/** The longest the relay's thread is held per slice when the thread failed. */
	sliceMs?: number;
	/** The relay's clock, which entries' stamps are checked against (default Date.now). */
	nowMs?: () => number;
	idleStopMs?: number;
	/** A large update checked on this thread because the check thread failed (and why). */
	onFallback?: (fallback: IntegrityFallback) => void;
	/** The check thread's script (tests: one that fails). */
	workerUrl?: URL;
}

export interface IntegrityFallback {
	workspace: string;
	doc: string;
	/** The update's size. */
	bytes: number;
	/** What went wrong with the thread. */
	reason: string;
}

/** The update is not a Yjs update (found by the check thread, which decoded it). */
export class MalformedUpdateError extends Error {}

const Decoded = z.union([
	z.object({ id: z.number(), malformed: z.string() }),
	z.object({
		id: z.number(),
		token: z.number(),
		clients: z.array(z.number()),
		questions: z.object({
			clients: z.array(z.number()),
			ids: z.array(z.number()),
			ranges: z.array(z.number())
		})
	})
]);
const Verdict = z.union([
	z.object({ id: z.number(), lost: z.literal(true) }),
	z.object({ id: z.number(), failed: z.string() }),
	z.object({
		id: z.number(),
		refusal: z.object({ reason: z.string(), detail: z.string() }).nullable()
	})
]);

export function createIntegrityChecker(options: IntegrityCheckerOptions = {}): IntegrityChecker {
	const threadMinBytes = options.threadMinBytes ?? THREAD_MIN_BYTES;
	const sliceMs = options.sliceMs ?? 10;
	const nowMs = options.nowMs ?? Date.now;
	let fallbacks = 0;
	const workerUrl = options.workerUrl ?? new URL('./integrity-check.worker.js', import.meta.url);
	const worker = createLazyWorker(workerUrl, {
		// It holds the decoded structs of the last check until collected or stopped.
		idleStopMs: options.idleStopMs ?? 10_000,
		name: 'integrity check thread'
	});

	function inputOf(request: IntegrityRequest, kind: DocKind): Omit<IntegrityInput, 'update'> {
		return {
			doc: request.room.doc,
			kind,
			docName: request.key.doc,
			writer: { user: request.claims.sub, role: request.claims.role },
			relayNowMs: nowMs()
		};
	}

	function checkHere(request: IntegrityRequest, kind: DocKind): Promise<Refusal | null> {
		let update: DecodedUpdate;
		try {
			update = request.decoded ?? Y.decodeUpdate(request.update);
		} catch (err) {
			return Promise.reject(new MalformedUpdateError(String(err)));
		}
		const input = { ...inputOf(request, kind), update };
		return request.update.byteLength >= threadMinBytes
			? checkIntegrityInSlices(input, sliceMs)
			: Promise.resolve(checkIntegrity(input));
	}

	return {
		check(request) {
			const kind = docKindOf(request.key.doc);
			// The upgrade refuses unknown doc names; a room always has a kind.
			if (kind === null) return Promise.resolve(null);
			if (request.decoded !== null || request.update.byteLength < threadMinBytes)
				return checkHere(request, kind);
			return checkOnThread(worker, request, inputOf(request, kind)).then((verdict) => {
				if (!(verdict instanceof ThreadFailed)) return verdict;
				fallbacks += 1;
				options.onFallback?.({
					workspace: request.key.workspace,
					doc: request.key.doc,
					bytes: request.update.byteLength,
					reason: verdict.reason
				});
				return checkHere(request, kind);
			});
		},
		decodes: (update, docName) =>
			update.byteLength >= threadMinBytes && docKindOf(docName) !== null,
		running: () => worker.running(),
		fallbacks: () => fallbacks,
		close: () => worker.close()
	};
}

/** The check thread gave no verdict (it failed to start, died, or answered nonsense). */
class ThreadFailed {
	constructor(readonly reason: string) {}
}

const why = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function checkOnThread(
	worker: LazyWorker,
	request: IntegrityRequest,
	input: Omit<IntegrityInput, 'update'>
): Promise<Refusal | null | ThreadFailed> {
	// A copy moves to the thread: `update` is a view into the connection's frame.
	const copy = request.update.slice();
	let decoded: z.infer<typeof Decoded>;
	try {
		decoded = Decoded.parse(await worker.request({ update: copy }, [copy.buffer]));
	} catch (err) {
		return new ThreadFailed(why(err));
	}
	if ('malformed' in decoded) throw new MalformedUpdateError(decoded.malformed);
	const { token, clients } = decoded;
	let answers;
	try {
		// In this turn: one state of the room, whatever other connections apply next.
		answers = answerRoomQuestions(request.room.doc, decoded.questions as RoomQuestions);
	} catch (err) {
		void worker.request({ token, drop: true }).catch(() => undefined);
		return new ThreadFailed(`answering the thread's questions failed: ${why(err)}`);
	}
	const { doc: _room, ...rest } = input;
	let verdict: z.infer<typeof Verdict>;
	try {
		verdict = Verdict.parse(await worker.request({ token, answers, input: rest }));
	} catch (err) {
		return new ThreadFailed(why(err));
	}
	if ('lost' in verdict) return new ThreadFailed('the thread lost the update (it restarted)');
	if ('failed' in verdict) return new ThreadFailed(`the check failed there: ${verdict.failed}`);
	return verdict.refusal && { ...(verdict.refusal as Refusal), clients };
}

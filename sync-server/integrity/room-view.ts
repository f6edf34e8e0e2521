// What the integrity check reads of a room: which clocks it has of each client, where a struct
// it has sits (a path from the doc's root), and which of its live structs a range of ids covers
// (what a delete set would delete). On the relay's thread the check reads the room's doc
// directly (`docRoomView`). A large update is checked on a thread that has no doc: it asks the
// relay's thread `roomQuestions` about the update, which `answerRoomQuestions` answers from the
// doc in one turn (a consistent state of the room), and checks against `answeredRoomView`.

import * as Y from 'yjs';
import { ELEMENT } from './layout';

/** A path from the doc's root; null: under a deleted type (nothing there is read). */
export type Path = string[] | null;

/** A struct the room has: a GC'd one, or an item with where it sits and what it holds. */
export type RoomStruct =
	{ gc: true } | { gc: false; path: Path; content: 'type' | 'deleted' | 'value'; deleted: boolean };

export interface RoomView {
	/** The next clock the room expects of `client` (it has every clock below). */
	state(client: number): number;
	/** The struct holding `id` (the room has it: `id.clock < state(id.client)`). */
	struct(id: Y.ID): RoomStruct;
	/** Where the room's live (not deleted) items holding clocks `clock`–`end - 1` of `client` sit. */
	livePaths(client: number, clock: number, end: number): Path[];
}

/** Root types' keys (`Y.findRootTypeKey` walks the doc's root types): a root type stays one. */
const rootKeys = new WeakMap<Y.AbstractType<unknown>, string>();

function rootKey(type: Y.AbstractType<unknown>): string {
	let key = rootKeys.get(type);
	if (key === undefined) rootKeys.set(type, (key = Y.findRootTypeKey(type)));
	return key;
}

export function docRoomView(doc: Y.Doc): RoomView {
	const store = doc.store;
	const typePaths = new Map<Y.AbstractType<unknown>, Path>();
	const typePath = (type: Y.AbstractType<unknown>): Path => {
		const cached = typePaths.get(type);
		if (cached !== undefined) return cached;
		const holder = type._item;
		let path: Path;
		if (holder === null) path = [rootKey(type)];
		else if (holder.deleted) path = null;
		else path = itemPath(holder);
		typePaths.set(type, path);
		return path;
	};
	const itemPath = (item: Y.Item): Path => {
		const parent = typePath(item.parent as Y.AbstractType<unknown>);
		return parent && [...parent, item.parentSub ?? ELEMENT];
	};
	return {
		state: (client) => Y.getState(store, client),
		struct(id) {
			const struct = Y.getItem(store, id) as Y.Item | Y.GC;
			if (!(struct instanceof Y.Item)) return { gc: true };
			const { content } = struct;
			return {
				gc: false,
				path: itemPath(struct),
				content:
					content instanceof Y.ContentType
						? 'type'
						: content instanceof Y.ContentDeleted
							? 'deleted'
							: 'value',
				deleted: struct.deleted
			};
		},
		livePaths(client, clock, end) {
			const structs = store.clients.get(client);
			const paths: Path[] = [];
			if (!structs || clock >= end) return paths;
			for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
				const struct = structs[i]!;
				if (struct.id.clock >= end) break;
				if (struct instanceof Y.Item && !struct.deleted) paths.push(itemPath(struct));
			}
			return paths;
		}
	};
}

/** What a thread checking an update needs to know of the room (flat numbers: cheap to post). */
export interface RoomQuestions {
	/** Clients whose state the check reads. */
	clients: number[];
	/** `client, clock` pairs: ids the update's structs name as parent or neighbour. */
	ids: number[];
	/** `client, clock, len` triples: the update's delete set. */
	ranges: number[];
}

export interface RoomAnswers {
	state: Array<[client: number, clock: number]>;
	/** The structs of `ids` the room has. */
	structs: Array<[client: number, clock: number, struct: RoomStruct]>;
	/** Per delete range (`client, clock`): the live paths below the room's state. */
	live: Array<[client: number, clock: number, paths: Path[]]>;
}

/** The questions `update` raises about any room (asked on the thread that decoded it). */
export function roomQuestions(update: ReturnType<typeof Y.decodeUpdate>): RoomQuestions {
	const clients = new Set<number>();
	const ids: number[] = [];
	const seen = new Set<string>();
	const ask = (id: Y.ID | null): void => {
		if (id === null) return;
		const key = `${id.client}:${id.clock}`;
		if (seen.has(key)) return;
		seen.add(key);
		clients.add(id.client);
		ids.push(id.client, id.clock);
	};
	for (const struct of update.structs) {
		clients.add(struct.id.client);
		if (!(struct instanceof Y.Item)) continue;
		if (struct.parent instanceof Y.ID) ask(struct.parent);
		ask(struct.origin);
		ask(struct.rightOrigin);
	}
	const ranges: number[] = [];
	for (const [client, deleted] of update.ds.clients) {
		clients.add(client);
		for (const { clock, len } of deleted) ranges.push(client, clock, len);
	}
	return { clients: [...clients], ids, ranges };
}

/** Answers `questions` from the room's doc, all in one turn (one state of the room). */
export function answerRoomQuestions(doc: Y.Doc, questions: RoomQuestions): RoomAnswers {
	const room = docRoomView(doc);
	const state = new Map<number, number>();
	for (const client of questions.clients) state.set(client, room.state(client));
	const stateOf = (client: number): number => state.get(client) ?? room.state(client);
	const structs: RoomAnswers['structs'] = [];
	const { ids, ranges } = questions;
	for (let i = 0; i + 1 < ids.length; i += 2) {
		const client = ids[i]!;
		const clock = ids[i + 1]!;
		if (clock < stateOf(client))
			structs.push([client, clock, room.struct(Y.createID(client, clock))]);
	}
	const live: RoomAnswers['live'] = [];
	for (let i = 0; i + 2 < ranges.length; i += 3) {
		const client = ranges[i]!;
		const clock = ranges[i + 1]!;
		const end = Math.min(clock + ranges[i + 2]!, stateOf(client));
		if (clock < end) live.push([client, clock, room.livePaths(client, clock, end)]);
	}
	return { state: [...state], structs, live };
}

/** The room as `answers` describe it; asked anything else, it throws (a bug, not a refusal). */
export function answeredRoomView(answers: RoomAnswers): RoomView {
	const state = new Map(answers.state);
	const structs = new Map(answers.structs.map(([client, clock, s]) => [`${client}:${clock}`, s]));
	const live = new Map(answers.live.map(([client, clock, paths]) => [`${client}:${clock}`, paths]));
	const unasked = (what: string): never => {
		throw new Error(`the room was not asked about ${what}`);
	};
	return {
		state: (client) => state.get(client) ?? unasked(`client ${client}`),
		struct: (id) =>
			structs.get(`${id.client}:${id.clock}`) ?? unasked(`struct ${id.client}:${id.clock}`),
		livePaths: (client, clock, end) =>
			clock >= end ? [] : (live.get(`${client}:${clock}`) ?? unasked(`${client}:${clock}–${end}`))
	};
}

// Where the structs of an update land, read against the room (room-view.ts) without applying
// anything: a path from the doc's root, resolved through a struct's parent or, for a struct
// that only names its neighbour, through that neighbour (the room's, or this update's).
//
// Yjs numbers each client's structs with a clock that must run without gaps: a struct can
// integrate only once every earlier struct of its client did. A refused update leaves a gap,
// so every later struct of that client id is refused as well (`gap`) instead of being stored
// as pending forever; the app sets the refused changes aside and continues under a new id.

import * as Y from 'yjs';
import { ELEMENT } from './layout';
import { refuse } from './refusal';
import type { Path, RoomView } from './room-view';

export type Struct = Y.Item | Y.GC | Y.Skip;
export const UNRESOLVED = 'unresolved';
export type Place = Path | typeof UNRESOLVED;

export interface DecodedUpdate {
	structs: ReturnType<typeof Y.decodeUpdate>['structs'];
	ds: ReturnType<typeof Y.decodeUpdate>['ds'];
}

export class Places {
	private readonly byClient = new Map<number, Struct[]>();
	private readonly paths = new Map<Struct, Place>();

	constructor(
		readonly room: RoomView,
		readonly update: DecodedUpdate
	) {}

	/** Structs the room does not have yet (with how much of each it has), gaps refused. */
	freshStructs(): Array<[Y.Item, number]> {
		const fresh: Array<[Y.Item, number]> = [];
		const next = new Map<number, number>();
		for (const struct of this.update.structs) {
			if (struct instanceof Y.Skip) continue;
			const { client, clock } = struct.id;
			let list = this.byClient.get(client);
			if (!list) this.byClient.set(client, (list = []));
			list.push(struct);
			const expected = next.get(client) ?? this.room.state(client);
			if (clock > expected)
				refuse(
					'gap',
					`client ${client} skips clocks ${expected}–${clock - 1} (refused or missing earlier changes)`
				);
			const end = clock + struct.length;
			if (end <= expected) continue;
			next.set(client, end);
			if (struct instanceof Y.Item) fresh.push([struct, expected - clock]);
		}
		return fresh;
	}

	roomHas(id: Y.ID): boolean {
		return id.clock < this.room.state(id.client);
	}

	/** The struct of this update holding `id` (after `freshStructs`). */
	inUpdate(id: Y.ID): Struct | null {
		const list = this.byClient.get(id.client);
		if (!list) return null;
		let lo = 0;
		let hi = list.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const s = list[mid]!;
			if (id.clock < s.id.clock) hi = mid - 1;
			else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
			else return s;
		}
		return null;
	}

	deletedHere(id: Y.ID): boolean {
		return Y.isDeleted(this.update.ds, id);
	}

	/** Where the struct holding `id` sits (the room's, or this update's). */
	private pathOfId(id: Y.ID): Place {
		if (this.roomHas(id)) {
			const struct = this.room.struct(id);
			return struct.gc ? null : struct.path;
		}
		const struct = this.inUpdate(id);
		if (!struct) return UNRESOLVED;
		return struct instanceof Y.Item ? this.newItemPath(struct) : null;
	}

	/** The path of the type held by the item `id` (a new struct's parent). */
	private containerPath(id: Y.ID): Place {
		if (this.roomHas(id)) {
			const struct = this.room.struct(id);
			if (struct.gc || struct.content === 'deleted') return null;
			if (struct.content === 'value') nestedInValue(id);
			return struct.deleted ? null : struct.path;
		}
		const struct = this.inUpdate(id);
		if (!struct) return UNRESOLVED;
		if (!(struct instanceof Y.Item)) return null;
		if (!(struct.content instanceof Y.ContentType)) {
			if (struct.content instanceof Y.ContentDeleted) return null;
			nestedInValue(id);
		}
		return this.newItemPath(struct);
	}

	/** Where a struct of this update lands: under its parent, or beside its neighbour. */
	newItemPath(item: Y.Item): Place {
		const cached = this.paths.get(item);
		if (cached !== undefined) return cached;
		let path: Place;
		const parent: unknown = item.parent;
		if (typeof parent === 'string') path = [parent, item.parentSub ?? ELEMENT];
		else if (parent instanceof Y.ID) {
			const container = this.containerPath(parent);
			path =
				container === UNRESOLVED || container === null
					? container
					: [...container, item.parentSub ?? ELEMENT];
		} else {
			const neighbour = item.origin ?? item.rightOrigin;
			path = neighbour ? this.pathOfId(neighbour) : UNRESOLVED;
		}
		this.paths.set(item, path);
		return path;
	}
}

function nestedInValue(id: Y.ID): never {
	refuse('schema', `a change is nested in a plain value (${id.client}:${id.clock})`);
}

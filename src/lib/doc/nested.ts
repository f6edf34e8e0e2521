// A record's nested Y types (an order's `lines` and `events`, a catalog entity's map), created
// on first write when a record written by an older version, or by a peer, lacks one; and the
// test for whether a plain nested value changed, so writes touch only what did.

import * as Y from 'yjs';

/** `map[key]` as a Y.Array, set to a new empty one when it is anything else. Inside a transaction. */
export function nestedArray(map: Y.Map<unknown>, key: string): Y.Array<unknown> {
	const existing: unknown = map.get(key);
	if (existing instanceof Y.Array) return existing;
	const created = new Y.Array<unknown>();
	map.set(key, created);
	return created;
}

/** `map[key]` as a Y.Map, set to a new empty one when it is anything else. Inside a transaction. */
export function nestedMap(map: Y.Map<unknown>, key: string): Y.Map<unknown> {
	const existing: unknown = map.get(key);
	if (existing instanceof Y.Map) return existing;
	const created = new Y.Map<unknown>();
	map.set(key, created);
	return created;
}

/**
 * Whether two plain values (JSON-shaped, as stored in a doc) are the same, key order included:
 * a value written back unchanged would still be a new struct that peers store and sync.
 */
export const sameJson = (a: unknown, b: unknown): boolean =>
	JSON.stringify(a) === JSON.stringify(b);

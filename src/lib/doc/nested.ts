// A record's nested Y types (an order's `lines` and `events`, a catalog entity's map), created
// on first write when a record written by an older version, or by a peer, lacks one; and
// writes that touch only what changed (a record's lines by id, plain values compared whole).

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

/**
 * Brings `map`'s `lines` array to `lines`, by id: an existing line map gets only its changed
 * fields, a new line is appended, a line not in `lines` (or without an id) is removed. A sales
 * order's or a purchase order's draft lines; the command checks the status. Inside a transaction.
 */
export function replaceLines<L extends { readonly id: string }>(
	map: Y.Map<unknown>,
	lines: readonly L[]
): void {
	const array = nestedArray(map, 'lines');
	const wanted = new Set(lines.map((l) => l.id));
	for (let i = array.length - 1; i >= 0; i--) {
		const entry = array.get(i);
		const id = entry instanceof Y.Map ? entry.get('id') : undefined;
		if (typeof id !== 'string' || !wanted.has(id)) array.delete(i, 1);
	}
	const present = new Map<string, Y.Map<unknown>>();
	for (const entry of array.toArray()) {
		if (!(entry instanceof Y.Map)) continue;
		const id: unknown = entry.get('id');
		if (typeof id === 'string') present.set(id, entry);
	}
	for (const line of lines) {
		let target = present.get(line.id);
		if (!target) {
			target = new Y.Map<unknown>();
			array.push([target]);
		}
		for (const [k, v] of Object.entries(line)) if (target.get(k) !== v) target.set(k, v);
	}
}

// Unique codes. A command refuses a duplicate on one device, but two devices offline can
// each create the same code; after the merge both items exist and must be flagged.

import { normalizeCode, type Item } from './entities';

export interface DuplicateCode {
	/** The normalized code shared by the items. */
	code: string;
	/** Ids of every item using it, sorted. */
	itemIds: string[];
}

/** Every code used by more than one item (case-insensitive, trimmed). */
export function findDuplicateCodes(items: readonly Pick<Item, 'id' | 'code'>[]): DuplicateCode[] {
	const byCode = new Map<string, string[]>();
	for (const item of items) {
		const code = normalizeCode(item.code);
		const ids = byCode.get(code);
		if (ids) ids.push(item.id);
		else byCode.set(code, [item.id]);
	}
	const duplicates: DuplicateCode[] = [];
	for (const [code, itemIds] of byCode) {
		if (itemIds.length > 1) duplicates.push({ code, itemIds: [...itemIds].sort() });
	}
	return duplicates.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The item (other than `exceptId`) already using `code`, if any. */
export function findByCode<T extends Pick<Item, 'id' | 'code'>>(
	items: readonly T[],
	code: string,
	exceptId?: string
): T | undefined {
	const wanted = normalizeCode(code);
	return items.find((i) => i.id !== exceptId && normalizeCode(i.code) === wanted);
}

// Item search: tokens for the Dexie multi-entry index and the same matching in memory, so the
// search box answers synchronously while the index serves cold starts and large catalogs.

import type { Item } from '../domain/catalog/entities';
import type { ItemSearchRow } from './projection-db';

const MAX_PREFIX = 12;

function words(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[\s,;/|()[\]{}]+/u)
		.filter((w) => w.length > 0);
}

const CJK = /[\u3400-\u9fff]/u;
const SURROGATE = /[\ud800-\udfff]/;

/** Lower-cased prefixes of every word (CJK names: every suffix start too, so 螺絲 finds 不鏽鋼螺絲). */
export function searchTokens(item: Item): string[] {
	const tokens = new Set<string>();
	for (const field of [item.code, item.name, item.barcode, item.category]) {
		for (const word of words(field)) {
			if (!CJK.test(word) && !SURROGATE.test(word)) {
				// The common case (codes, latin names): prefixes by plain string slices.
				const max = Math.min(MAX_PREFIX, word.length);
				for (let len = 1; len <= max; len++) tokens.add(word.slice(0, len));
				continue;
			}
			const chars = [...word];
			const starts = CJK.test(word) ? chars.map((_, i) => i) : [0];
			for (const start of starts) {
				for (let len = 1; len <= Math.min(MAX_PREFIX, chars.length - start); len++) {
					tokens.add(chars.slice(start, start + len).join(''));
				}
			}
		}
	}
	return [...tokens];
}

export function itemSearchRow(item: Item): ItemSearchRow {
	return {
		id: item.id,
		code: item.code,
		name: item.name,
		barcode: item.barcode,
		category: item.category,
		tokens: searchTokens(item)
	};
}

/** Case-insensitive substring match on code, name, barcode or category; code matches first. */
export function searchItemsInMemory(items: readonly Item[], text: string, limit = 50): Item[] {
	const needle = text.trim().toLowerCase();
	if (needle === '') return items.slice(0, limit);
	const codeHits: Item[] = [];
	const otherHits: Item[] = [];
	for (const item of items) {
		if (item.code.toLowerCase().includes(needle) || item.barcode.toLowerCase() === needle)
			codeHits.push(item);
		else if (
			item.name.toLowerCase().includes(needle) ||
			item.barcode.toLowerCase().includes(needle) ||
			item.category.toLowerCase().includes(needle)
		)
			otherHits.push(item);
		if (codeHits.length >= limit) break;
	}
	return [...codeHits, ...otherHits].slice(0, limit);
}

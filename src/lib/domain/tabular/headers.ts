// Column headers in zh-TW, zh-CN and English (and the canonical field key) mapped to fields.
// Matching ignores case, width (ＳＫＵ = SKU), spaces and _ - . so "Safety stock",
// "safety_stock" and "safetyStock" are one column.

export const HEADER_LANGUAGES = ['zh-TW', 'zh-CN', 'en'] as const;
export type HeaderLanguage = (typeof HEADER_LANGUAGES)[number];

/** Per field and language, the names people write; the first is the label and template header. */
export type HeaderMap<F extends string> = Record<
	F,
	Record<HeaderLanguage, readonly [string, ...string[]]>
>;

function normalizeHeader(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s_\-.]+/g, '');
}

/** A lookup from normalized header text to field; the map must not give two fields one name. */
export function headerIndex<F extends string>(
	map: HeaderMap<F>,
	fields: readonly F[]
): Map<string, F> {
	const index = new Map<string, F>();
	for (const field of fields) {
		const names = [field, ...HEADER_LANGUAGES.flatMap((language) => map[field][language])];
		for (const name of names) {
			const key = normalizeHeader(name);
			const other = index.get(key);
			if (other !== undefined && other !== field)
				throw new Error(`header "${name}" names both ${other} and ${field}`);
			index.set(key, field);
		}
	}
	return index;
}

export function fieldOfHeader<F extends string>(index: Map<string, F>, header: string): F | null {
	return index.get(normalizeHeader(header)) ?? null;
}

export function headerLabel<F extends string>(
	map: HeaderMap<F>,
	field: F,
	language: HeaderLanguage
): string {
	return map[field][language][0];
}

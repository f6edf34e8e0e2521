// Document numbers: `<prefix>-<year>-<device tag>-<seq>`, e.g. `SO-2026-K7QM-000123`, for
// sales orders (SO) and, with their own prefix, purchase orders, requisitions and requests for
// quotation. Two devices create them offline without talking to each other, so a company-wide
// counter is impossible; a per-device sequence under a tag derived from the HLC device id never
// collides unless two device ids hash to the same tag, and the command checks the number is
// unused.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Four stable characters from the device id (FNV-1a), readable on a phone call. */
export function deviceTag(device: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < device.length; i++) {
		h ^= device.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	let tag = '';
	for (let i = 0; i < 4; i++) {
		tag += ALPHABET[h % ALPHABET.length];
		h = Math.floor(h / ALPHABET.length);
	}
	return tag;
}

/** A document numbering: `<prefix>-<year>-<device tag>-<seq>`, seq six digits or more. */
export interface NumberScheme {
	/** The next `count` free numbers for this device tag and year, given every number taken. */
	next(existing: Iterable<string>, tag: string, year: number, count: number): string[];
}

export function numberScheme(prefix: string): NumberScheme {
	const pattern = new RegExp(`^${prefix}-(\\d{4})-([0-9A-Z]{4})-(\\d{6,})$`);
	const format = (year: number, tag: string, seq: number): string =>
		`${prefix}-${year}-${tag}-${String(seq).padStart(6, '0')}`;
	return {
		next(existing, tag, year, count) {
			let max = 0;
			const taken = new Set<string>();
			for (const n of existing) {
				taken.add(n);
				const m = pattern.exec(n);
				if (m && Number(m[1]) === year && m[2] === tag) max = Math.max(max, Number(m[3]));
			}
			const numbers: string[] = [];
			for (let seq = max + 1; numbers.length < count; seq++) {
				const number = format(year, tag, seq);
				if (!taken.has(number)) numbers.push(number);
			}
			return numbers;
		}
	};
}

const SALES_ORDER_NUMBERS = numberScheme('SO');

/** The next free number for this device and year, given every number already in the doc. */
export function nextOrderNumber(existing: Iterable<string>, device: string, year: number): string {
	return SALES_ORDER_NUMBERS.next(existing, deviceTag(device), year, 1)[0]!;
}

// Id source: time-sortable, globally unique enough for a company's devices. The clock and
// the randomness are passed in so tests and the demo can reproduce ids from a seed.

const TIME_CHARS = 10;
const RANDOM_CHARS = 10;
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Structurally the same as `IdSource` in commands/context.ts (domain imports nothing outside). */
export interface IdGenerator {
	next(): string;
}

export interface IdGeneratorOptions {
	/** Wall clock in ms; ids from a later ms sort after ids from an earlier one. */
	nowMs: () => number;
	/** Uniform in [0, 1), e.g. `Math.random` or a seeded PRNG's `next`. */
	random: () => number;
}

/** Ids look like `0000lx3k9a` + `q8z0c1m2n4`: 10 base36 time chars, then 10 random chars. */
export function createIdGenerator(options: IdGeneratorOptions): IdGenerator {
	return {
		next() {
			const ms = Math.max(0, Math.floor(options.nowMs()));
			let id = ms.toString(36).padStart(TIME_CHARS, '0').slice(-TIME_CHARS);
			for (let i = 0; i < RANDOM_CHARS; i++) {
				id += ALPHABET[Math.floor(options.random() * ALPHABET.length) % ALPHABET.length];
			}
			return id;
		}
	};
}

/**
 * A document number people read and say, `<PREFIX>-YYYYMMDD-XXXX`: the UTC day of `wallMs` and
 * the id's last 4 chars upper-cased (transfers `TRF-…`, counts `CNT-…`).
 */
export function dayTaggedNumber(prefix: string, id: string, wallMs: number): string {
	const day = new Date(wallMs).toISOString().slice(0, 10).replaceAll('-', '');
	return `${prefix}-${day}-${id.slice(-4).toUpperCase()}`;
}

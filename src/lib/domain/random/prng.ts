// Seeded pseudo-random numbers (mulberry32) so simulations, demo data and id sources are
// reproducible from one integer seed. Not for anything security-related.

export interface Prng {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** One element of a non-empty array. */
	pick<T>(values: readonly T[]): T;
	/** Index chosen with probability proportional to `weights[i]` (all ≥ 0, sum > 0). */
	weighted(weights: readonly number[]): number;
	/** A new array with the same elements in random order (Fisher–Yates). */
	shuffle<T>(values: readonly T[]): T[];
}

export function createPrng(seed: number): Prng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick<T>(values: readonly T[]): T {
			if (values.length === 0) throw new RangeError('pick from an empty array');
			return values[int(0, values.length - 1)] as T;
		},
		weighted(weights) {
			const total = weights.reduce((sum, w) => sum + w, 0);
			if (!(total > 0)) throw new RangeError('weights must sum to more than zero');
			let r = next() * total;
			for (let i = 0; i < weights.length; i++) {
				r -= weights[i] ?? 0;
				if (r < 0) return i;
			}
			return weights.length - 1;
		},
		shuffle<T>(values: readonly T[]): T[] {
			const out = [...values];
			for (let i = out.length - 1; i > 0; i--) {
				const j = int(0, i);
				const tmp = out[i] as T;
				out[i] = out[j] as T;
				out[j] = tmp;
			}
			return out;
		}
	};
}

// Keyboard-wedge scanner detection. A wedge scanner "types" a code much faster than a person
// and ends it with Enter; the detector tells such a burst apart from typing using the time
// between keystrokes. Pure: the caller passes each key and its timestamp.

export interface WedgeOptions {
	/** Largest gap between two keystrokes of one scan (scanners: 5–30 ms; people: 80+ ms). */
	maxGapMs?: number;
	/** Shortest code accepted as a scan (shorter bursts are treated as typing). */
	minLength?: number;
}

export type WedgeResult =
	| { kind: 'none' }
	/** The burst started: remember the input's value to restore it if this becomes a scan. */
	| { kind: 'burst-start' }
	| { kind: 'scan'; code: string };

export interface WedgeDetector {
	/** Feed one key (`KeyboardEvent.key`) with its time in ms. */
	key(key: string, atMs: number): WedgeResult;
	reset(): void;
}

export function createWedgeDetector(options: WedgeOptions = {}): WedgeDetector {
	const maxGapMs = options.maxGapMs ?? 40;
	const minLength = options.minLength ?? 3;
	let buffer = '';
	let lastMs = -Infinity;
	const reset = () => {
		buffer = '';
		lastMs = -Infinity;
	};
	return {
		reset,
		key(key, atMs) {
			const gap = atMs - lastMs;
			if (key === 'Enter') {
				const code = buffer;
				const fast = gap <= maxGapMs;
				reset();
				return fast && code.length >= minLength ? { kind: 'scan', code } : { kind: 'none' };
			}
			if (key.length !== 1) return { kind: 'none' }; // Shift, Tab, arrows: not part of a code
			lastMs = atMs;
			if (gap <= maxGapMs && buffer.length > 0) {
				buffer += key;
				return { kind: 'none' };
			}
			buffer = key; // a slow keystroke starts a possible new burst
			return { kind: 'burst-start' };
		}
	};
}

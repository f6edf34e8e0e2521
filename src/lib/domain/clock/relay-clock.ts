// The device's estimate of the relay's time: the relay is the time reference while online, so
// devices with wrong clocks still stamp alike. Offset = relay time − device time, measured
// NTP-style (the relay's answer is taken to be half a round trip old) and kept across restarts:
// offline, the device stamps with its own clock plus the last offset it measured.

export interface RelayTimeSample {
	/** Device clock when the query left. */
	sentMs: number;
	/** Device clock when the answer arrived. */
	receivedMs: number;
	/** The relay's clock in the answer. */
	relayMs: number;
}

export interface RelayClock {
	/** Relay time as this device best knows it (epoch ms). */
	now(): number;
	/** Relay time − device time, ms (0 before the first measurement ever). */
	offsetMs(): number;
	/** Whether a measurement was taken since this clock was created. */
	measured(): boolean;
	/** Takes one measurement; false when it is unusable (negative or too long a round trip). */
	sample(sample: RelayTimeSample): boolean;
}

export interface RelayClockOptions {
	/** The device's own clock. */
	wallMs: () => number;
	/** The offset measured by an earlier run (kept in storage); default 0. */
	offsetMs?: number | null;
	/** Called with each new offset (to persist it). */
	onOffset?: (offsetMs: number) => void;
	/**
	 * A measurement whose round trip took longer than this is ignored: its error (up to half
	 * the round trip) would be too large. Default 30 s.
	 */
	maxRoundTripMs?: number;
}

export const DEFAULT_MAX_ROUND_TRIP_MS = 30_000;

export function createRelayClock(options: RelayClockOptions): RelayClock {
	let offset = Number.isFinite(options.offsetMs) ? Math.round(options.offsetMs ?? 0) : 0;
	let measured = false;
	const maxRoundTripMs = options.maxRoundTripMs ?? DEFAULT_MAX_ROUND_TRIP_MS;
	return {
		now: () => options.wallMs() + offset,
		offsetMs: () => offset,
		measured: () => measured,
		sample({ sentMs, receivedMs, relayMs }) {
			const roundTripMs = receivedMs - sentMs;
			if (!Number.isFinite(roundTripMs) || roundTripMs < 0 || roundTripMs > maxRoundTripMs)
				return false;
			if (!Number.isFinite(relayMs)) return false;
			// The relay read its clock about half a round trip before the answer arrived.
			offset = Math.round(relayMs + roundTripMs / 2 - receivedMs);
			measured = true;
			options.onOffset?.(offset);
			return true;
		}
	};
}

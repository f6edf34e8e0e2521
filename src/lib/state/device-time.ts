// A device's sense of time (issue 15, point 3): the relay's clock as this device knows it (the
// offset measured at every connect, kept across restarts so an offline restart still corrects a
// wrong device clock) and the stamp clock, which continues after its persisted high-water mark
// (never backwards across restarts) and does not adopt a remote wall time far ahead.

import { createHlc, isStamp, stampWallMs, type Hlc } from '../domain/clock/hlc';
import {
	createRelayClock,
	type RelayClock,
	type RelayTimeSample
} from '../domain/clock/relay-clock';
import { FLAG_AHEAD_MS, trustedNowMs } from '../domain/clock/stamp-trust';
import type { KeyValueStore } from '../storage/kv';

/** How far ahead of this device's clock a remote stamp may be and still move its clock. */
export const CLOCK_MAX_AHEAD_MS = FLAG_AHEAD_MS;

export interface DeviceTime {
	readonly relayClock: RelayClock;
	readonly clock: Hlc;
	/** The device's clock plus the relay offset: what stamps and ids are taken from. */
	nowMs(): number;
	/**
	 * The time months and closes are reasoned in: the relay's once it answered, offline never
	 * before this device's latest stamp (a clock reset to 2001 is not June 2001).
	 */
	timeMs(): number;
	/** A relay time answer: the offset moves and a far-ahead high-water mark is dropped. */
	onRelayTime(sample: RelayTimeSample): boolean;
}

export function createDeviceTime(options: {
	kv: KeyValueStore;
	/** Keys the offset and the high-water mark (the workspace or a test's namespace). */
	namespace: string;
	device: string;
	deviceMs: () => number;
}): DeviceTime {
	const { kv, namespace, deviceMs } = options;
	const offsetKey = `stockflow.clock-offset.${namespace}`;
	const storedOffset = Number(kv.get(offsetKey) ?? 0);
	const relayClock = createRelayClock({
		wallMs: deviceMs,
		offsetMs: Number.isFinite(storedOffset) ? storedOffset : 0,
		onOffset: (offsetMs) => kv.set(offsetKey, String(offsetMs))
	});
	const nowMs = (): number => relayClock.now();
	const hlcKey = `stockflow.hlc.${namespace}`;
	const start = kv.get(hlcKey);
	let highWaterMs = start && isStamp(start) ? stampWallMs(start) : 0;
	const clock = createHlc(options.device, nowMs, {
		start,
		onAdvance: (stamp) => {
			kv.set(hlcKey, stamp);
			highWaterMs = stampWallMs(stamp);
		},
		maxAheadMs: CLOCK_MAX_AHEAD_MS,
		onFarAhead: (stamp, aheadMs) =>
			console.warn(`stockflow: not adopting ${stamp}, ${Math.round(aheadMs / 1000)} s ahead`)
	});
	return {
		relayClock,
		clock,
		nowMs,
		timeMs: () => trustedNowMs({ relayMs: nowMs(), measured: relayClock.measured(), highWaterMs }),
		onRelayTime(sample) {
			if (!relayClock.sample(sample)) return false;
			const dropped = clock.dropFarAhead();
			if (dropped)
				console.warn(`stockflow: stamps continue at the relay's time, not after ${dropped}`);
			return true;
		}
	};
}

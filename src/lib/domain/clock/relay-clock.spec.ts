// The relay as time reference: a device measures the relay's offset and stamps with it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ROUND_TRIP_MS, createRelayClock } from './relay-clock';

const DAY = 86_400_000;
const RELAY = Date.UTC(2026, 11, 7, 9);

describe('the relay clock', () => {
	it('a device 400 days ahead tells the relay’s time after one measurement', () => {
		let device = RELAY + 400 * DAY;
		const clock = createRelayClock({ wallMs: () => device });
		expect(clock.now()).toBe(RELAY + 400 * DAY);
		// Query left at device time T, answer (relay read its clock 40 ms later) arrived at T + 80.
		expect(clock.sample({ sentMs: device, receivedMs: device + 80, relayMs: RELAY + 40 })).toBe(
			true
		);
		device += 80;
		expect(clock.now()).toBe(RELAY + 80);
		expect(clock.offsetMs()).toBe(-400 * DAY);
		expect(clock.measured()).toBe(true);
	});

	it('a device set back to 2001 with the offset kept from an earlier run stamps in relay time', () => {
		const device = Date.UTC(2001, 5, 1);
		const stored: number[] = [];
		const first = createRelayClock({ wallMs: () => device, onOffset: (o) => stored.push(o) });
		first.sample({ sentMs: device, receivedMs: device, relayMs: RELAY });
		const restarted = createRelayClock({ wallMs: () => device, offsetMs: stored.at(-1) ?? 0 });
		expect(restarted.measured()).toBe(false);
		expect(restarted.now()).toBe(RELAY);
	});

	it('takes a round trip exactly at the limit, not one a millisecond longer', () => {
		const clock = createRelayClock({ wallMs: () => 0 });
		const tooLong = DEFAULT_MAX_ROUND_TRIP_MS + 1;
		expect(clock.sample({ sentMs: 0, receivedMs: tooLong, relayMs: RELAY })).toBe(false);
		expect(clock.offsetMs()).toBe(0);
		const atLimit = DEFAULT_MAX_ROUND_TRIP_MS;
		expect(clock.sample({ sentMs: 0, receivedMs: atLimit, relayMs: RELAY })).toBe(true);
		expect(clock.offsetMs()).toBe(RELAY + atLimit / 2 - atLimit);
	});

	it('ignores an answer that arrived before its query left (the device clock jumped back)', () => {
		const clock = createRelayClock({ wallMs: () => 0, offsetMs: 5 });
		expect(clock.sample({ sentMs: 100, receivedMs: 99, relayMs: RELAY })).toBe(false);
		expect(clock.offsetMs()).toBe(5);
		expect(clock.measured()).toBe(false);
	});

	it('a stored offset that is not a number counts as none', () => {
		expect(createRelayClock({ wallMs: () => 7, offsetMs: Number.NaN }).now()).toBe(7);
	});
});

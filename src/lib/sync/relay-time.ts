// Message 101 on a y-websocket provider: "what time is it?". The wire format lives in
// protocol.ts, the offset arithmetic in domain/clock/relay-clock.ts; this is the glue.

import type { WebsocketProvider } from 'y-websocket';
import type { RelayTimeSample } from '../domain/clock/relay-clock';
import { MESSAGE_TIME_ANSWER, encodeTimeQuery, readTimeAnswer } from './protocol';

export interface RelayTimeQuery {
	/** Asks now when the socket is open; false when it could not be sent. */
	send(): boolean;
}

/**
 * Installs the answer handler on a provider. Each answer is paired with the last query sent on
 * it; an answer without a query (or a malformed one) is ignored.
 */
export function installRelayTime(
	provider: WebsocketProvider,
	wallMs: () => number,
	onSample: (sample: RelayTimeSample) => void
): RelayTimeQuery {
	let sentMs: number | null = null;
	provider.messageHandlers[MESSAGE_TIME_ANSWER] = (_encoder, decoder) => {
		let relayMs: number;
		try {
			relayMs = readTimeAnswer(decoder);
		} catch (error) {
			console.error('stockflow: malformed time answer from relay', error);
			return;
		}
		if (sentMs === null) return;
		const sample = { sentMs, receivedMs: wallMs(), relayMs };
		sentMs = null;
		onSample(sample);
	};
	return {
		send() {
			const ws = provider.ws;
			if (!provider.wsconnected || !ws || ws.readyState !== 1 /* OPEN */) return false;
			sentMs = wallMs();
			ws.send(encodeTimeQuery());
			return true;
		}
	};
}

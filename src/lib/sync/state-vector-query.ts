// Message type 100, our relay extension: "which of my updates have you stored?". The client
// sends varUint(100); the relay answers varUint(100), varUint8Array(stateVector) after every
// earlier message of the connection was persisted and applied. Stock y-websocket clients
// never send it, so they never see the answer.

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';

export const messageQueryStateVector = 100;

export function encodeStateVectorQuery(): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, messageQueryStateVector);
	return encoding.toUint8Array(encoder);
}

/** Installs the answer handler; `onStateVector` gets the relay's decoded state vector. */
export function installStateVectorHandler(
	provider: WebsocketProvider,
	onStateVector: (serverSV: Map<number, number>) => void
): void {
	// y-websocket calls (encoder, decoder, provider, emitSynced, messageType) and sends the
	// encoder back if we wrote to it; we write nothing, the answer needs no reply.
	provider.messageHandlers[messageQueryStateVector] = (_encoder, decoder) => {
		let sv: Map<number, number>;
		try {
			sv = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
		} catch (error) {
			console.error('stockflow: malformed state vector answer from relay', error);
			return;
		}
		onStateVector(sv);
	};
}

/** Sends the query when the socket is open; false when it could not be sent. */
export function sendStateVectorQuery(provider: WebsocketProvider): boolean {
	const ws = provider.ws;
	if (!provider.wsconnected || !ws || ws.readyState !== 1 /* OPEN */) return false;
	ws.send(encodeStateVectorQuery());
	return true;
}

// Joining this browser's other tabs without posting the whole doc. y-websocket's `connectBc`
// broadcasts sync step 1 and then the doc's entire state as sync step 2 (a year's orders doc:
// megabytes, a few hundred ms of encoding on the main thread), even when no other tab is open.
// Here a joining tab sends its step 1 and message MESSAGE_TAB_JOIN: every open tab answers the
// step 1 with what the joiner lacks, and the join message with its own step 1, which the joiner
// answers with what that tab lacks. Three small messages per tab, nothing when alone.

import * as bc from 'lib0/broadcastchannel';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import {
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SYNC,
	MESSAGE_TAB_JOIN
} from './protocol';

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

export class TabJoiningProvider extends WebsocketProvider {
	constructor(...args: ConstructorParameters<typeof WebsocketProvider>) {
		super(...args);
		// Another tab joined: send it our state vector; it answers with what we lack. The
		// subscriber publishes what the handler wrote.
		this.messageHandlers[MESSAGE_TAB_JOIN] = (encoder, _decoder, provider) => {
			encoding.writeVarUint(encoder, MESSAGE_SYNC);
			syncProtocol.writeSyncStep1(encoder, provider.doc);
		};
	}

	override connectBc(): void {
		if (this.disableBc) return;
		if (!this.bcconnected) {
			bc.subscribe(this.bcChannel, this._bcSubscriber);
			this.bcconnected = true;
		}
		const publish = (data: Uint8Array) => bc.publish(this.bcChannel, data, this);
		publish(
			message((e) => {
				encoding.writeVarUint(e, MESSAGE_SYNC);
				syncProtocol.writeSyncStep1(e, this.doc);
			})
		);
		publish(message((e) => encoding.writeVarUint(e, MESSAGE_TAB_JOIN)));
		publish(message((e) => encoding.writeVarUint(e, MESSAGE_QUERY_AWARENESS)));
		publish(
			message((e) => {
				encoding.writeVarUint(e, MESSAGE_AWARENESS);
				encoding.writeVarUint8Array(
					e,
					awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])
				);
			})
		);
	}
}

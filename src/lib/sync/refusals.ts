// The app's side of a refused update (sync-server/integrity): the relay answers a change it
// will not store with y-protocols' permission-denied message, `readRefusal` tells it from other
// permission texts, and this keeps, per doc, what was refused so the app can say so.
//
// A refused struct leaves a gap in its client's clock: every later change of that client in
// that doc is refused as `gap`, and every reconnect's sync step 2 carries the refused struct
// again. So a doc stays refused until its refused changes are set aside (set-aside.ts).
// A gap alone is no refusal to show: after a reconnect, a live edit may overtake the sync step 2
// that fills the gap (y-websocket sends edits as soon as the socket opens), and that step 2
// carries the edit again. After a reload the refused change itself is sent first, with its
// reason, so a real refusal is always seen with one.

import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_AUTH, readRefusal, type RefusalNotice, type RefusalReason } from './protocol';

export interface DocRefusal {
	doc: string;
	/** The first refusal's reason: later `gap` refusals only follow from it. */
	reason: RefusalReason;
	detail: string;
	/** How many updates of this doc the relay refused since this device started. */
	count: number;
	firstAtMs: number;
}

/** Folds one more refusal of `doc` into what is known (`previous` may be undefined). */
export function foldRefusal(
	previous: DocRefusal | undefined,
	doc: string,
	notice: RefusalNotice,
	atMs: number
): DocRefusal {
	if (!previous) return { doc, ...notice, count: 1, firstAtMs: atMs };
	// A gap says only that something earlier was refused; the earlier reason is the one to show.
	const replace = previous.reason === 'gap' && notice.reason !== 'gap';
	return {
		...previous,
		...(replace ? notice : {}),
		count: previous.count + 1
	};
}

/**
 * Takes over the provider's auth message: a Stockflow refusal goes to `onRefusal`; any other
 * permission-denied text is logged as y-websocket does.
 */
export function installRefusalHandler(
	provider: WebsocketProvider,
	onRefusal: (notice: RefusalNotice) => void
): void {
	provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
		authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => {
			const notice = readRefusal(reason);
			if (notice) onRefusal(notice);
			else console.warn(`Permission denied to access ${provider.url}.\n${reason}`);
		});
	};
}

// Every stamp a device sees moves its clock (issue 15, point 3): not only other devices'
// movements (the projector reports those) but count lines, order, transfer and work-order
// events and audit entries, so a local stamp always sorts after what this device has seen.
// A stamp too far ahead is not adopted (the clock's bound); the latest one within it is.

import type * as Y from 'yjs';
import type { Hlc } from '../domain/clock/hlc';
import { isCommandOrigin } from '../doc/origin';
import { stampsAdded } from '../doc/update-stamps';

/**
 * Merges the stamps of every transaction not made by a command on this device; returns the
 * undo. On 'afterTransaction', not 'update': an 'update' listener makes Yjs encode every
 * transaction, a cold start's chunked load of the orders doc included.
 */
export function mergeStamps(doc: Y.Doc, clock: Pick<Hlc, 'receive'>): () => void {
	const onTransaction = (transaction: Y.Transaction): void => {
		if (isCommandOrigin(transaction.origin)) return;
		for (const stamp of stampsAdded(transaction)) if (clock.receive(stamp)) return;
	};
	doc.on('afterTransaction', onTransaction);
	return () => doc.off('afterTransaction', onTransaction);
}

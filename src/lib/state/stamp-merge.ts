// Every stamp a device sees moves its clock (issue 15, point 3): not only other devices'
// movements (the projector reports those) but count lines, order, transfer and work-order
// events and audit entries, so a local stamp always sorts after what this device has seen.
// A stamp too far ahead is not adopted (the clock's bound); the latest one within it is.

import type * as Y from 'yjs';
import type { Hlc } from '../domain/clock/hlc';
import { stampsInUpdate } from '../doc/update-stamps';

const isCommandOrigin = (origin: unknown): boolean =>
	typeof origin === 'object' && origin !== null && 'kind' in origin && origin.kind === 'command';

/** Merges the stamps of every update not made by a command on this device; returns the undo. */
export function mergeStamps(doc: Y.Doc, clock: Pick<Hlc, 'receive'>): () => void {
	const onUpdate = (update: Uint8Array, origin: unknown): void => {
		if (isCommandOrigin(origin)) return;
		for (const stamp of stampsInUpdate(update)) if (clock.receive(stamp)) return;
	};
	doc.on('update', onUpdate);
	return () => doc.off('update', onUpdate);
}

// A ledger doc the projector follows: its movements array is observed and each insertion handed
// on with where it came from (this device's command or elsewhere). Until the doc holds its
// locally stored content, that load is not handed on: the projector reconciles it against its
// checkpoint instead (projector.ts `reconcile`).

import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { movementsArray } from '../doc/ledger-doc';
import { isCommandOrigin } from '../doc/origin';
import type { ChangeOrigin } from './projected-ids';

export interface FollowedLedger {
	readonly doc: Y.Doc;
	readonly month: string;
	/** The doc holds its locally stored content (set by the projector's reconcile). */
	loaded: boolean;
	unfollow(): void;
}

export function followLedger(
	doc: Y.Doc,
	month: string,
	onInserted: (values: unknown[], origin: ChangeOrigin) => void
): FollowedLedger {
	const array = movementsArray(doc);
	const handler = (event: Y.YArrayEvent<unknown>): void => {
		const origin = event.transaction.origin;
		if (!ledger.loaded && origin instanceof IndexeddbPersistence) return;
		const inserted: unknown[] = [];
		for (const part of event.changes.delta) {
			if (Array.isArray(part.insert)) inserted.push(...(part.insert as unknown[]));
		}
		onInserted(inserted, isCommandOrigin(origin) ? 'local' : 'remote');
	};
	const ledger: FollowedLedger = {
		doc,
		month,
		loaded: false,
		unfollow: () => array.unobserve(handler)
	};
	array.observe(handler);
	return ledger;
}

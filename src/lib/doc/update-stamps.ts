// The clock stamps a Yjs update carries: every plain value that is a stamp or an entry with an
// `at` stamp (events, count lines, audit entries, movements). Read from the update itself, so
// the doc's layout does not matter and nothing already held is read again.

import * as Y from 'yjs';
import { compareStamps, isStamp, type Stamp } from '../domain/clock/hlc';
import { entryStamp } from '../domain/clock/stamp-trust';

/** Every stamp in the update, latest first. */
export function stampsInUpdate(update: Uint8Array): Stamp[] {
	const out: Stamp[] = [];
	for (const struct of Y.decodeUpdate(update).structs) {
		if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
		for (const value of struct.content.arr) {
			const stamp = isStamp(value) ? value : entryStamp(value);
			if (stamp !== null) out.push(stamp);
		}
	}
	return out.sort((a, b) => compareStamps(b, a));
}

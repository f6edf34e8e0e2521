// Health of local storage, for a status panel: whether the browser granted persistent
// storage, which doc databases were found corrupt (and resynced), projection rebuilds.

import type { CorruptDocReport } from '../storage/local-doc';

export const storageState: {
	/** null until navigator.storage.persist() answered. */
	persisted: boolean | null;
	corruptDocs: CorruptDocReport[];
	/** Why the stored projection was rejected and rebuilt at the last open, if it was. */
	projectionRejected: string | null;
	projectionError: string | null;
} = $state({ persisted: null, corruptDocs: [], projectionRejected: null, projectionError: null });

// The copy a device keeps of changes it sets aside after a refusal: everything its doc holds
// that the relay has not stored (the refused change and whatever was stuck behind it), as one
// Yjs update in a JSON file an administrator can inspect or apply to a doc by hand. Nothing in
// it is lost by re-syncing: the device's old database is left in place as well.

import * as Y from 'yjs';
import type { DocRefusal } from './refusals';

export const SET_ASIDE_FORMAT = 'stockflow-set-aside';
export const SET_ASIDE_VERSION = 1;

export interface SetAsideCopy {
	fileName: string;
	/** The file's JSON text. */
	text: string;
	/** Yjs client ids whose changes the copy holds (the device's, this session and earlier). */
	clients: number[];
	/** Bytes of the update the copy holds. */
	updateBytes: number;
}

export interface SetAsideInput {
	workspace: string;
	docName: string;
	doc: Y.Doc;
	refusal: DocRefusal | null;
	/** The relay's state vector of the doc when last asked; null: unknown (the whole doc goes). */
	relayStateVector: ReadonlyMap<number, number> | null;
	user: string;
	device: string;
	nowMs: number;
}

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

function encodeStateVector(sv: ReadonlyMap<number, number>): Uint8Array {
	// Y.encodeStateVector takes a doc or a Map; copy so a read-only map is accepted.
	return Y.encodeStateVector(new Map(sv));
}

/** Whose changes `update` holds, beyond what the relay has. */
function clientsOf(update: Uint8Array): number[] {
	const { structs, ds } = Y.decodeUpdate(update);
	const clients = new Set<number>(structs.map((s) => s.id.client));
	for (const client of ds.clients.keys()) clients.add(client);
	return [...clients].sort((a, b) => a - b);
}

export function setAsideCopy(input: SetAsideInput): SetAsideCopy {
	const update = Y.encodeStateAsUpdate(
		input.doc,
		input.relayStateVector ? encodeStateVector(input.relayStateVector) : undefined
	);
	const clients = clientsOf(update);
	const at = new Date(input.nowMs).toISOString();
	const text = JSON.stringify(
		{
			format: SET_ASIDE_FORMAT,
			version: SET_ASIDE_VERSION,
			workspace: input.workspace,
			doc: input.docName,
			user: input.user,
			device: input.device,
			setAsideAt: at,
			refusal: input.refusal && {
				reason: input.refusal.reason,
				detail: input.refusal.detail,
				refusedUpdates: input.refusal.count
			},
			// Relative to the relay's state when known, else the device's whole doc.
			relative: input.relayStateVector !== null,
			clients,
			update: base64(update)
		},
		null,
		2
	);
	const stamp = at.slice(0, 16).replace(/[-:T]/g, '');
	return {
		fileName: `stockflow-set-aside-${input.workspace}-${input.docName}-${stamp}.json`,
		text,
		clients,
		updateBytes: update.byteLength
	};
}

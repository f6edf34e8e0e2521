// IndexedDB database names of a workspace. A doc's y-indexeddb database is
// `stockflow:<workspace>:<doc>` unless it was found corrupt, in which case the broken database
// is left in place (it may hold changes the relay never saw) and the doc is redirected to a
// fresh database whose name is remembered in the key-value store.

import type { KeyValueStore } from './kv';

export function docDbName(workspace: string, docName: string): string {
	return `stockflow:${workspace}:${docName}`;
}

export function projectionDbName(workspace: string): string {
	return `stockflow-proj:${workspace}`;
}

function redirectKey(workspace: string, docName: string): string {
	return `stockflow.idb-redirect.${workspace}.${docName}`;
}

/** The database currently used for a doc (the canonical name unless redirected). */
export function resolveDocDbName(kv: KeyValueStore, workspace: string, docName: string): string {
	const redirected = kv.get(redirectKey(workspace, docName));
	const canonical = docDbName(workspace, docName);
	return redirected !== null && redirected.startsWith(`${canonical}~`) ? redirected : canonical;
}

/** Switches a doc to a fresh database; returns its name. The old database is not touched. */
export function redirectDocDb(
	kv: KeyValueStore,
	workspace: string,
	docName: string,
	nowMs: number
): string {
	const name = `${docDbName(workspace, docName)}~${nowMs.toString(36)}`;
	kv.set(redirectKey(workspace, docName), name);
	return name;
}

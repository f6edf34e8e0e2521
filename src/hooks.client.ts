/// <reference types="vite-plugin-pwa/client" />
// Client hooks: unexpected errors are logged with their kind so a bug report has context, and
// a signed-in user's workspace starts opening as soon as the app starts.
import type { ClientInit, HandleClientError } from '@sveltejs/kit';
// Imported statically, not on demand: the workspace code (Yjs, Dexie, zod: the largest chunk)
// is then in index.html's modulepreloads and downloads with the entry, instead of being
// requested only once the entry has run. Every (app) page needs it before it can show data;
// only the sign-in page, opened once per device, loads it without using it.
import { openSignedInWorkspace } from '$lib/state/workspace.svelte';
import { fmtNumber } from '$lib/i18n';
import { nextTask } from '$lib/storage/load-turns';

export const init: ClientInit = async () => {
	// IndexedDB starts reading the catalog and projection before the layout renders its shell.
	if (location.pathname.startsWith('/signin')) return;
	// The first number formatter loads the locale's data (20–30 ms). Made in an idle moment
	// while the route's code and IndexedDB load, it is not made while the stock table renders.
	void nextTask('background').then(() => fmtNumber(0));
	try {
		openSignedInWorkspace();
	} catch (error) {
		// The (app) layout opens it again, and shows what went wrong.
		console.error('[stockflow] early workspace open failed', error);
	}
	// SvelteKit awaits this before it routes: the first page's code (preloading its modules,
	// the layout) then starts in a task of its own instead of in the one that evaluated the
	// whole app's modules, so the cold start is two shorter tasks, not one long one.
	await nextTask();
};

export const handleError: HandleClientError = ({ error, status }) => {
	console.error('[stockflow] unexpected error', status, error);
	return { message: error instanceof Error ? error.message : String(error) };
};

/// <reference types="vite-plugin-pwa/client" />
// Client hooks: unexpected errors are logged with their kind so a bug report has context, and
// a signed-in user's workspace starts opening as soon as its code is there.
import type { ClientInit, HandleClientError } from '@sveltejs/kit';

export const init: ClientInit = () => {
	// Not awaited: the router loads the route meanwhile. The workspace module is the (app)
	// layout's own dependency, so this fetches nothing extra; IndexedDB starts reading the
	// catalog and projection before the layout renders its shell.
	if (location.pathname.startsWith('/signin')) return;
	void import('$lib/state/workspace.svelte')
		.then((m) => m.openSignedInWorkspace())
		.catch((error: unknown) => console.error('[stockflow] early workspace open failed', error));
};

export const handleError: HandleClientError = ({ error, status }) => {
	console.error('[stockflow] unexpected error', status, error);
	return { message: error instanceof Error ? error.message : String(error) };
};

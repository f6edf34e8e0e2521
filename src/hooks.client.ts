/// <reference types="vite-plugin-pwa/client" />
// Client hooks: unexpected errors are logged with their kind so a bug report has context.
import type { HandleClientError } from '@sveltejs/kit';

export const handleError: HandleClientError = ({ error, status }) => {
	console.error('[stockflow] unexpected error', status, error);
	return { message: error instanceof Error ? error.message : String(error) };
};

import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: the relay serves build/ and falls back to index.html, so every
		// route works offline from the service worker's precache.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: false }),
		serviceWorker: { register: false }
	}
};

export default config;

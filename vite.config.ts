import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			registerType: 'autoUpdate',
			injectRegister: false,
			manifest: false, // static/manifest.webmanifest is the source of truth
			// SPA: precache adapter-static's fallback page so a reload of any route works offline.
			kit: { adapterFallback: 'index.html', spa: true },
			// Absolute: SvelteKit builds with a relative base, which would register ./sw.js per route.
			base: '/',
			scope: '/',
			workbox: {
				globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2,wasm}'], // wasm: camera scan fallback
				navigateFallback: '/index.html',
				// The relay's own endpoints must never be answered from the cache.
				navigateFallbackDenylist: [/^\/sync\//, /^\/healthz/, /^\/metrics/, /^\/api\//]
			}
		})
	],
	build: {
		// The per-plugin timing report is noise for operators running `npm start`.
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		include: [
			'src/**/*.spec.ts',
			'tests/unit/**/*.spec.ts',
			'tests/relay/**/*.spec.ts',
			'sync-server/**/*.spec.ts',
			'bench/**/*.spec.ts'
		],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 30_000
	}
});

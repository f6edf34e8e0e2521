// Headers on every response of the relay's port. Sign-in links carry a token in the URL, so
// nothing may leak it (no Referer, no framing by another site), and the app's own page runs
// only its own scripts: SvelteKit's one inline boot script is allowed by its hash, WebAssembly
// (the camera-scan fallback) by 'wasm-unsafe-eval', and the websocket by the page's own host.

import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function contentSecurityPolicy(options: {
	host: string | undefined;
	scriptHashes?: readonly string[];
}): string {
	// 'self' covers same-origin websockets in current browsers; older Safari needs them named.
	const host = options.host && HOST.test(options.host) ? options.host : null;
	const sockets = host ? ` ws://${host} wss://${host}` : '';
	const hashes = (options.scriptHashes ?? []).map((h) => ` '${h}'`).join('');
	return [
		"default-src 'self'",
		`script-src 'self' 'wasm-unsafe-eval'${hashes}`,
		// Svelte sets style attributes and transitions insert style rules.
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"font-src 'self' data:",
		`connect-src 'self'${sockets}`,
		"worker-src 'self'",
		"manifest-src 'self'",
		"media-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
}

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
	res.setHeader('Content-Security-Policy', contentSecurityPolicy({ host: req.headers.host }));
	res.setHeader('X-Frame-Options', 'DENY');
	res.setHeader('Referrer-Policy', 'no-referrer');
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
	res.setHeader('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
}

/** `sha256-…` sources for the inline `<script>` elements of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
	const hashes: string[] = [];
	for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
		const body = match[1] ?? '';
		hashes.push(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
	}
	return hashes;
}

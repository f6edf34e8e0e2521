// Serves the built PWA (`build/`) with an SPA fallback to index.html. Files whose names
// never change get a long immutable cache; the shell and service worker are revalidated
// every time so a deploy reaches users on their next load.

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { contentSecurityPolicy, inlineScriptHashes } from './security-headers';

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.ico': 'image/x-icon',
	'.webp': 'image/webp',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.wasm': 'application/wasm', // camera-scan fallback (zxing-wasm): streaming compile needs it
	'.txt': 'text/plain; charset=utf-8',
	'.map': 'application/json; charset=utf-8'
};

const NO_CACHE =
	/^(index\.html|sw\.js|service-worker\.js|manifest\.webmanifest|workbox-[^/]*\.js)$/;

export function contentTypeOf(file: string): string {
	return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function cacheControlOf(relativePath: string): string {
	if (relativePath.startsWith('_app/immutable/')) return 'public, max-age=31536000, immutable';
	if (NO_CACHE.test(relativePath)) return 'no-cache';
	return 'public, max-age=3600';
}

/** Answers GET/HEAD for files under `root`; returns false when it did not handle the request. */
export async function serveStatic(
	req: IncomingMessage,
	res: ServerResponse,
	root: string | undefined
): Promise<boolean> {
	if (req.method !== 'GET' && req.method !== 'HEAD') return false;
	const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
	let pathname: string;
	try {
		pathname = decodeURIComponent(rawPath);
	} catch {
		send(res, 400, 'Bad path');
		return true;
	}
	const segments = pathname.split(/[/\\]+/).filter((s) => s.length > 0);
	if (pathname.includes('\0') || segments.some((s) => s === '..' || s === '.')) {
		send(res, 403, 'Forbidden');
		return true;
	}
	if (!root) {
		send(res, 404, 'Not found');
		return true;
	}
	const base = resolve(root);
	const relative = segments.join('/');
	const file = resolve(join(base, relative));
	if (file !== base && !file.startsWith(base + sep)) {
		send(res, 403, 'Forbidden');
		return true;
	}
	const found = await fileAt(relative === '' ? join(base, 'index.html') : file);
	if (found) return sendFile(req, res, found, relative === '' ? 'index.html' : relative);
	// SPA fallback: client routes (/items, /signin) have no extension; a missing asset stays 404.
	if (extname(relative) === '') {
		const index = await fileAt(join(base, 'index.html'));
		if (index) return sendFile(req, res, index, 'index.html');
		send(res, 503, 'The app is not built yet: run `npm run build` (or `npm start`).');
		return true;
	}
	send(res, 404, 'Not found');
	return true;
}

async function fileAt(
	path: string
): Promise<{ path: string; size: number; mtimeMs: number } | null> {
	try {
		const info = await stat(path);
		return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null;
	} catch {
		return null;
	}
}

/** Inline script hashes per HTML file and modification time (a deploy replaces the file). */
const htmlHashes = new Map<string, { mtimeMs: number; hashes: string[] }>();

async function scriptHashesOf(file: { path: string; mtimeMs: number }): Promise<string[]> {
	const cached = htmlHashes.get(file.path);
	if (cached && cached.mtimeMs === file.mtimeMs) return cached.hashes;
	const hashes = inlineScriptHashes(await readFile(file.path, 'utf8'));
	htmlHashes.set(file.path, { mtimeMs: file.mtimeMs, hashes });
	return hashes;
}

async function sendFile(
	req: IncomingMessage,
	res: ServerResponse,
	file: { path: string; size: number; mtimeMs: number },
	relative: string
): Promise<true> {
	if (extname(file.path).toLowerCase() === '.html') {
		res.setHeader(
			'Content-Security-Policy',
			contentSecurityPolicy({ host: req.headers.host, scriptHashes: await scriptHashesOf(file) })
		);
	}
	const lastModified = new Date(Math.floor(file.mtimeMs / 1000) * 1000).toUTCString();
	res.setHeader('Content-Type', contentTypeOf(file.path));
	res.setHeader('Cache-Control', cacheControlOf(relative));
	res.setHeader('Last-Modified', lastModified);
	res.setHeader('X-Content-Type-Options', 'nosniff');
	const since = req.headers['if-modified-since'];
	if (since && Date.parse(since) >= Date.parse(lastModified)) {
		res.statusCode = 304;
		res.end();
		return true;
	}
	res.setHeader('Content-Length', file.size);
	res.statusCode = 200;
	if (req.method === 'HEAD') {
		res.end();
		return true;
	}
	createReadStream(file.path)
		.on('error', () => res.destroy())
		.pipe(res);
	return true;
}

function send(res: ServerResponse, status: number, text: string): void {
	res.statusCode = status;
	res.setHeader('Content-Type', 'text/plain; charset=utf-8');
	res.end(text);
}

// Plain HTTP on the relay port: health, metrics and the PWA files with the right headers.

import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, tempDir, type TestRelay } from './fixtures/relay';

const METRICS = [
	'stockflow_rooms',
	'stockflow_connections',
	'stockflow_bytes_in_total',
	'stockflow_bytes_out_total',
	'stockflow_updates_persisted_total',
	'stockflow_rejected_writes_total',
	'stockflow_protocol_errors_total',
	'stockflow_refused_connections_total'
];

/** GET with the path sent exactly as written (fetch would normalize `..`). */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
			let body = '';
			res.on('data', (c: Buffer) => (body += c.toString()));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('relay HTTP', () => {
	let dir: ReturnType<typeof tempDir>;
	let relay: TestRelay;
	beforeAll(async () => {
		dir = tempDir();
		const site = join(dir.path, 'site');
		mkdirSync(join(site, '_app', 'immutable', 'chunks'), { recursive: true });
		mkdirSync(join(site, 'icons'), { recursive: true });
		writeFileSync(join(site, 'index.html'), '<!doctype html><title>Stockflow</title>');
		writeFileSync(join(site, 'sw.js'), 'self.addEventListener("fetch", () => {});');
		writeFileSync(join(site, 'manifest.webmanifest'), '{"name":"Stockflow"}');
		writeFileSync(join(site, '_app', 'immutable', 'chunks', 'app.abc123.js'), 'export {};');
		writeFileSync(join(site, '_app', 'immutable', 'app.abc123.css'), 'body{}');
		writeFileSync(join(site, 'icons', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
		writeFileSync(join(site, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
		writeFileSync(join(site, 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
		writeFileSync(join(dir.path, 'outside.txt'), 'TOP SECRET');
		relay = await startTestRelay({ dataDir: join(dir.path, 'data'), staticDir: site });
	});
	afterAll(async () => {
		await relay.close();
		dir.remove();
	});

	it('answers /healthz with {"ok":true}', async () => {
		const res = await fetch(`${relay.http}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ok: true });
	});

	it('exposes every relay metric in Prometheus text', async () => {
		const res = await fetch(`${relay.http}/metrics`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		const text = await res.text();
		for (const name of METRICS) expect(text).toMatch(new RegExp(`^${name} \\d+(\\.\\d+)?$`, 'm'));
	});

	it.each([
		['/', 'text/html', 'no-cache'],
		['/index.html', 'text/html', 'no-cache'],
		['/sw.js', 'javascript', 'no-cache'],
		['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
		['/_app/immutable/chunks/app.abc123.js', 'javascript', 'immutable'],
		['/_app/immutable/app.abc123.css', 'text/css', 'immutable'],
		['/icons/icon.svg', 'image/svg+xml', undefined],
		['/icons/icon-192.png', 'image/png', undefined],
		['/font.woff2', 'font/woff2', undefined]
	])('serves %s as %s', async (path, type, cache) => {
		const res = await fetch(`${relay.http}${path}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain(type);
		if (cache) expect(res.headers.get('cache-control')).toContain(cache);
		if (cache === 'immutable') expect(res.headers.get('cache-control')).toMatch(/max-age=\d{6,}/);
	});

	it('answers client-side routes with the app shell (SPA fallback)', async () => {
		for (const path of ['/items', '/stock/by-warehouse', '/signin?token=abc']) {
			const res = await fetch(`${relay.http}${path}`);
			expect(res.status).toBe(200);
			expect(res.headers.get('cache-control')).toContain('no-cache');
			expect(await res.text()).toContain('<title>Stockflow</title>');
		}
	});

	it('answers a missing asset with 404, not with the shell', async () => {
		expect((await fetch(`${relay.http}/_app/immutable/missing.js`)).status).toBe(404);
	});

	it.each([
		'/../outside.txt',
		'/..%2foutside.txt',
		'/%2e%2e/outside.txt',
		'/icons/../../outside.txt',
		'/..%5coutside.txt'
	])('refuses path traversal %s', async (path) => {
		const res = await rawGet(relay.server.port, path);
		expect(res.body).not.toContain('TOP SECRET');
		expect(res.status === 200 ? res.body : 'refused').not.toContain('SECRET');
	});
});

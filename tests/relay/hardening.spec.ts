// Seen from outside: every response carries the security headers (tokens travel in sign-in
// URLs, so no Referer and no framing), the app's inline boot script is allowed by its hash
// only, and the data directory is readable by the relay's user alone.
import { createHash } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

const BOOT = 'window.booted = true;';

describe('security headers and file modes', () => {
	let dir: ReturnType<typeof tempDir>;
	let staticDir: ReturnType<typeof tempDir>;
	let relay: TestRelay;
	beforeAll(async () => {
		dir = tempDir();
		staticDir = tempDir('stockflow-static-');
		writeFileSync(
			join(staticDir.path, 'index.html'),
			`<!doctype html><html><body><script>${BOOT}</script><script src="/app.js"></script></body></html>`
		);
		writeFileSync(join(staticDir.path, 'app.js'), 'console.log(1)');
		relay = await startTestRelay({ dataDir: join(dir.path, 'data'), staticDir: staticDir.path });
	});
	afterAll(async () => {
		await relay.close();
		dir.remove();
		staticDir.remove();
	});

	it.each(['/', '/signin?token=x', '/app.js', '/healthz', '/metrics', '/api/whoami', '/nope.png'])(
		'%s carries CSP, frame and referrer headers',
		async (path) => {
			const res = await fetch(`${relay.http}${path}`);
			expect(res.headers.get('x-frame-options')).toBe('DENY');
			expect(res.headers.get('referrer-policy')).toBe('no-referrer');
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			const csp = res.headers.get('content-security-policy') ?? '';
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toContain("default-src 'self'");
			expect(csp).toContain("'wasm-unsafe-eval'");
			expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
			expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
		}
	);

	it('allows the inline boot script of the page by its hash', async () => {
		const res = await fetch(`${relay.http}/items`);
		const hash = createHash('sha256').update(BOOT).digest('base64');
		expect(res.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
	});

	it('also on API answers that refuse the caller', async () => {
		const res = await fetch(`${relay.http}/api/people`, {
			headers: { authorization: `Bearer ${await token('acme', 'sales')}` }
		});
		expect(res.status).toBe(403);
		expect(res.headers.get('referrer-policy')).toBe('no-referrer');
	});

	it('keeps the data directory 700 and the database files 600', () => {
		const data = join(dir.path, 'data');
		expect(statSync(data).mode & 0o777).toBe(0o700);
		for (const name of ['stockflow.sqlite', 'stockflow.sqlite-wal']) {
			expect((statSync(join(data, name)).mode & 0o777).toString(8)).toBe('600');
		}
	});

	it('tightens an existing world-readable installation on start', async () => {
		const old = join(dir.path, 'old');
		mkdirSync(old, { mode: 0o755 });
		writeFileSync(join(old, 'secret'), 'relay-test-secret-0123456789abcdef\n', { mode: 0o644 });
		const other = await startTestRelay({ dataDir: old });
		try {
			expect(statSync(old).mode & 0o777).toBe(0o700);
			expect(statSync(join(old, 'secret')).mode & 0o777).toBe(0o600);
			expect(statSync(join(old, 'stockflow.sqlite')).mode & 0o777).toBe(0o600);
		} finally {
			await other.close();
		}
	});
});

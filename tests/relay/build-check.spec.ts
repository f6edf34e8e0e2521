// `stockflow start` rebuilds the PWA only when the build is missing or older than its sources.

import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { needsBuild } from '../../sync-server/cli/build';
import { tempDir } from './fixtures/relay';

describe('needsBuild', () => {
	const dirs: ReturnType<typeof tempDir>[] = [];
	afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

	function project(): string {
		const dir = tempDir('stockflow-build-');
		dirs.push(dir);
		for (const sub of ['src/routes', 'static', 'build'])
			mkdirSync(join(dir.path, sub), { recursive: true });
		writeFileSync(join(dir.path, 'src/routes/+page.svelte'), '<h1>hi</h1>');
		writeFileSync(join(dir.path, 'static/manifest.webmanifest'), '{}');
		return dir.path;
	}
	const at = (path: string, seconds: number): void => utimesSync(path, seconds, seconds);

	it('builds when there is no build yet', () => {
		expect(needsBuild(project())).toBe(true);
	});

	it('does not build when the build is newer than every source', () => {
		const root = project();
		at(join(root, 'src/routes/+page.svelte'), 1_000);
		at(join(root, 'static/manifest.webmanifest'), 1_000);
		writeFileSync(join(root, 'build/index.html'), '<!doctype html>');
		at(join(root, 'build/index.html'), 2_000);
		expect(needsBuild(root)).toBe(false);
	});

	it.each(['src/routes/+page.svelte', 'static/manifest.webmanifest'])(
		'builds again after %s changed',
		(file) => {
			const root = project();
			at(join(root, 'src/routes/+page.svelte'), 1_000);
			at(join(root, 'static/manifest.webmanifest'), 1_000);
			writeFileSync(join(root, 'build/index.html'), '<!doctype html>');
			at(join(root, 'build/index.html'), 2_000);
			at(join(root, file), 3_000);
			expect(needsBuild(root)).toBe(true);
		}
	);
});

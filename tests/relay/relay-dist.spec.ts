// The relay and CLI ship compiled to plain JavaScript (bin/relay-dist.js): the build runs with
// plain `node` (no TypeScript loader), lists what it was built from so a changed source
// rebuilds it, and carries the worker threads beside its chunks.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(
	args: string[],
	env: Record<string, string> = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			args,
			{ cwd: ROOT, timeout: 60_000, env: { ...process.env, ...env } },
			(error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

describe('compiled relay', () => {
	it('builds, and the build runs under plain node with the workers beside it', async () => {
		const built = await run(['bin/relay-dist.js']);
		expect(built.code).toBe(0);
		const manifest: unknown = JSON.parse(
			readFileSync(join(ROOT, 'dist/relay/current.json'), 'utf8')
		);
		expect(manifest).toMatchObject({ dir: expect.any(String), inputs: expect.any(Array) });
		const { dir, inputs } = manifest as { dir: string; inputs: string[] };
		expect(inputs).toContain('sync-server/cli/main.ts');
		expect(inputs).toContain('sync-server/server.ts');
		for (const worker of [
			'sqlite-writer.worker.js',
			'update-check.worker.js',
			'integrity-check.worker.js'
		]) {
			expect(existsSync(join(ROOT, 'dist/relay', dir, worker))).toBe(true);
		}
		// No --import tsx: the compiled entry alone.
		const help = await run([join('dist/relay', dir, 'main.js'), 'help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Usage: stockflow <command>');
	}, 60_000);

	it('says on stderr when it falls back to the TypeScript sources, and why', async () => {
		// Compiled and current: the bin says nothing beyond the command's output.
		const quiet = await run(['bin/stockflow.js', 'help']);
		expect(quiet).toMatchObject({ code: 0, stderr: '' });
		// A build folder that cannot be created (a regular file is in the way).
		const dir = mkdtempSync(join(tmpdir(), 'stockflow-dist-'));
		writeFileSync(join(dir, 'file'), '');
		try {
			const fallback = await run(['bin/stockflow.js', 'help'], {
				STOCKFLOW_RELAY_DIST: join(dir, 'file', 'relay')
			});
			expect(fallback.code).toBe(0);
			expect(fallback.stdout).toContain('Usage: stockflow <command>');
			expect(fallback.stderr).toContain(
				'stockflow: WARNING: running the TypeScript sources through tsx, not the compiled relay:'
			);
			expect(fallback.stderr).toContain('is missing and building it failed: ENOTDIR');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});

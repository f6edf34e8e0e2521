// The relay and CLI ship compiled to plain JavaScript (bin/relay-dist.js): the build runs with
// plain `node` (no TypeScript loader), lists what it was built from so a changed source
// rebuilds it, and carries the worker threads beside its chunks.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(args: string[]): Promise<{ code: number; stdout: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, args, { cwd: ROOT, timeout: 60_000 }, (error, stdout) =>
			resolve({ code: error ? Number(error.code ?? 1) : 0, stdout })
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
		for (const worker of ['sqlite-writer.worker.js', 'update-check.worker.js']) {
			expect(existsSync(join(ROOT, 'dist/relay', dir, worker))).toBe(true);
		}
		// No --import tsx: the compiled entry alone.
		const help = await run([join('dist/relay', dir, 'main.js'), 'help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Usage: stockflow <command>');
	}, 60_000);
});

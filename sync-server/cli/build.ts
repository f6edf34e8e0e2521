// `start` builds the PWA when the build is missing or older than its sources, so
// `npm ci && npm start` works on a fresh clone without a separate build command.

import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a folder (0 when it does not exist). */
function newestMtimeMs(dir: string): number {
	let newest = 0;
	let entries;
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch {
		return 0;
	}
	for (const entry of entries) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtimeMs(path));
		else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
	}
	return newest;
}

function mtimeMs(file: string): number {
	try {
		return statSync(file).mtimeMs;
	} catch {
		return 0;
	}
}

export function needsBuild(root: string): boolean {
	let builtAt: number;
	try {
		builtAt = statSync(join(root, 'build', 'index.html')).mtimeMs;
	} catch {
		return true;
	}
	const sources = Math.max(
		newestMtimeMs(join(root, 'src')),
		newestMtimeMs(join(root, 'static')),
		...['svelte.config.js', 'vite.config.ts', 'package.json'].map((file) =>
			mtimeMs(join(root, file))
		)
	);
	return sources > builtAt;
}

export function runBuild(root: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
			{
				cwd: root,
				stdio: 'inherit'
			}
		);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code === 0) resolve();
			else reject(new Error(`vite build failed (${signal ?? `exit code ${code}`})`));
		});
	});
}

// The relay and CLI compiled to plain JavaScript (esbuild, a dependency of tsx, so already
// installed by `npm ci`): `bin/stockflow.js` runs the compiled copy, so a production relay
// carries no TypeScript loader (tsx's loader thread is a second V8 isolate, ~50 MB of RSS).
// The copy is rebuilt whenever a source it was built from changed or went away (about a second
// of work, the first start after a change); each build goes to its own folder under
// `dist/relay/` and `current.json` names the latest, so a relay still running an older build
// keeps loading its lazy chunks. `node bin/relay-dist.js` builds ahead of time (`npm run build`).

import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// STOCKFLOW_RELAY_DIST: another folder for the builds (a read-only install, tests).
const DIST = process.env.STOCKFLOW_RELAY_DIST || join(ROOT, 'dist', 'relay');
const CURRENT = join(DIST, 'current.json');
const ENTRY = join(ROOT, 'sync-server', 'cli', 'main.ts');
const CHECK_THREAD = join(ROOT, 'sync-server', 'integrity', 'check-thread.ts');
/** Older builds are removed once they are this old (a relay started from one is long loaded). */
const KEEP_OLD_BUILDS_MS = 60 * 60_000;

/**
 * The current build: `{ manifest }`, or `{ stale }` saying why it cannot be used (none yet, a
 * source changed since, a file of it gone).
 */
function currentBuild() {
	let manifest;
	try {
		manifest = JSON.parse(readFileSync(CURRENT, 'utf8'));
	} catch {
		return { stale: 'missing' };
	}
	if (!manifest || typeof manifest.dir !== 'string' || !Array.isArray(manifest.inputs)) {
		return { stale: 'missing' };
	}
	for (const input of manifest.inputs) {
		try {
			if (statSync(join(ROOT, input)).mtimeMs > manifest.builtAtMs) {
				return { stale: `stale (${input} changed since it was built)` };
			}
		} catch {
			return { stale: `stale (${input} is gone)` };
		}
	}
	try {
		statSync(join(DIST, manifest.dir, 'main.js'));
	} catch {
		return { stale: 'missing' };
	}
	return { manifest };
}

/** @param {string} keep the build folder in use */
function removeOldBuilds(keep) {
	let entries = [];
	try {
		entries = readdirSync(DIST, { withFileTypes: true });
	} catch {
		return;
	}
	for (const entry of entries) {
		if (!entry.isDirectory() || entry.name === keep) continue;
		const path = join(DIST, entry.name);
		try {
			if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS) {
				rmSync(path, { recursive: true, force: true });
			}
		} catch {
			// Another process removed it first.
		}
	}
}

/**
 * Compiles the relay and CLI into `out` (plus `extraEntries`, name → source: the integrity
 * bench's relay child, bench/integrity.ts) with the worker threads beside the chunks; returns
 * the sources it was built from (relative to the repository).
 * @param {string} out
 * @param {Record<string, string>} [extraEntries]
 */
export async function compileRelay(out, extraEntries = {}) {
	const esbuild = await import('esbuild');
	const result = await esbuild.build({
		// The integrity check thread runs compiled code too (its sources' loader:
		// sync-server/integrity/integrity-check.worker.js); it sits beside the chunks like the others.
		entryPoints: { main: ENTRY, 'integrity-check.worker': CHECK_THREAD, ...extraEntries },
		outdir: out,
		bundle: true,
		// The lazily imported commands (`stockflow report` never loads the relay) stay chunks.
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		// node_modules are imported at run time as they are, not bundled.
		packages: 'external',
		chunkNames: '[name]-[hash]',
		metafile: true,
		logLevel: 'silent'
	});
	const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes(':'));
	// Worker threads are plain JavaScript files beside the code that starts them
	// (`new URL('./x.worker.js', import.meta.url)`): every chunk sits in `out`, so they go there.
	for (const source of ['sync-server', join('sync-server', 'persistence')]) {
		for (const name of readdirSync(join(ROOT, source))) {
			if (!name.endsWith('.worker.js')) continue;
			copyFileSync(join(ROOT, source, name), join(out, name));
			inputs.push(join(source, name));
		}
	}
	return inputs;
}

/** Compiles the relay and CLI into a new build folder and makes it current. */
export async function buildRelay() {
	const builtAtMs = Date.now();
	const dir = `${builtAtMs.toString(36)}-${process.pid}`;
	const inputs = await compileRelay(join(DIST, dir));
	inputs.push(relative(ROOT, fileURLToPath(import.meta.url)));
	const manifest = { dir, builtAtMs, inputs };
	const temp = `${CURRENT}.${process.pid}`;
	writeFileSync(temp, JSON.stringify(manifest));
	renameSync(temp, CURRENT);
	removeOldBuilds(dir);
	return manifest;
}

/**
 * The compiled entry to import (`{ entry }`), built first when missing or stale; when it cannot
 * be built, `{ entry: null, reason }` (what was wrong with the build and why building failed).
 */
export async function relayEntry() {
	const current = currentBuild();
	let manifest = current.manifest;
	if (!manifest) {
		try {
			mkdirSync(DIST, { recursive: true });
			manifest = await buildRelay();
		} catch (err) {
			if (process.env.LOG_LEVEL === 'debug') console.error(err);
			const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
			return {
				entry: null,
				reason: `the compiled relay in ${DIST} is ${current.stale} and building it failed: ${why}`
			};
		}
	}
	return { entry: pathToFileURL(join(DIST, manifest.dir, 'main.js')).href };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	mkdirSync(dirname(CURRENT), { recursive: true });
	const manifest = await buildRelay();
	console.log(`relay compiled to dist/relay/${manifest.dir} (${manifest.inputs.length} sources)`);
}

#!/usr/bin/env -S node --max-semi-space-size=2
// Entry for `npx stockflow …` and `npm start`: runs the relay and CLI compiled to plain
// JavaScript (bin/relay-dist.js builds it after `npm ci` on first use, and again whenever a
// source changed), so no TypeScript loader runs in production. Should compiling be impossible,
// the TypeScript sources run through tsx as before, with a warning on stderr saying why.
// `--max-semi-space-size=2` (MB, here and in `npm start`): V8's young generation stays small,
// which keeps a busy relay's memory near the reference y-websocket server's for a few more
// cheap scavenges (docs/DECISIONS.md).
import { relayEntry } from './relay-dist.js';

const compiled = await relayEntry();
if (compiled.entry) {
	await import(compiled.entry);
} else {
	// stderr: stdout carries command output (tokens, reports) that scripts read.
	process.stderr.write(
		`stockflow: WARNING: running the TypeScript sources through tsx, not the compiled relay: ` +
			`${compiled.reason}. This works, but starts slower and holds about 50 MB more memory. ` +
			`Run "npm run build:relay" to see the error.\n`
	);
	const { register } = await import('tsx/esm/api');
	register();
	await import('../sync-server/cli/main.ts');
}

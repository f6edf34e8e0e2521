#!/usr/bin/env -S node --max-semi-space-size=2
// Entry for `npx stockflow …` and `npm start`: runs the relay and CLI compiled to plain
// JavaScript (bin/relay-dist.js builds it after `npm ci` on first use, and again whenever a
// source changed), so no TypeScript loader runs in production. Should compiling be impossible,
// the TypeScript sources run through tsx as before. `--max-semi-space-size=2` (MB, here and in
// `npm start`): V8's young generation stays small, which keeps a busy relay's memory near the
// reference y-websocket server's for a few more cheap scavenges (docs/DECISIONS.md).
import { relayEntry } from './relay-dist.js';

const compiled = await relayEntry();
if (compiled) {
	await import(compiled);
} else {
	const { register } = await import('tsx/esm/api');
	register();
	await import('../sync-server/cli/main.ts');
}

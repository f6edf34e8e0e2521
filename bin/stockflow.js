#!/usr/bin/env node
// Entry for `npx stockflow …` and `npm start`: registers tsx so the TypeScript sources run
// directly after `npm ci`, with no build step for the relay or the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../sync-server/cli/main.ts');

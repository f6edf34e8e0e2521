// Building a CommandContext from plain parts: the CLI, the demo and tests all do this the
// same way; the browser runtime may too.

import type { Role } from '../domain/auth/roles';
import { createHlc } from '../domain/clock/hlc';
import { createIdGenerator } from '../domain/ids';
import type { CommandContext, WorkspaceDocs } from './context';

export interface ContextOptions {
	docs: WorkspaceDocs;
	/** HLC device id: letters, digits, `_ . :` (max 64). */
	device: string;
	user: string;
	role: Role;
	/** Wall clock in ms (pass a simulated one in tests and the demo). */
	nowMs: () => number;
	/** Uniform in [0, 1); defaults to Math.random. Pass a seeded PRNG for reproducible ids. */
	random?: () => number;
}

export function createCommandContext(options: ContextOptions): CommandContext {
	return {
		docs: options.docs,
		clock: createHlc(options.device, options.nowMs),
		ids: createIdGenerator({ nowMs: options.nowMs, random: options.random ?? Math.random }),
		user: options.user,
		role: options.role
	};
}

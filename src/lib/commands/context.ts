// What every command needs: the workspace's docs, a clock, an id source and who is acting.
// The browser, the CLI (demo) and tests all build one of these; commands never reach
// for globals, so they run the same everywhere.

import type * as Y from 'yjs';
import type { Hlc } from '../domain/clock/hlc';
import type { Role } from '../domain/auth/roles';
import type { Balance } from '../domain/ledger/fold';
import type { CommandOrigin } from '../doc/origin';

export interface IdSource {
	/** A new globally unique id (time-sortable is nice, not required). */
	next(): string;
}

/** Workspace-wide docs besides the catalog: one each, not partitioned by month. */
export const SHARED_DOCS = ['orders', 'counts'] as const;
export type SharedDocName = (typeof SHARED_DOCS)[number];

export function isSharedDocName(name: string): name is SharedDocName {
	return (SHARED_DOCS as readonly string[]).includes(name);
}

export interface WorkspaceDocs {
	readonly catalog: Y.Doc;
	/** The `orders` or `counts` doc (opened with the workspace). */
	shared(name: SharedDocName): Y.Doc;
	/** The ledger doc of a month (`2026-11`), opened on demand. */
	ledger(month: string): Y.Doc;
	/**
	 * The open ledger docs from the base month on (every month when no period is closed), for
	 * folds over all movements; closed months enter as the base month's opening.
	 */
	ledgers(): readonly Y.Doc[];
}

export interface CommandContext {
	readonly docs: WorkspaceDocs;
	readonly clock: Hlc;
	readonly ids: IdSource;
	readonly user: string;
	readonly role: Role;
	/**
	 * Current balances when the caller already keeps a fold of every movement (the browser's
	 * projector). Without it, stock checks fold the open ledger docs, which costs a pass over
	 * the whole history per command.
	 */
	readonly balances?: () => ReadonlyMap<string, Balance>;
	/**
	 * The time this device trusts (the relay's, see WorkspaceRuntime.timeMs). Given, approvals
	 * check entries stamped far from it (domain/clock/stamp-trust.ts); absent (CLI, tests), not.
	 */
	readonly timeMs?: () => number;
	/**
	 * An admin confirmed acting on a sales / purchase / work order whose event log holds an
	 * event stamped far ahead of the relay's time (FarStampError, commands/far-events.ts); the
	 * new event is then stamped just after it. Ignored for other roles and by other commands.
	 */
	readonly confirmFarStamps?: boolean;
}

/** Every transaction a command makes carries this origin so observers know who changed what. */
export type { CommandOrigin };

export function commandOrigin(ctx: CommandContext, command: string): CommandOrigin {
	return { kind: 'command', command, user: ctx.user, device: ctx.clock.device };
}

// An action on an order (sales, purchase, work order) or a transfer stopped because its latest
// event is stamped far ahead of the relay's time (FarStampError, commands/far-events.ts). Anyone sees
// the refusal's message (an administrator must confirm); an admin may confirm, which repeats
// the action with the confirmation, so its event is stamped just after the far one.

import type { CommandContext } from '../../commands/context';
import { withFarStampsConfirmed } from '../../commands/far-events';
import { FarStampError } from '../../domain/errors';
import type { RunResult, WorkspaceState } from '../workspace.svelte';

export class FarStampGate {
	private last = $state<{ mayConfirm: boolean; subject: string } | null>(null);
	private confirming = false;
	private again: (() => unknown) | null = null;

	constructor(
		private readonly ws: WorkspaceState,
		/** The order the page shows: a stop on another one (the panel moved on) is not shown. */
		private readonly subject: () => string
	) {}

	/** The last action on this order was stopped; `mayConfirm`: this user (an admin) may confirm. */
	get stopped(): { mayConfirm: boolean } | null {
		const last = this.last;
		return last && last.subject === this.subject() ? { mayConfirm: last.mayConfirm } : null;
	}

	/** `ws.run` for an action on the order; `again` repeats the action (the page's method). */
	run<T>(command: (ctx: CommandContext) => T, again: () => unknown): RunResult<T> {
		const confirmed = this.confirming;
		const r = this.ws.run((ctx) => command(confirmed ? withFarStampsConfirmed(ctx) : ctx));
		const far = !r.ok && r.error instanceof FarStampError ? r.error : null;
		this.last = far ? { mayConfirm: far.mayConfirm, subject: this.subject() } : null;
		this.again = far ? again : null;
		return r;
	}

	/**
	 * An admin repeats the stopped action with the confirmation; returns what the action
	 * returns, or undefined when there is nothing this user may confirm.
	 */
	confirm<R>(): R | undefined {
		const again = this.again;
		if (!this.stopped?.mayConfirm || !again) return undefined;
		this.confirming = true;
		try {
			return again() as R;
		} finally {
			this.confirming = false;
		}
	}
}

// Set-up shared by the far-stamp view-model specs: offline workspaces signed in as a role, closed
// (and the language put back) after each test, and a tablet whose clock runs hours ahead.
import { afterEach } from 'vitest';
import { createCommandContext } from '../../commands/create-context';
import type { Role } from '../../domain/auth/roles';
import { setLocale } from '../../i18n';
import { WorkspaceState } from '../workspace.svelte';

export const HOUR = 3_600_000;

/** Call at the top of a spec: `open(role)` gives a ready workspace for one test. */
export function farStampWorkspaces(prefix: string): { open(role: Role): Promise<WorkspaceState> } {
	const opened: WorkspaceState[] = [];
	let n = 0;
	afterEach(async () => {
		await Promise.all(opened.splice(0).map((ws) => ws.close()));
		setLocale('zh-TW');
	});
	return {
		async open(role) {
			const ws = new WorkspaceState(
				{
					token: 't',
					workspace: `${prefix}-${++n}`,
					role,
					user: 'amy',
					expMs: Date.now() + 60_000
				},
				{ serverUrl: null }
			);
			opened.push(ws);
			await ws.runtime.ready;
			return ws;
		}
	};
}

/** Commands on `ws` from a tablet (an admin, ben) whose clock runs `hours` ahead. */
export function tabletAhead(ws: WorkspaceState, hours = 10) {
	return createCommandContext({
		docs: ws.runtime.docs,
		device: 'tablet',
		user: 'ben',
		role: 'admin',
		nowMs: () => Date.now() + hours * HOUR
	});
}

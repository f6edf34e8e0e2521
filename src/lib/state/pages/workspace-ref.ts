// Pages inside the (app) layout render only after the layout opened the workspace, so they
// can take it synchronously.
import { getWorkspace, type WorkspaceState } from '../workspace.svelte';

export function requireWorkspace(): WorkspaceState {
	const ws = getWorkspace();
	if (!ws) throw new Error('The workspace is not open: pages must render inside the (app) layout');
	return ws;
}

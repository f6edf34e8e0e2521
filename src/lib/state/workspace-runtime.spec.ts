import 'fake-indexeddb/auto';
import { describeWorkspaceDocsContract } from '../commands/workspace-docs-contract';
import { memoryKeyValueStore, type KeyValueStore } from '../storage/kv';
import { WorkspaceRuntime } from './workspace-runtime';

const NOW = Date.UTC(2026, 10, 15, 9, 0);
let workspaces = 0;

async function openRuntime(workspace: string, kv: KeyValueStore): Promise<WorkspaceRuntime> {
	const rt = new WorkspaceRuntime({
		session: { workspace, token: 't', role: 'admin', user: 'amy', expMs: NOW + 3_600_000 },
		kv,
		serverUrl: null,
		nowMs: () => NOW
	});
	await rt.ready;
	return rt;
}

describeWorkspaceDocsContract('browser runtime (IndexedDB)', async () => {
	const workspace = `contract-${++workspaces}`;
	const kv = memoryKeyValueStore();
	const runtimes = [await openRuntime(workspace, kv)];
	const first = runtimes[0];
	if (!first) throw new Error('no runtime');
	return {
		docs: first.docs,
		// Catalog changes (a close, new months) are applied at the end of the tick.
		settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
		async reopen() {
			// A reload: everything stored locally is back, no relay involved.
			for (const rt of runtimes) await rt.close();
			const next = await openRuntime(workspace, kv);
			runtimes.push(next);
			return next.docs;
		},
		async cleanup() {
			for (const rt of runtimes) await rt.close();
		}
	};
});

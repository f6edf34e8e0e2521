// The CLI's two WorkspaceDocs (over the relay's store, and over a running relay on 127.0.0.1)
// run the same contract as the browser runtime and the in-memory docs.

import { describeWorkspaceDocsContract } from '../../src/lib/commands/workspace-docs-contract';
import { openRelayWorkspace, type RelayWorkspace } from '../../sync-server/cli/relay-workspace';
import { loadStoreWorkspace, type StoreWorkspace } from '../../sync-server/cli/store-workspace';
import { openSqliteStore } from '../../sync-server/persistence/sqlite';
import { startTestRelay, tempDir, token } from './fixtures/relay';

let workspaces = 0;

describeWorkspaceDocsContract('CLI over the store (SQLite)', async () => {
	const dir = tempDir('stockflow-contract-');
	const store = openSqliteStore({ dataDir: dir.path });
	const workspace = `contract-${++workspaces}`;
	let current: StoreWorkspace = await loadStoreWorkspace(store, workspace);
	return {
		docs: current.docs,
		async reopen() {
			await current.save();
			current = await loadStoreWorkspace(store, workspace);
			return current.docs;
		},
		async cleanup() {
			await store.close();
			dir.remove();
		}
	};
});

describeWorkspaceDocsContract('CLI over a running relay', async () => {
	const dir = tempDir('stockflow-contract-relay-');
	const relay = await startTestRelay({ dataDir: dir.path });
	const workspace = `contract-${++workspaces}`;
	const jwt = await token(workspace, 'admin', { user: 'amy' });
	const connect = () =>
		openRelayWorkspace({ origin: relay.http, workspace, token: jwt, timeoutMs: 10_000 });
	const opened: RelayWorkspace[] = [await connect()];
	const first = opened[0];
	if (!first) throw new Error('not connected');
	return {
		docs: first.docs,
		async reopen() {
			// Another CLI run: the first one's changes are confirmed stored before it goes.
			for (const ws of opened) await ws.flush(10_000);
			for (const ws of opened) ws.close();
			const next = await connect();
			opened.push(next);
			return next.docs;
		},
		async cleanup() {
			for (const ws of opened) ws.close();
			await relay.close();
			dir.remove();
		}
	};
});

import { openSessionStore } from '../../../sync-server/sessions/store';
import { tempDir } from '../fixtures/relay';
import { describeSessionStoreContract } from './sessions-contract';

describeSessionStoreContract('SQLite', async () => {
	const dir = tempDir();
	const store = openSessionStore({ dataDir: dir.path });
	return {
		store,
		async cleanup() {
			await store.close();
			dir.remove();
		}
	};
});

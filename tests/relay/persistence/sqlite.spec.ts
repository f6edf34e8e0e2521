import { openSqliteStore } from '../../../sync-server/persistence/sqlite';
import { tempDir } from '../fixtures/relay';
import { describePersistenceContract } from './contract';

describePersistenceContract('SQLite', () => {
	const dir = tempDir('stockflow-sqlite-');
	let current = openSqliteStore({ dataDir: dir.path });
	return {
		store: current,
		async reopen() {
			await current.close();
			current = openSqliteStore({ dataDir: dir.path });
			return current;
		},
		async cleanup() {
			await current.close();
			dir.remove();
		}
	};
});

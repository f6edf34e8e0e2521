import { createMemoryStore } from '../../../sync-server/persistence/memory';
import { describePersistenceContract } from './contract';

describePersistenceContract('in-memory', () => {
	const store = createMemoryStore();
	return { store, cleanup: () => store.close() };
});

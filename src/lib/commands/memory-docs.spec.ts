import { workspaceDocsInMemory } from './memory-docs';
import { describeWorkspaceDocsContract } from './workspace-docs-contract';

describeWorkspaceDocsContract('in-memory', () => ({
	docs: workspaceDocsInMemory(),
	cleanup: () => undefined
}));

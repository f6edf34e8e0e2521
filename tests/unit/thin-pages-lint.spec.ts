// The thin-pages rule is a promise the next page relies on: a page that imports a command, a
// doc module or Yjs, or reaches into the runtime, must fail `npm run check`.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The probes are not files on disk, so the TypeScript project service cannot type them; the
// rules under test need no types.
const eslint = new ESLint({
	cwd: process.cwd(),
	overrideConfig: { languageOptions: { parserOptions: { projectService: false } } }
});

async function problems(source: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(source, { filePath });
	return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? '');
}

const page = (script: string) => `<script lang="ts">\n${script}\n</script>\n\n<p>x</p>\n`;
const PAGE = 'src/routes/(app)/lint-probe/+page.svelte';
const COMPONENT = 'src/lib/components/LintProbe.svelte';

describe('thin pages lint', () => {
	it.each([
		["import { createItem } from '$lib/commands/catalog';\n\tvoid createItem;", PAGE],
		["import { readItems } from '$lib/doc/catalog-doc';\n\tvoid readItems;", PAGE],
		["import * as Y from 'yjs';\n\tvoid Y;", COMPONENT],
		["import Dexie from 'dexie';\n\tvoid Dexie;", PAGE]
	])('refuses %s', async (script, file) => {
		expect(await problems(page(script), file)).toContain('no-restricted-imports');
	});

	it('refuses ws.runtime and ws.run in a page', async () => {
		const script = [
			"import { requireWorkspace } from '$lib/state/pages/workspace-ref';",
			'const ws = requireWorkspace();',
			'void ws.runtime;',
			'ws.run(() => 1);'
		].join('\n\t');
		const found = await problems(page(script), PAGE);
		expect(found.filter((r) => r === 'no-restricted-syntax')).toHaveLength(2);
	});

	it('lets a page bind to its view model', async () => {
		const script = [
			"import { requireWorkspace } from '$lib/state/pages/workspace-ref';",
			"import { WarehousesPageModel } from '$lib/state/pages/warehouses.svelte';",
			'const vm = new WarehousesPageModel(requireWorkspace());',
			'void vm;'
		].join('\n\t');
		expect(await problems(page(script), PAGE)).toEqual([]);
	});

	it('still lets a view model run commands', async () => {
		const source = [
			"import { createItem } from '../../commands/catalog';",
			'export const probe = (ws: { run: (f: unknown) => void }) => ws.run(createItem);',
			''
		].join('\n');
		expect(await problems(source, 'src/lib/state/pages/lint-probe.ts')).toEqual([]);
	});
});

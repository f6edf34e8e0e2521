import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// Every page binds to a view model (issue 13): a page that reaches past it fails the check.
const THIN_PAGES = 'error';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Layering (docs/ARCHITECTURE §3): the domain is pure.
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['yjs', 'dexie', 'y-*', '$app/*', '**/doc/*', '**/storage/*'] }
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
					message: 'Pass the clock in.'
				}
			]
		}
	},
	{
		// Thin pages (docs/DECISIONS.md, "Page → view model → command"): a page or component
		// binds to a view model in src/lib/state/pages; commands, docs, storage and the runtime
		// are reached only through it.
		files: ['src/lib/components/**/*.svelte', 'src/routes/**/*.svelte', 'src/routes/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				THIN_PAGES,
				{
					patterns: [
						{
							group: ['yjs', 'dexie', 'y-*', 'lib0', 'lib0/*'],
							message: 'Pages and components never touch a Y.Doc or Dexie: use a view model.'
						},
						{
							group: [
								'$lib/commands',
								'$lib/commands/*',
								'$lib/doc',
								'$lib/doc/*',
								'$lib/storage',
								'$lib/storage/*',
								'**/lib/commands/*',
								'**/lib/doc/*',
								'**/lib/storage/*'
							],
							message:
								'Pages call commands through their view model in src/lib/state/pages (see docs/DECISIONS.md).'
						}
					]
				}
			],
			'no-restricted-syntax': [
				THIN_PAGES,
				{
					selector: "MemberExpression[property.name='runtime']",
					message: 'ws.runtime is for view models: expose what the page needs from one.'
				},
				{
					selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='run']",
					message: 'Commands run from view models (src/lib/state/pages), never from a page.'
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'dist/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/',
			'bench/out/'
		]
	}
);

// View model of an import from a spreadsheet (items, customers, and the importers to come):
// read a CSV or XLSX file or pasted CSV text → preview through the entity's command → commit
// the valid rows. It owns the form state and translates row errors for the page.
import type { StockflowError } from '../../domain/errors';
import { headerLabel, type HeaderLanguage } from '../../domain/tabular/headers';
import type { ImportPreview, ImportRow, Importer } from '../../domain/tabular/importer';
import { isFileError, type RowError } from '../../domain/tabular/problems';
import { decodeCsv, isXlsx, readCsv, readRows, type Source } from '../../domain/tabular/source';
import { errorMessage, locale, t } from '../../i18n';
import type { CommandContext } from '../../commands/context';
import type { WorkspaceState } from '../workspace.svelte';
import { toast } from './toasts.svelte';

export interface ImportCommands<E> {
	preview: (ctx: CommandContext, source: Source) => ImportPreview<E>;
	commit: (ctx: CommandContext, preview: ImportPreview<E>) => { created: number; updated: number };
}

/** A row error as the page shows it: line, field label and message in the user's language. */
export interface ShownError {
	row: number;
	field: string;
	message: string;
}

export class TabularImport<F extends string, E extends { id: string }> {
	text = $state('');
	fileName = $state<string | null>(null);
	reading = $state(false);
	preview: ImportPreview<E> | null = $state.raw(null);
	result = $state<{ created: number; updated: number } | null>(null);

	constructor(
		private readonly ws: WorkspaceState,
		private readonly importer: Importer<F, E>,
		private readonly commands: ImportCommands<E>
	) {}

	readonly creates = $derived(this.preview?.rows.filter((r) => r.action === 'create').length ?? 0);
	readonly updates = $derived(this.preview?.rows.filter((r) => r.action === 'update').length ?? 0);
	/** Lines with at least one error (a line may have several). */
	readonly refused = $derived(
		(this.preview?.errors ?? []).filter((e, i, all) => all.findIndex((o) => o.row === e.row) === i)
			.length
	);
	/** A problem with the file itself (header, quoting): nothing may be imported. */
	readonly blocked = $derived(this.preview?.errors.some(isFileError) ?? false);
	readonly canCommit = $derived(!this.blocked && (this.preview?.rows.length ?? 0) > 0);
	readonly shownErrors = $derived(this.preview?.errors.map((e) => this.describe(e)) ?? []);

	/** Reads a picked file (XLSX by content, else CSV in UTF-8, Big5 or GBK) and previews it. */
	async readFile(file: File): Promise<void> {
		this.reading = true;
		this.result = null;
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const source = isXlsx(bytes)
				? readRows(await (await import('../../domain/tabular/xlsx')).xlsxToRows(bytes))
				: readCsv(decodeCsv(bytes, locale.current === 'zh-CN' ? 'gb18030' : 'big5'));
			this.fileName = file.name;
			this.text = '';
			this.run(source);
		} catch {
			this.fileName = file.name;
			this.preview = {
				rows: [],
				errors: [
					{
						row: 1,
						field: '',
						code: 'invalid-csv',
						problem: 'unreadable',
						params: {},
						message: 'unreadable file'
					}
				]
			};
		} finally {
			this.reading = false;
		}
	}

	/** Previews the pasted CSV text. */
	previewText(): void {
		this.result = null;
		this.fileName = null;
		if (this.text.trim() === '') this.preview = null;
		else this.run(readCsv(this.text));
	}

	private run(source: Source): void {
		const r = this.ws.run((ctx) => this.commands.preview(ctx, source));
		if (r.ok) this.preview = r.value;
		else this.fail(r.error);
	}

	/** Writes the valid rows in one transaction; refused rows are left out, as the page says. */
	commit(): boolean {
		const preview = this.preview;
		if (!preview || !this.canCommit) return false;
		const r = this.ws.run((ctx) => this.commands.commit(ctx, preview));
		if (!r.ok) {
			this.fail(r.error);
			return false;
		}
		this.result = r.value;
		this.reset();
		return true;
	}

	reset(): void {
		this.preview = null;
		this.text = '';
		this.fileName = null;
	}

	protected fail(error: StockflowError): void {
		this.preview = null;
		toast(errorMessage(error), 'error');
	}

	private language(): HeaderLanguage {
		return locale.current;
	}

	label(field: string): string {
		const column = this.importer.columns.find((c) => c === field);
		return column ? headerLabel(this.importer.headerMap, column, this.language()) : field;
	}

	describe(e: RowError): ShownError {
		const params = { ...e.params };
		if (typeof params.column === 'string') params.column = this.label(params.column);
		return {
			row: e.row,
			field: e.field ? this.label(e.field) : t('field.row'),
			message: t(`tabular.problem.${e.problem}`, params)
		};
	}

	/** The header row of a template, in the user's language. */
	templateHeaders(): string[] {
		return this.importer.columns.map((c) => this.label(c));
	}

	rowsOf(): ImportRow<E>[] {
		return this.preview?.rows ?? [];
	}
}

// View model of the BOM import: the tabular import (CSV/XLSX, preview, commit) wired to the BOM
// importer and commands. A cycle the file would make is kept and shown in words with item
// codes; nothing is written then.

import type { StockflowError } from '../../domain/errors';
import { importBoms, previewBomImport } from '../../commands/production/boms';
import { BomCycleError } from '../../domain/production/bom';
import {
	bomImporter,
	type BomImportColumn,
	type BomImportRow
} from '../../domain/production/bom-import';
import { tableToCsv } from '../../domain/tabular/export';
import { fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { canEditBoms } from './production-boms.svelte';
import { TabularImport } from './tabular-import.svelte';

const TEMPLATE_ROWS: (string | number)[][] = [
	['GFT-YS-STD', 'B', '2027-01-01', 'SFG-YS', 6, 0],
	['GFT-YS-STD', 'B', '2027-01-01', 'PKM-BOX-S', 1, 0],
	['SFG-YS', 'B', '2027-01-01', 'RM-FLOUR', 0.02, 5]
];

export class BomImportModel extends TabularImport<BomImportColumn, BomImportRow> {
	readonly canEdit: boolean;
	/** The cycle the last commit ran into, as item labels (first = last). */
	cycle = $state<string[] | null>(null);
	/** BOM versions and lines written by the last commit. */
	written = $state<{ boms: number; lines: number } | null>(null);

	constructor(ws: WorkspaceState) {
		super(ws, bomImporter, {
			preview: (ctx, source) => {
				this.cycle = null;
				return previewBomImport(ctx, source);
			},
			commit: (ctx, preview) => {
				this.cycle = null;
				try {
					const written = importBoms(ctx, preview);
					this.written = written;
					const created = preview.rows.filter((r) => r.action === 'create').length;
					return { created, updated: preview.rows.length - created };
				} catch (err) {
					if (err instanceof BomCycleError)
						this.cycle = err.cycle.map((id) => {
							const item = ws.item(id);
							return item ? `${item.code} ${item.name}` : id;
						});
					throw err;
				}
			}
		});
		this.canEdit = canEditBoms(ws);
	}

	readonly columns = $derived([
		this.label('parentCode'),
		this.label('version'),
		this.label('effectiveFrom'),
		this.label('childCode'),
		this.label('qtyPer'),
		this.label('scrapPct')
	]);

	readonly shownRows = $derived(
		this.rowsOf().map((r) => ({
			row: r.row,
			action: r.action,
			cells: [
				r.input.parentCode,
				r.input.version,
				r.input.effectiveFrom || '—',
				r.input.childCode,
				fmtNumber(r.input.qtyPer),
				fmtNumber(r.input.scrapPct)
			]
		}))
	);

	/** A cycle is shown on the page in words and the preview kept to fix the file against. */
	protected override fail(error: StockflowError): void {
		if (!(error instanceof BomCycleError)) super.fail(error);
	}

	/** A CSV template whose header row is in the user's language. */
	templateCsv(): string {
		return tableToCsv({ headers: this.templateHeaders(), rows: TEMPLATE_ROWS });
	}

	doneText(): string {
		return this.written ? t('bom.importDone', this.written) : '';
	}
}

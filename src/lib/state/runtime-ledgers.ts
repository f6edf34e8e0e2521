// The runtime's ledger docs: one per open month (from the base month on), attached to the
// projector and reconciled once its stored records are in; a closed month's ledger is only held
// (closed-months.ts) for history and for changes the relay has not confirmed.

import * as Y from 'yjs';
import type { CommandContext } from '../commands/context';
import { readMovements } from '../doc/ledger-doc';
import { ledgerDocName } from '../doc/names';
import type { Movement } from '../domain/ledger/movement';
import type { Projector } from '../storage/projector';
import { ClosedMonths, type OpenDoc } from './closed-months';
import { openLocal, type DocHost } from './runtime-docs';

export class RuntimeLedgers {
	/** Open months (from the base month on). */
	readonly open = new Map<string, OpenDoc>();
	readonly months: ClosedMonths;

	constructor(
		private readonly host: DocHost,
		private readonly projector: () => Projector | null,
		private readonly projectorReady: () => Promise<Projector>,
		context: () => CommandContext | null
	) {
		this.months = new ClosedMonths(context);
	}

	/** The last closed month (null: no period closed); months after it are the open ones. */
	get closedThrough(): string | null {
		return this.months.closedThrough;
	}

	/** The first open month; null when no period is closed. */
	get baseMonth(): string | null {
		return this.months.baseMonth;
	}

	/** The open months' docs in month order. */
	sorted(): Y.Doc[] {
		return [...this.open.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d.doc);
	}

	/** Every ledger doc opened, held ones included. */
	all(): OpenDoc[] {
		return [...this.open.values(), ...this.months.held.values()];
	}

	find(month: string): OpenDoc | undefined {
		return this.open.get(month) ?? this.months.held.get(month);
	}

	/** After a catalog change: the months it lists and the base month open, closes applied. */
	follow(closedThrough: string | null, ledgerMonths: readonly string[]): void {
		const closedNow = this.months.update(closedThrough, this.open);
		for (const month of ledgerMonths) if (!this.months.isClosed(month)) this.get(month);
		const base = this.baseMonth;
		if (base !== null) this.get(base);
		if (closedNow) this.refreshBase();
	}

	refreshBase(): void {
		const projector = this.projector();
		if (projector) this.months.refreshBase(projector, this.open);
	}

	/** Every movement of `month`, once synced or with what is held after `timeoutMs` (offline). */
	async movements(month: string, timeoutMs: number): Promise<Movement[]> {
		const open = this.get(month);
		await open.local;
		await this.host.sync?.whenSynced(ledgerDocName(month), timeoutMs);
		return readMovements(open.doc).movements;
	}

	/** Ledgers opened before the projector existed are reconciled like the rest. */
	attachAll(projector: Projector): void {
		for (const [month, open] of this.open) projector.attachLedger(ledgerDocName(month), open.doc);
	}

	get(month: string): OpenDoc {
		const existing = this.find(month);
		if (existing) return existing;
		const name = ledgerDocName(month);
		const doc = new Y.Doc();
		if (this.months.isClosed(month))
			return this.months.hold(month, doc, (d) => openLocal(this.host, name, d));
		const open: OpenDoc = { doc, local: Promise.resolve(null) };
		this.projector()?.attachLedger(name, doc);
		this.open.set(month, open);
		// The base month's opening may arrive (or change) after the doc opened.
		doc.getMap<unknown>('opening').observe(() => {
			if (month === this.baseMonth) {
				this.refreshBase();
				this.host.emit({ kind: 'balances', origin: 'remote' });
			}
		});
		open.local = Promise.all([openLocal(this.host, name, doc), this.projectorReady()]).then(
			([local, projector]) => {
				projector.reconcile(name);
				if (month === this.baseMonth) this.refreshBase();
				return local;
			}
		);
		return open;
	}
}

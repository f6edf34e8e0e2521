// Month-end close (月結) as one open workspace sees it: which months are closed, the ledgers of
// closed months this device still holds, and carrying what reaches those late into the open
// period. After a close only the months from the base month on are folded into stock; a
// closed month is held only when this device has unsent changes in it (posted offline across
// the close) or had it open when the close happened.

import type * as Y from 'yjs';
import { carryForwardLate } from '../commands/period-close';
import type { CommandContext } from '../commands/context';
import { readOpening } from '../doc/period-doc';
import { nextMonth, previousMonth } from '../domain/ledger/period';
import type { LocalDoc } from '../storage/local-doc';
import type { Projector } from '../storage/projector';

/** A doc of the workspace and its local persistence (null: none, or closed meanwhile). */
export interface OpenDoc {
	doc: Y.Doc;
	local: Promise<LocalDoc | null>;
}

export class ClosedMonths {
	/** The last closed month (null: no period closed); months after it are the open ones. */
	closedThrough: string | null = null;
	/** Closed months this device holds, by month. */
	readonly held = new Map<string, OpenDoc>();
	private carryQueued = false;

	/** `context` is null while movements may not be carried (not usable yet, or closed). */
	constructor(private readonly context: () => CommandContext | null) {}

	/** The first open month; null when no period is closed. */
	get baseMonth(): string | null {
		return this.closedThrough === null ? null : nextMonth(this.closedThrough);
	}

	isClosed(month: string): boolean {
		const base = this.baseMonth;
		return base !== null && month < base;
	}

	/**
	 * Takes the close the catalog now states; true when it changed. Open ledgers of months a
	 * new close just sealed are moved from `open` to the held ones (they stay open and synced).
	 */
	update(closedThrough: string | null, open: Map<string, OpenDoc>): boolean {
		if (closedThrough === this.closedThrough) return false;
		this.closedThrough = closedThrough;
		for (const [month, doc] of open) {
			if (!this.isClosed(month)) continue;
			open.delete(month);
			this.held.set(month, doc);
		}
		return true;
	}

	/** Hands the projector the base month's opening once this device holds it (in `open`). */
	refreshBase(projector: Projector, open: Map<string, OpenDoc>): void {
		const base = this.baseMonth;
		if (base === null) return projector.setBase(null, null);
		const doc = open.get(base)?.doc;
		const opening = doc ? readOpening(doc, previousMonth(base)).opening : null;
		if (opening) projector.setBase(base, opening);
		this.queueCarryForward();
	}

	/** Opens a closed month's ledger: synced, never folded; what reaches it late is carried. */
	hold(month: string, doc: Y.Doc, openLocal: (doc: Y.Doc) => Promise<LocalDoc | null>): OpenDoc {
		const open: OpenDoc = { doc, local: Promise.resolve(null) };
		this.held.set(month, open);
		doc.on('update', () => this.queueCarryForward());
		open.local = openLocal(doc).then((local) => {
			this.queueCarryForward();
			return local;
		});
		return open;
	}

	/** Carries movements that reached held closed months after their close (see period-close). */
	queueCarryForward(): void {
		if (this.carryQueued || this.held.size === 0) return;
		this.carryQueued = true;
		queueMicrotask(() => {
			this.carryQueued = false;
			const ctx = this.context();
			if (!ctx) return;
			const docs = new Map([...this.held].map(([month, open]) => [month, open.doc]));
			try {
				carryForwardLate(ctx, docs);
			} catch (error) {
				// Not allowed to write ledgers, or the opening has not arrived: another holder
				// (or this one, later) carries them.
				console.warn('stockflow: late movements not carried forward yet', error);
			}
		});
	}
}

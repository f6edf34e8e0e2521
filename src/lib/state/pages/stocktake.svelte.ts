// View model of the stocktake pages: sessions from the `counts` doc, the review (variance of
// each counted position against the book at its count stamp) and accuracy over time.
// Re-derives when the counts doc or the balances change.

import type { Item, Location } from '../../domain/catalog/entities';
import type { Movement } from '../../domain/ledger/movement';
import { farMovementsHoldingRecheck } from '../../domain/stocktake/far-stamps';
import { isPostingOf } from '../../domain/stocktake/posting';
import type { CountSession } from '../../domain/stocktake/session';
import { expectedInBin } from '../../domain/stocktake/sheet';
import {
	accuracyOf,
	computeVariances,
	toleranceFromText,
	type Accuracy,
	type Tolerance,
	type Variance
} from '../../domain/stocktake/variance';
import {
	approveCount,
	type ApproveCountOptions,
	pendingPostings,
	reconcileCount,
	sealedMonthOf
} from '../../commands/stocktake/approval';
import {
	cancelCount,
	openCount,
	recordCountLines,
	submitCount,
	type CountLineInput,
	type OpenCountInput
} from '../../commands/stocktake/stocktake';
import { readCountSessions } from '../../doc/counts-doc';
import { ledgerMovements, ledgerReadable } from '../../commands/ledger-cache';
import { fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';

/** An accuracy ratio as the pages show it: one decimal percent, or a dash when none. */
export function fmtAccuracy(ratio: number | null): string {
	return ratio === null ? t('common.none') : `${fmtNumber(Math.round(ratio * 1000) / 10)}%`;
}

export interface ReviewRow extends Variance {
	item: Item | undefined;
	location: Location | undefined;
}

export interface Review {
	rows: ReviewRow[];
	accuracy: Accuracy;
	/** Positions with a difference (what approval posts). */
	adjustments: number;
}

export interface AccuracyPoint {
	session: CountSession;
	accuracy: Accuracy;
}

export class StocktakeBook {
	/** The review's tolerance as typed: a quantity and a percentage of the book. */
	toleranceQtyText = $state('0');
	tolerancePctText = $state('0');
	tolerance: Tolerance = $derived(toleranceFromText(this.toleranceQtyText, this.tolerancePctText));

	sessions: CountSession[] = $derived.by(() => {
		void this.ws.docRevision.counts;
		return readCountSessions(this.ws.runtime.docs.shared('counts')).sessions;
	});

	/** Every movement this device holds; refolded only when balances change. */
	private movements: Movement[] = $derived.by(() => {
		void this.ws.balances;
		return ledgerReadable(this.ws.runtime) ? ledgerMovements(this.ws.runtime) : [];
	});

	constructor(private readonly ws: WorkspaceState) {}

	open(input: OpenCountInput) {
		return this.ws.run((ctx) => openCount(ctx, input));
	}

	record(countId: string, line: CountLineInput) {
		return this.ws.run((ctx) => recordCountLines(ctx, countId, [line]));
	}

	submit(countId: string) {
		return this.ws.run((ctx) => submitCount(ctx, countId));
	}

	approve(countId: string, options: ApproveCountOptions = {}) {
		return this.ws.run((ctx) => approveCount(ctx, countId, options));
	}

	cancel(countId: string) {
		return this.ws.run((ctx) => cancelCount(ctx, countId));
	}

	/**
	 * Posts corrections for approved counts whose book@stamp changed because a movement
	 * stamped before a count line arrived late (see `reconcileCount`). Pages call it from an
	 * effect, so it re-runs whenever the ledgers change; it writes nothing when all is settled.
	 */
	reconcileApproved(): number {
		void this.movements;
		if (!this.ws.canWrite('ledger') || !this.ws.canWrite('counts')) return 0;
		let written = 0;
		for (const s of this.sessions) {
			// The pure check over the already-parsed movements keeps this cheap when settled.
			if (s.status !== 'approved' || pendingPostings(s, this.movements).length === 0) continue;
			// Held (FarStampError) while far-stamped movements would change the corrections: the
			// admin repairs them on the clock page, or they come within the bound; then it posts.
			const r = this.ws.run((ctx) => reconcileCount(ctx, s.id));
			if (r.ok) written += r.value.length;
		}
		return written;
	}

	/**
	 * The far-stamped movements holding an approved count's re-check (`reconcileCount` refuses
	 * while they would change its corrections), with the relay's time `nowMs`; [] when none.
	 */
	heldRecheck(session: CountSession, nowMs: number): Movement[] {
		if (session.status !== 'approved') return [];
		if (sealedMonthOf({ docs: this.ws.runtime.docs }, session) !== null) return [];
		const far = farMovementsHoldingRecheck(session, this.movements, nowMs).map((f) => f.id);
		return this.movements.filter((m) => far.includes(m.id));
	}

	session(id: string): CountSession | undefined {
		return this.sessions.find((s) => s.id === id);
	}

	review(session: CountSession): Review {
		const variances = computeVariances(session, this.movements, {
			tolerance: this.tolerance,
			exclude: (m) => isPostingOf(session.id, m)
		});
		const rows = variances.map((v) => ({
			...v,
			item: this.ws.item(v.line.itemId),
			location: v.line.locationId ? this.ws.location(v.line.locationId) : undefined
		}));
		return {
			rows,
			accuracy: accuracyOf(variances),
			adjustments: variances.filter((v) => v.delta !== 0).length
		};
	}

	/** Accuracy of every approved count, oldest first. */
	history(): AccuracyPoint[] {
		return this.sessions
			.filter((s) => s.status === 'approved')
			.map((session) => ({ session, accuracy: this.review(session).accuracy }))
			.reverse();
	}

	/** Positions of the bin the book says hold stock (the count sheet's list). */
	expected(
		session: CountSession,
		locationId: string
	): { itemId: string; lot: string; qty: number }[] {
		return expectedInBin(this.ws.balances, session, locationId);
	}

	/** Bins the count covers, in walking order is up to the caller. */
	locationsOf(session: CountSession): Location[] {
		const all = this.ws.locationsOf(session.warehouseId).filter((l) => l.active);
		if (session.scopeLocationIds.length === 0) return all;
		return all.filter((l) => session.scopeLocationIds.includes(l.id));
	}
}

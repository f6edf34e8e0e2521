// Settling transfers after a merge: the fold decides which events count, and this writes what
// the ledgers still lack (postings of applied events not yet seen here, reversals of overruled
// ones).

import type { Movement } from '../../domain/ledger/movement';
import { missingPostings } from '../../domain/transfers/postings';
import { foldTransfer } from '../../domain/transfers/state-machine';
import { readTransfers } from '../../doc/transfers-doc';
import { requireWrite } from '../access';
import type { CommandContext } from '../context';
import { ledgerMovements } from '../ledger-cache';
import { openPeriodPostings, writeLedgerPostings } from '../ledger-postings';
import { ORDERS, ordersDoc, requireTransfer } from './events';

/**
 * Writes what the settled fold still needs in the ledgers: postings of applied events not yet
 * seen here and reversals of overruled ones. Deterministic, so devices reconciling the same
 * state write identical movements. Returns what was written.
 */
export function reconcileTransfer(ctx: CommandContext, transferId: string): Movement[] {
	const { transfer, fold } = requireTransfer(ctx, transferId);
	const missing = openPeriodPostings(ctx, missingPostings(transfer, fold, presentIds(ctx)));
	if (missing.length === 0) return [];
	return writeLedgerPostings(ctx, missing, 'reconcileTransfer');
}

/** `reconcileTransfer` for every transfer that has events, reading the ledgers once. */
export function reconcileTransfers(ctx: CommandContext): Movement[] {
	const present = presentIds(ctx);
	const missing = openPeriodPostings(
		ctx,
		readTransfers(ordersDoc(ctx)).transfers.flatMap((t) =>
			t.events.length === 0 ? [] : missingPostings(t, foldTransfer(t.events), present)
		)
	);
	if (missing.length === 0) return [];
	requireWrite(ctx, ORDERS);
	return writeLedgerPostings(ctx, missing, 'reconcileTransfer');
}

function presentIds(ctx: CommandContext): Set<string> {
	return new Set(ledgerMovements(ctx).map((m) => m.id));
}

// Stock movement commands: receipt, issue, transfer, adjustment. Each validates against the
// catalog and this device's balances, stamps `at` from the HLC (movement-requests.ts), appends
// to the ledger doc of the stamp's month (one transaction per doc) and marks that month in the
// catalog. The single commands and the batch used by the demo run the same code.

import type { Balance } from '../domain/ledger/fold';
import type { Movement } from '../domain/ledger/movement';
import { catalogIndexOf, currentBalances, requireWriteKind } from './access';
import { stagedBalances } from './staged-balances';
import type { CommandContext } from './context';
import { fileMovements } from './ledger-postings';
import {
	buildMovements,
	type AdjustmentInput,
	type IssueInput,
	type MovementRequest,
	type ReceiptInput,
	type TransferInput
} from './movement-requests';

// The inputs are part of these commands' signatures: importers keep finding them here.
export type {
	AdjustmentInput,
	IssueInput,
	MovementRequest,
	Place,
	ReceiptInput,
	TransferInput
} from './movement-requests';

export function recordReceipt(ctx: CommandContext, input: ReceiptInput): Movement {
	return single(
		recordMovementsBatch(ctx, [{ kind: 'receipt', input }], { command: 'recordReceipt' })
	);
}

export function recordIssue(ctx: CommandContext, input: IssueInput): Movement {
	return single(recordMovementsBatch(ctx, [{ kind: 'issue', input }], { command: 'recordIssue' }));
}

export function recordTransfer(ctx: CommandContext, input: TransferInput): [Movement, Movement] {
	const [legs] = recordMovementsBatch(ctx, [{ kind: 'transfer', input }], {
		command: 'recordTransfer'
	});
	const [out, into] = legs ?? [];
	if (!out || !into) throw new Error('transfer produced no legs');
	return [out, into];
}

export function recordAdjustment(ctx: CommandContext, input: AdjustmentInput): Movement {
	return single(
		recordMovementsBatch(ctx, [{ kind: 'adjustment', input }], { command: 'recordAdjustment' })
	);
}

function single(result: Movement[][]): Movement {
	const m = result[0]?.[0];
	if (!m) throw new Error('command produced no movement');
	return m;
}

export interface BatchOptions {
	/** Transaction origin name (default 'recordMovementsBatch'). */
	command?: string;
	/**
	 * Balances to check stock against instead of folding every open ledger. Updated in place
	 * when the batch succeeds (untouched when it fails). For callers that keep a running fold.
	 */
	balances?: Map<string, Balance>;
}

/**
 * Validates every request (in order, each seeing the stock effect of the ones before it),
 * then writes them all: one transaction per ledger doc touched, plus one on the catalog when
 * a new month appears. All or nothing: the first invalid request throws and nothing is written.
 * Returns the movements of each request (a transfer has two).
 */
export function recordMovementsBatch(
	ctx: CommandContext,
	requests: readonly MovementRequest[],
	options: BatchOptions = {}
): Movement[][] {
	requireWriteKind(ctx, 'ledger');
	const catalog = catalogIndexOf(ctx);
	const kept = ctx.balances?.();
	const stock = stagedBalances(
		options.balances ?? (kept ? new Map(kept) : undefined) ?? currentBalances(ctx)
	);
	const result = requests.map((request) => {
		const movements = buildMovements(ctx, catalog, stock, request);
		for (const m of movements) stock.apply(m);
		return movements;
	});
	fileMovements(ctx, result.flat(), options.command ?? 'recordMovementsBatch');
	if (options.balances) stock.commit();
	return result;
}

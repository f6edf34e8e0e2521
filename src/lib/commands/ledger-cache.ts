// Movements, ids and balances of the open ledger docs for commands, read and folded once per
// doc version instead of once per command (a year of history is parsed once, not per click).
// A doc's version is its state vector, which every local or remote change moves. Balances of
// different docs combine by addition (the fold is commutative), so only the changed month is
// refolded. After a period close the open ledgers start at the base month, whose opening
// balances (the close) enter every fold as synthetic `opening` movements.

import * as Y from 'yjs';
import { foldBalances, roundQty, type Balance } from '../domain/ledger/fold';
import type { Movement } from '../domain/ledger/movement';
import { readMovements } from '../doc/ledger-doc';
import { baseMonthOf, readOpening } from '../doc/period-doc';
import {
	openingLots,
	openingMovements,
	previousMonth,
	type OpeningBalances
} from '../domain/ledger/period';
import { foldLots, type LotSummary } from '../domain/lots/lot-fold';
import { OpeningMissingError } from '../domain/errors';
import type { CommandContext } from './context';

interface Folded {
	version: string;
	movements: Movement[];
	balances: Map<string, Balance>;
	ids: Set<string>;
}

const cache = new WeakMap<Y.Doc, Folded>();

function folded(doc: Y.Doc): Folded {
	const version = Y.encodeStateVector(doc).join(',');
	const hit = cache.get(doc);
	if (hit && hit.version === version) return hit;
	const movements = readMovements(doc).movements;
	const entry = {
		version,
		movements,
		balances: foldBalances(movements),
		ids: new Set(movements.map((m) => m.id))
	};
	cache.set(doc, entry);
	return entry;
}

interface FoldedOpening {
	movements: Movement[];
	balances: Map<string, Balance>;
}

const openingCache = new WeakMap<OpeningBalances, FoldedOpening>();

/**
 * The opening balances the open ledgers start from: null when no period is closed. Throws
 * when a period is closed but its opening has not arrived yet — stock would be understated.
 */
export function ledgerOpening(ctx: Pick<CommandContext, 'docs'>): OpeningBalances | null {
	const base = baseMonthOf(ctx.docs.catalog);
	if (base === null) return null;
	const { opening } = readOpening(ctx.docs.ledger(base), previousMonth(base));
	if (!opening) throw new OpeningMissingError(base);
	return opening;
}

/**
 * Whether folds can be trusted: no period is closed, or the base month's opening is here.
 * Views show nothing rather than understated stock while a new device waits for it.
 */
export function ledgerReadable(ctx: Pick<CommandContext, 'docs'>): boolean {
	const base = baseMonthOf(ctx.docs.catalog);
	return base === null || readOpening(ctx.docs.ledger(base), previousMonth(base)).opening !== null;
}

function foldedOpening(opening: OpeningBalances | null): FoldedOpening {
	if (!opening) return { movements: [], balances: new Map() };
	const hit = openingCache.get(opening);
	if (hit) return hit;
	const movements = openingMovements(opening);
	const entry = { movements, balances: foldBalances(movements) };
	openingCache.set(opening, entry);
	return entry;
}

/** The opening (as synthetic movements) plus every movement of the open ledgers. */
export function ledgerMovements(ctx: Pick<CommandContext, 'docs'>): Movement[] {
	const opening = foldedOpening(ledgerOpening(ctx)).movements;
	return [...opening, ...ctx.docs.ledgers().flatMap((doc) => folded(doc).movements)];
}

/** Lots over the opening and the open ledgers, with expiry and first receipt from closed months. */
export function ledgerLots(ctx: Pick<CommandContext, 'docs'>): Map<string, LotSummary> {
	const opening = ledgerOpening(ctx);
	return foldLots(ledgerMovements(ctx), openingLots(opening));
}

/** Whether a movement with this id is in any open ledger (postings are written once). */
export function hasMovement(ctx: Pick<CommandContext, 'docs'>, id: string): boolean {
	return ctx.docs.ledgers().some((doc) => folded(doc).ids.has(id));
}

/** A fresh map (callers may change it) of balances over every open ledger doc. */
export function ledgerBalances(ctx: Pick<CommandContext, 'docs'>): Map<string, Balance> {
	const out = new Map<string, Balance>();
	const parts = [
		foldedOpening(ledgerOpening(ctx)).balances,
		...ctx.docs.ledgers().map((doc) => folded(doc).balances)
	];
	for (const balances of parts) {
		for (const [k, b] of balances) {
			const current = out.get(k);
			if (!current) out.set(k, { ...b });
			else {
				current.qty = roundQty(current.qty + b.qty);
				if (b.lastAt > current.lastAt) current.lastAt = b.lastAt;
			}
		}
	}
	return out;
}

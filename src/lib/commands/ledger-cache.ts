// Movements, ids and balances of the open ledger docs for commands, read and folded once per
// doc version instead of once per command (a year of history is parsed once, not per click).
// A doc's version is its state vector, which every local or remote change moves. Balances of
// different docs combine by addition (the fold is commutative), so only the changed month is
// refolded.

import * as Y from 'yjs';
import { foldBalances, roundQty, type Balance } from '../domain/ledger/fold';
import type { Movement } from '../domain/ledger/movement';
import { readMovements } from '../doc/ledger-doc';
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

export function ledgerMovements(ctx: Pick<CommandContext, 'docs'>): Movement[] {
	return ctx.docs.ledgers().flatMap((doc) => folded(doc).movements);
}

/** Whether a movement with this id is in any open ledger (postings are written once). */
export function hasMovement(ctx: Pick<CommandContext, 'docs'>, id: string): boolean {
	return ctx.docs.ledgers().some((doc) => folded(doc).ids.has(id));
}

/** A fresh map (callers may change it) of balances over every open ledger doc. */
export function ledgerBalances(ctx: Pick<CommandContext, 'docs'>): Map<string, Balance> {
	const out = new Map<string, Balance>();
	for (const doc of ctx.docs.ledgers()) {
		for (const [k, b] of folded(doc).balances) {
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

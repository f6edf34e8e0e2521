// Movements and balances of the open ledger docs for order commands, folded once per doc
// version instead of once per command. A doc's version is its state vector: any change, local
// or remote, changes it. Balances of different docs combine by addition (the fold is
// commutative), so only the changed month is refolded.

import * as Y from 'yjs';
import { foldBalances, roundQty, type Balance } from '../../domain/ledger/fold';
import type { Movement } from '../../domain/ledger/movement';
import { readMovements } from '../../doc/ledger-doc';
import type { CommandContext } from '../context';

interface Folded {
	version: string;
	movements: Movement[];
	balances: Map<string, Balance>;
}

const cache = new WeakMap<Y.Doc, Folded>();

function folded(doc: Y.Doc): Folded {
	const version = Y.encodeStateVector(doc).join(',');
	const hit = cache.get(doc);
	if (hit && hit.version === version) return hit;
	const movements = readMovements(doc).movements;
	const entry = { version, movements, balances: foldBalances(movements) };
	cache.set(doc, entry);
	return entry;
}

export function ledgerMovements(ctx: CommandContext): Movement[] {
	return ctx.docs.ledgers().flatMap((doc) => folded(doc).movements);
}

/** A fresh map (callers may change it) of balances over every open ledger doc. */
export function ledgerBalances(ctx: CommandContext): Map<string, Balance> {
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

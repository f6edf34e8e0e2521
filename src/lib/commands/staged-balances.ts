// A batch validates each movement against the stock left by the ones before it, without
// touching the caller's balances until the whole batch has been written.

import { applyMovement, type Balance } from '../domain/ledger/fold';
import { stockKeyOf, stockKeyString, type Movement } from '../domain/ledger/movement';

/** Balances seen through the not-yet-written movements of a batch, committed only on success. */
export interface StagedBalances {
	apply(m: Movement): void;
	/** Positions of one item (what a stock check needs), staged values winning. */
	ofItem(itemId: string): Balance[];
	commit(): void;
}

export function stagedBalances(base: Map<string, Balance>): StagedBalances {
	const touched = new Map<string, Balance>();
	// Index by item so a check costs the item's positions, not the whole company's.
	const keysByItem = new Map<string, Set<string>>();
	const index = (itemId: string, key: string): void => {
		const keys = keysByItem.get(itemId);
		if (keys) keys.add(key);
		else keysByItem.set(itemId, new Set([key]));
	};
	for (const [k, b] of base) index(b.itemId, k);
	return {
		apply(m) {
			const k = stockKeyString(stockKeyOf(m));
			if (!touched.has(k)) {
				const original = base.get(k);
				if (original) touched.set(k, { ...original });
			}
			applyMovement(touched, m);
			index(m.itemId, k);
		},
		ofItem(itemId) {
			const out: Balance[] = [];
			for (const k of keysByItem.get(itemId) ?? []) {
				const b = touched.get(k) ?? base.get(k);
				if (b) out.push(b);
			}
			return out;
		},
		commit() {
			for (const [k, b] of touched) base.set(k, b);
		}
	};
}

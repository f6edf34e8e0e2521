// Shared command plumbing: rights and the catalog/balance views commands validate against.

import { canWrite } from '../domain/auth/roles';
import { ForbiddenError } from '../domain/errors';
import type { Balance } from '../domain/ledger/fold';
import { indexCatalog, type CatalogIndex } from '../domain/ledger/validate';
import { readItems, readLocations, readWarehouses } from '../doc/catalog-doc';
import type { CommandContext } from './context';
import { ledgerBalances } from './ledger-cache';

export function requireWrite(ctx: CommandContext, docName: string): void {
	if (!canWrite(ctx.role, docName)) throw new ForbiddenError(ctx.role, `write ${docName}`);
}

export function catalogIndexOf(ctx: CommandContext): CatalogIndex {
	const doc = ctx.docs.catalog;
	return indexCatalog({
		items: readItems(doc),
		warehouses: readWarehouses(doc),
		locations: readLocations(doc)
	});
}

/** Balances over the opening and every open ledger doc (what this device knows right now). */
export function currentBalances(ctx: CommandContext): Map<string, Balance> {
	return ledgerBalances(ctx);
}

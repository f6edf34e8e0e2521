// Movement and catalog validation, errors by kind. Pure: callers pass the catalog and the
// balances they know; commands turn a thrown StockflowError into what the user sees.

import { findByCode } from '../catalog/duplicates';
import type { Item, Location, Warehouse } from '../catalog/entities';
import {
	DuplicateCodeError,
	InsufficientStockError,
	NonPositiveQuantityError,
	UnitMismatchError,
	UnknownItemError,
	UnknownLocationError,
	UnknownWarehouseError
} from '../errors';
import { onHandOf, type Balance, type StockQuery } from './fold';

export interface CatalogIndex {
	items: ReadonlyMap<string, Item>;
	warehouses: ReadonlyMap<string, Warehouse>;
	locations: ReadonlyMap<string, Location>;
}

export function indexCatalog(catalog: {
	items: readonly Item[];
	warehouses: readonly Warehouse[];
	locations: readonly Location[];
}): CatalogIndex {
	return {
		items: new Map(catalog.items.map((i) => [i.id, i])),
		warehouses: new Map(catalog.warehouses.map((w) => [w.id, w])),
		locations: new Map(catalog.locations.map((l) => [l.id, l]))
	};
}

export interface StockTarget {
	item: Item;
	warehouse: Warehouse;
	location?: Location;
}

/** Item, warehouse and (optional) location exist, and the location belongs to the warehouse. */
export function resolveTarget(
	catalog: CatalogIndex,
	ref: { itemId: string; warehouseId: string; locationId?: string }
): StockTarget {
	const item = catalog.items.get(ref.itemId);
	if (!item) throw new UnknownItemError(ref.itemId);
	return { item, ...resolvePlace(catalog, ref) };
}

export function resolvePlace(
	catalog: CatalogIndex,
	ref: { warehouseId: string; locationId?: string }
): { warehouse: Warehouse; location?: Location } {
	const warehouse = catalog.warehouses.get(ref.warehouseId);
	if (!warehouse) throw new UnknownWarehouseError(ref.warehouseId);
	if (ref.locationId === undefined || ref.locationId === '') return { warehouse };
	const location = catalog.locations.get(ref.locationId);
	if (!location || location.warehouseId !== warehouse.id)
		throw new UnknownLocationError(ref.locationId);
	return { warehouse, location };
}

/** Quantities a person types are strictly positive and finite. */
export function checkPositiveQty(qty: number): void {
	if (!Number.isFinite(qty) || qty <= 0) throw new NonPositiveQuantityError(qty);
}

export function sameUnit(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Movements are in the item's base unit; a different unit would silently corrupt stock. */
export function checkUnit(item: Item, unit: string): void {
	if (!sameUnit(item.unit, unit)) throw new UnitMismatchError(item.unit, unit);
}

/** SKU codes are unique (normalized); on update the item itself does not count. */
export function checkItemCodeUnique(
	items: readonly Pick<Item, 'id' | 'code'>[],
	code: string,
	selfId?: string
): void {
	if (findByCode(items, code, selfId))
		throw new DuplicateCodeError('duplicate-sku-code', code.trim());
}

/** Stock leaving a position may not exceed what is on hand there. */
export function checkAvailable(
	balances: Map<string, Balance> | Iterable<Balance>,
	query: StockQuery,
	qty: number
): void {
	const available = onHandOf(balances, query);
	if (available < qty) throw new InsufficientStockError(query.itemId, available, qty);
}

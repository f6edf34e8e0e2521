// Catalog commands: create and edit items, warehouses and locations. Codes stay unique
// (normalized); an edit writes only the fields it changes so concurrent edits of other
// fields on other devices survive the merge.

import { findByCode } from '../domain/catalog/duplicates';
import {
	itemSchema,
	locationSchema,
	normalizeCode,
	warehouseSchema,
	type Item,
	type ItemInput,
	type Location,
	type LocationInput,
	type Warehouse,
	type WarehouseInput
} from '../domain/catalog/entities';
import {
	DuplicateCodeError,
	UnknownItemError,
	UnknownLocationError,
	UnknownWarehouseError
} from '../domain/errors';
import { checkItemCodeUnique } from '../domain/ledger/validate';
import { parseOrThrow } from '../domain/parse';
import {
	entityMap,
	readItems,
	readLocations,
	readWarehouses,
	writeEntity
} from '../doc/catalog-doc';
import { CATALOG } from '../doc/names';
import { ensureSchema } from '../doc/schema';
import { changedSpecialFields, requireFields, requireRecord, requireWrite } from './access';
import { auditedWrite } from './audit';
import { commandOrigin, type CommandContext } from './context';

type Patch<T> = Partial<Omit<T, 'id'>>;

/** Only the keys the caller set (undefined means "leave as is"). */
function definedKeys(patch: object): string[] {
	return Object.entries(patch)
		.filter(([k, v]) => k !== 'id' && v !== undefined)
		.map(([k]) => k);
}

function pick(value: object, keys: string[]): Record<string, unknown> {
	const source = new Map(Object.entries(value));
	return Object.fromEntries(keys.filter((k) => source.has(k)).map((k) => [k, source.get(k)]));
}

/** What a new item holds unless told otherwise (a default is no choice: see requireFields). */
export const ITEM_DEFAULTS: Readonly<Record<string, unknown>> = {
	standardCostCents: itemSchema.shape.standardCostCents.parse(undefined),
	salePriceCents: itemSchema.shape.salePriceCents.parse(undefined)
};

const RECORD_OF = { items: 'item', warehouses: 'warehouse', locations: 'location' } as const;

function writeCatalog(
	ctx: CommandContext,
	command: string,
	map: 'items' | 'warehouses' | 'locations',
	id: string,
	fields: Record<string, unknown>
): void {
	const doc = ctx.docs.catalog;
	const record = RECORD_OF[map];
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			auditedWrite(ctx, doc, command, [{ record, id }], () =>
				writeEntity(entityMap(doc, map), id, fields)
			);
		},
		commandOrigin(ctx, command)
	);
}

export function createItem(ctx: CommandContext, input: Omit<ItemInput, 'id'>): Item {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'item');
	const item = parseOrThrow(itemSchema, { ...input, id: ctx.ids.next() }, 'item');
	requireFields(ctx, 'item', changedSpecialFields('item', item, ITEM_DEFAULTS));
	checkItemCodeUnique(readItems(ctx.docs.catalog), item.code);
	writeCatalog(ctx, 'createItem', 'items', item.id, item);
	return item;
}

export function updateItem(ctx: CommandContext, id: string, patch: Patch<ItemInput>): Item {
	requireWrite(ctx, CATALOG);
	// No record-wide check: each changed field is checked below, so sales may set an existing
	// item's selling price (its own field) and nothing else, exactly as the relay allows.
	const items = readItems(ctx.docs.catalog);
	const existing = items.find((i) => i.id === id);
	if (!existing) throw new UnknownItemError(id);
	const keys = definedKeys(patch);
	const item = parseOrThrow(itemSchema, { ...existing, ...pick(patch, keys), id }, 'item');
	// Only fields that change: saving a form that shows the cost unchanged is no cost edit.
	const before = new Map(Object.entries(existing));
	const after = new Map(Object.entries(item));
	requireFields(
		ctx,
		'item',
		keys.filter((k) => after.get(k) !== before.get(k))
	);
	if (normalizeCode(item.code) !== normalizeCode(existing.code))
		checkItemCodeUnique(items, item.code, id);
	writeCatalog(ctx, 'updateItem', 'items', id, pick(item, keys));
	return item;
}

function checkWarehouseCode(warehouses: Warehouse[], code: string, selfId?: string): void {
	if (findByCode(warehouses, code, selfId))
		throw new DuplicateCodeError('duplicate-warehouse-code', code.trim());
}

export function createWarehouse(ctx: CommandContext, input: Omit<WarehouseInput, 'id'>): Warehouse {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'warehouse');
	const warehouse = parseOrThrow(warehouseSchema, { ...input, id: ctx.ids.next() }, 'warehouse');
	checkWarehouseCode(readWarehouses(ctx.docs.catalog), warehouse.code);
	writeCatalog(ctx, 'createWarehouse', 'warehouses', warehouse.id, warehouse);
	return warehouse;
}

export function updateWarehouse(
	ctx: CommandContext,
	id: string,
	patch: Patch<WarehouseInput>
): Warehouse {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'warehouse');
	const warehouses = readWarehouses(ctx.docs.catalog);
	const existing = warehouses.find((w) => w.id === id);
	if (!existing) throw new UnknownWarehouseError(id);
	const keys = definedKeys(patch);
	const warehouse = parseOrThrow(
		warehouseSchema,
		{ ...existing, ...pick(patch, keys), id },
		'warehouse'
	);
	checkWarehouseCode(warehouses, warehouse.code, id);
	writeCatalog(ctx, 'updateWarehouse', 'warehouses', id, pick(warehouse, keys));
	return warehouse;
}

/** Location codes are unique within their warehouse (A-01-01 exists in every warehouse). */
function checkLocationCode(locations: Location[], location: Location): void {
	const siblings = locations.filter((l) => l.warehouseId === location.warehouseId);
	if (findByCode(siblings, location.code, location.id))
		throw new DuplicateCodeError('duplicate-location-code', location.code);
}

export function createLocation(ctx: CommandContext, input: Omit<LocationInput, 'id'>): Location {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'location');
	const location = parseOrThrow(locationSchema, { ...input, id: ctx.ids.next() });
	if (!readWarehouses(ctx.docs.catalog).some((w) => w.id === location.warehouseId))
		throw new UnknownWarehouseError(location.warehouseId);
	checkLocationCode(readLocations(ctx.docs.catalog), location);
	writeCatalog(ctx, 'createLocation', 'locations', location.id, location);
	return location;
}

export function updateLocation(
	ctx: CommandContext,
	id: string,
	patch: Patch<LocationInput>
): Location {
	requireWrite(ctx, CATALOG);
	requireRecord(ctx, 'location');
	const locations = readLocations(ctx.docs.catalog);
	const existing = locations.find((l) => l.id === id);
	if (!existing) throw new UnknownLocationError(id);
	const keys = definedKeys(patch);
	const location = parseOrThrow(locationSchema, { ...existing, ...pick(patch, keys), id });
	if (location.warehouseId !== existing.warehouseId) {
		if (!readWarehouses(ctx.docs.catalog).some((w) => w.id === location.warehouseId))
			throw new UnknownWarehouseError(location.warehouseId);
	}
	checkLocationCode(locations, location);
	writeCatalog(ctx, 'updateLocation', 'locations', id, pick(location, keys));
	return location;
}

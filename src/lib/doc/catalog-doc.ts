// The catalog doc: items, warehouses and locations, each `Y.Map<id, Y.Map<field, value>>` so
// concurrent edits of different fields of one entity both survive; plus `ledgerMonths`.
// Reads parse every entity with zod: a peer may have written anything.

import * as Y from 'yjs';
import { nestedMap } from './nested';
import type { z } from 'zod';
import {
	itemSchema,
	locationSchema,
	warehouseSchema,
	type Item,
	type Location,
	type Warehouse
} from '../domain/catalog/entities';
import { isMonth } from './names';

export const CATALOG_MAPS = ['items', 'warehouses', 'locations'] as const;
export type CatalogMapName = (typeof CATALOG_MAPS)[number];

export function entityMap(doc: Y.Doc, name: CatalogMapName): Y.Map<unknown> {
	return doc.getMap<unknown>(name);
}

export function ledgerMonthsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>('ledgerMonths');
}

export type FieldValue = string | number | boolean;

/**
 * Writes one entity: creates its nested Y.Map when missing, then sets only the fields whose
 * value changed (an unchanged field is not rewritten, so it cannot clobber a concurrent edit).
 * Call inside a transaction. `id` is the map key and is not stored as a field.
 */
export function writeEntity(
	map: Y.Map<unknown>,
	id: string,
	fields: Record<string, unknown>
): void {
	const target = nestedMap(map, id);
	for (const [field, value] of Object.entries(fields)) {
		if (field === 'id' || value === undefined) continue;
		if (target.get(field) !== value) target.set(field, value);
	}
}

export interface ReadResult<T> {
	values: T[];
	/** Entries skipped because they failed to parse. */
	invalid: number;
}

/** Each entity map's parse result (null: invalid), valid until the entity changes. */
type ParseCache<T> = WeakMap<Y.Map<unknown>, T | null>;

function readEntities<S extends z.ZodType>(
	map: Y.Map<unknown>,
	schema: S,
	cache?: ParseCache<z.infer<S>>
): ReadResult<z.infer<S>> {
	const values: z.infer<S>[] = [];
	let invalid = 0;
	for (const [id, entity] of map.entries()) {
		if (!(entity instanceof Y.Map)) {
			invalid++;
			continue;
		}
		let value = cache?.get(entity);
		if (value === undefined) {
			const parsed = schema.safeParse({ ...entity.toJSON(), id });
			value = parsed.success ? parsed.data : null;
			cache?.set(entity, value);
		}
		if (value === null) invalid++;
		else values.push(value);
	}
	values.sort((a, b) => compareById(a, b));
	return { values, invalid };
}

function compareById(a: unknown, b: unknown): number {
	const ia = idOf(a);
	const ib = idOf(b);
	return ia < ib ? -1 : ia > ib ? 1 : 0;
}

function idOf(v: unknown): string {
	return typeof v === 'object' && v !== null && 'id' in v && typeof v.id === 'string' ? v.id : '';
}

export function readItemsResult(doc: Y.Doc): ReadResult<Item> {
	return readEntities(entityMap(doc, 'items'), itemSchema);
}

export function readWarehousesResult(doc: Y.Doc): ReadResult<Warehouse> {
	return readEntities(entityMap(doc, 'warehouses'), warehouseSchema);
}

export function readLocationsResult(doc: Y.Doc): ReadResult<Location> {
	return readEntities(entityMap(doc, 'locations'), locationSchema);
}

/** Valid items, sorted by id. */
export function readItems(doc: Y.Doc): Item[] {
	return readItemsResult(doc).values;
}

export function readWarehouses(doc: Y.Doc): Warehouse[] {
	return readWarehousesResult(doc).values;
}

export function readLocations(doc: Y.Doc): Location[] {
	return readLocationsResult(doc).values;
}

/** Reads the catalog's entities over and over, as the runtime does after every change. */
export interface CatalogReader {
	/** Same as `readItems`, and so on. */
	items(): Item[];
	warehouses(): Warehouse[];
	locations(): Location[];
	/** Stops following the doc's changes. */
	close(): void;
}

/**
 * A reader that parses an entity again only after it changed: one edit (or a remote change
 * to a few items) does not re-parse a catalog of thousands. An unchanged entity keeps its
 * object, so consumers can compare by identity.
 */
export function createCatalogReader(doc: Y.Doc): CatalogReader {
	const items = cachedReader(entityMap(doc, 'items'), itemSchema);
	const warehouses = cachedReader(entityMap(doc, 'warehouses'), warehouseSchema);
	const locations = cachedReader(entityMap(doc, 'locations'), locationSchema);
	return {
		items: items.read,
		warehouses: warehouses.read,
		locations: locations.read,
		close: () => [items, warehouses, locations].forEach((reader) => reader.stop())
	};
}

function cachedReader<S extends z.ZodType>(
	map: Y.Map<unknown>,
	schema: S
): { read: () => z.infer<S>[]; stop: () => void } {
	const cache: ParseCache<z.infer<S>> = new WeakMap();
	return {
		read: () => readEntities(map, schema, cache).values,
		stop: forgetChanged(map, cache)
	};
}

/**
 * Drops the cached parse of every entity whose fields change. Entities added, replaced or
 * deleted are new (or gone) maps, so they need nothing; entities created in the same
 * transaction fire no events of their own, so a doc's initial load costs nothing here.
 */
function forgetChanged<T>(map: Y.Map<unknown>, cache: ParseCache<T>): () => void {
	const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
		for (const event of events) {
			const id = event.path[0];
			const entity = typeof id === 'string' ? map.get(id) : undefined;
			if (entity instanceof Y.Map) cache.delete(entity);
		}
	};
	map.observeDeep(handler);
	return () => map.unobserveDeep(handler);
}

/** Months ('YYYY-MM') that have a ledger doc with movements, sorted ascending. */
export function readLedgerMonths(doc: Y.Doc): string[] {
	const months: string[] = [];
	for (const [month, flag] of ledgerMonthsMap(doc).entries()) {
		if (flag === true && isMonth(month)) months.push(month);
	}
	return months.sort();
}

/** Calls `onChange` after any change to the catalog's maps; returns the unsubscribe. */
export function observeCatalog(doc: Y.Doc, onChange: () => void): () => void {
	const maps = [
		...CATALOG_MAPS.map((name) => entityMap(doc, name)),
		ledgerMonthsMap(doc),
		doc.getMap<unknown>('periods'),
		doc.getMap<unknown>('meta')
	];
	const handler = (): void => onChange();
	for (const map of maps) map.observeDeep(handler);
	return () => {
		for (const map of maps) map.unobserveDeep(handler);
	};
}

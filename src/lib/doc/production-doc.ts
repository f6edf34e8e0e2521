// BOMs and work centres in the catalog doc. `boms` and `workCenters` are
// `Y.Map<id, Y.Map<field, value>>` like suppliers; inside a BOM, `lines` and `steps` are nested
// Y.Maps of plain objects keyed by line / step id, so two devices adding a component each both
// keep theirs. Everything read is parsed; bad entries are skipped and counted.

import * as Y from 'yjs';
import { nestedMap, sameJson } from './nested';
import {
	bomLineSchema,
	bomSchema,
	routingStepSchema,
	type Bom,
	type BomLine,
	type RoutingStep
} from '../domain/production/bom';
import { workCenterSchema, type WorkCenter } from '../domain/production/work-center';
import { writeEntity, type ReadResult } from './catalog-doc';

export const BOMS = 'boms';
export const WORK_CENTERS = 'workCenters';

export function bomsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(BOMS);
}

export function workCentersMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>(WORK_CENTERS);
}

function nested<T>(
	value: unknown,
	schema: { safeParse(raw: unknown): { success: boolean; data?: T } }
) {
	const values: T[] = [];
	let invalid = 0;
	if (!(value instanceof Y.Map)) return { values, invalid };
	for (const raw of value.values()) {
		const parsed = schema.safeParse(raw);
		if (parsed.success && parsed.data !== undefined) values.push(parsed.data);
		else invalid++;
	}
	return { values, invalid };
}

/** Valid BOMs sorted by item id then version; bad lines or steps are skipped and counted. */
export function readBomsResult(doc: Y.Doc): ReadResult<Bom> {
	const values: Bom[] = [];
	let invalid = 0;
	for (const [id, entity] of bomsMap(doc).entries()) {
		if (!(entity instanceof Y.Map)) {
			invalid++;
			continue;
		}
		const lines = nested<BomLine>(entity.get('lines'), bomLineSchema);
		const steps = nested<RoutingStep>(entity.get('steps'), routingStepSchema);
		const fields: Record<string, unknown> = {};
		for (const [k, v] of entity.entries()) if (k !== 'lines' && k !== 'steps') fields[k] = v;
		const parsed = bomSchema.safeParse({
			...fields,
			id,
			lines: lines.values.sort((a, b) => (a.id < b.id ? -1 : 1)),
			steps: steps.values.sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1))
		});
		invalid += lines.invalid + steps.invalid;
		if (parsed.success) values.push(parsed.data);
		else invalid++;
	}
	values.sort((a, b) =>
		a.itemId !== b.itemId ? (a.itemId < b.itemId ? -1 : 1) : a.version < b.version ? -1 : 1
	);
	return { values, invalid };
}

export function readBoms(doc: Y.Doc): Bom[] {
	return readBomsResult(doc).values;
}

/**
 * Writes a BOM inside a transaction: changed scalar fields, then lines and steps by id (only
 * those that changed); lines and steps not in `bom` are removed.
 */
export function writeBom(doc: Y.Doc, bom: Bom): void {
	const { lines, steps, ...scalars } = bom;
	const map = bomsMap(doc);
	writeEntity(map, bom.id, scalars);
	const entity = map.get(bom.id);
	if (!(entity instanceof Y.Map)) return;
	for (const [key, list] of [
		['lines', lines],
		['steps', steps]
	] as const) {
		const target = nestedMap(entity, key);
		const wanted = new Set(list.map((x) => x.id));
		for (const k of [...target.keys()]) if (!wanted.has(k)) target.delete(k);
		for (const x of list) if (!sameJson(target.get(x.id), x)) target.set(x.id, { ...x });
	}
}

export function readWorkCentersResult(doc: Y.Doc): ReadResult<WorkCenter> {
	const values: WorkCenter[] = [];
	let invalid = 0;
	for (const [id, entity] of workCentersMap(doc).entries()) {
		const parsed = workCenterSchema.safeParse(
			entity instanceof Y.Map ? { ...entity.toJSON(), id } : null
		);
		if (parsed.success) values.push(parsed.data);
		else invalid++;
	}
	values.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : 1));
	return { values, invalid };
}

export function readWorkCenters(doc: Y.Doc): WorkCenter[] {
	return readWorkCentersResult(doc).values;
}

export function writeWorkCenter(doc: Y.Doc, center: WorkCenter): void {
	writeEntity(workCentersMap(doc), center.id, center);
}

export function observeProductionCatalog(doc: Y.Doc, onChange: () => void): () => void {
	const maps = [bomsMap(doc), workCentersMap(doc)];
	const handler = (): void => onChange();
	for (const m of maps) m.observeDeep(handler);
	return () => {
		for (const m of maps) m.unobserveDeep(handler);
	};
}

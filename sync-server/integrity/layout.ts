// Where things live in each kind of Stockflow doc, and what may be written there: a path from
// the doc's root (map keys, `[]` for an array element) names a slot, and the slot says which
// record kind it belongs to, what its value must be (the same zod schemas the client's readers
// parse with: src/lib/doc/**) and whether it may ever be deleted. docs/DATA-MODEL.md is the
// prose form of this table.

import { z } from 'zod';
import type { DocKind } from '../../src/lib/domain/auth/roles';
import type { RecordKind } from '../../src/lib/domain/auth/field-rights';
import { auditEntrySchema } from '../../src/lib/domain/audit/entry';
import { itemSchema, locationSchema, warehouseSchema } from '../../src/lib/domain/catalog/entities';
import { customerSchema } from '../../src/lib/domain/customers/customer';
import { classifyEvent } from '../../src/lib/domain/events/unknown-event';
import { storedMovementSchema } from '../../src/lib/domain/ledger/movement';
import { openingBalancesSchema } from '../../src/lib/domain/ledger/period';
import { isMonth } from '../../src/lib/doc/names';
import { accountCodesSchema } from '../../src/lib/domain/accounting/accounts';
import { VALUATION_METHODS } from '../../src/lib/domain/valuation/types';
import {
	ORDER_EVENT_TYPES,
	orderHeaderSchema,
	orderLineSchema,
	parseOrderEvent
} from '../../src/lib/domain/orders/order';
import { bomLineSchema, bomSchema, routingStepSchema } from '../../src/lib/domain/production/bom';
import { workCenterSchema } from '../../src/lib/domain/production/work-center';
import {
	WO_EVENT_TYPES,
	parseWoEvent,
	workOrderSchema
} from '../../src/lib/domain/production/work-order';
import { priceListEntrySchema } from '../../src/lib/domain/purchasing/price-list';
import {
	PO_EVENT_TYPES,
	parsePoEvent,
	poHeaderSchema,
	poLineSchema
} from '../../src/lib/domain/purchasing/purchase-order';
import {
	REQUISITION_EVENT_TYPES,
	parseRequisitionEvent,
	requisitionSchema
} from '../../src/lib/domain/purchasing/requisition';
import {
	RFQ_EVENT_TYPES,
	parseRfqEvent,
	rfqHeaderSchema,
	rfqLineSchema
} from '../../src/lib/domain/purchasing/rfq';
import {
	qualificationSchema,
	suppliedItemSchema,
	supplierSchema
} from '../../src/lib/domain/purchasing/supplier';
import {
	COUNT_EVENT_TYPES,
	countEventSchema,
	countHeaderSchema,
	countLineSchema
} from '../../src/lib/domain/stocktake/session';
import {
	TRANSFER_EVENT_TYPES,
	parseTransferEvent,
	plannedLineSchema,
	transferHeaderSchema
} from '../../src/lib/domain/transfers/transfer';

/** The path segment of an array element. */
export const ELEMENT = '[]';

type ObjectSchema = z.ZodObject;

/** What a value appended to a log is: malformed, or an entry (with its event type, if any). */
export type EntryVerdict = { ok: false } | { ok: true; eventType?: string };
type EntryCheck = (value: unknown) => EntryVerdict;

export type Slot =
	/** `[collection, id]`: one record, a nested Y.Map; never removed (only deactivated). */
	| { kind: 'entity'; record: RecordKind; schema: ObjectSchema }
	/** `[collection, id, field]`: a plain field of a record (null schema: a field from a newer app). */
	| { kind: 'field'; record: RecordKind; field: string; schema: z.ZodType | null }
	/** `[…, id, list]`: the Y.Array of an append-only list; never replaced or removed. */
	| { kind: 'log'; record: RecordKind; list: string }
	/** `[…, list, []]`: a plain entry of an append-only list; never deleted. */
	| { kind: 'logEntry'; record: RecordKind; list: string; check: EntryCheck }
	/** `[…, id, list]`: an editable list (draft order lines). */
	| { kind: 'list'; record: RecordKind; list: string }
	/** `[…, list, []]`: one line of an editable list, a Y.Map (or a plain object). */
	| { kind: 'listEntry'; record: RecordKind; list: string; schema: ObjectSchema }
	/** `[…, list, [], field]`: a field of a line map. */
	| { kind: 'listField'; record: RecordKind; field: string; schema: z.ZodType | null }
	/** `[…, id, map]`: a keyed Y.Map inside a record (a supplier's items, qualifications). */
	| { kind: 'nested'; record: RecordKind; map: string }
	/** `[…, map, key]`: one plain entry of a nested map. */
	| { kind: 'nestedEntry'; record: RecordKind; schema: z.ZodType }
	/** `[map, key]`: a plain value of a top-level map (meta, periods, opening…). */
	| { kind: 'entry'; record: RecordKind; schema: z.ZodType | null; removable: boolean };

const parsesWith =
	(schema: z.ZodType): EntryCheck =>
	(value) =>
		schema.safeParse(value).success ? { ok: true } : { ok: false };

/** An event log entry: known and well formed, or of a type from a newer app (kept, not refused). */
function eventsOf(
	knownTypes: readonly string[],
	parse: (raw: unknown) => { type: string } | null,
	idRequired: boolean
): EntryCheck {
	return (value) => {
		const c = classifyEvent(value, { knownTypes, parse, idRequired });
		return c.kind === 'malformed' ? { ok: false } : { ok: true, eventType: c.event.type };
	};
}

const parseCountEvent = (raw: unknown): { type: string } | null => {
	const parsed = countEventSchema.safeParse(raw);
	return parsed.success ? parsed.data : null;
};

interface ListSpec {
	appendOnly: boolean;
	/** Append-only lists: checks one plain entry. Editable lists: the line's schema. */
	check?: EntryCheck;
	lineSchema?: ObjectSchema;
}

interface CollectionSpec {
	record: RecordKind;
	/** The record's own fields (lists and nested maps excluded by name below). */
	schema: ObjectSchema;
	lists?: Record<string, ListSpec>;
	nested?: Record<string, z.ZodType>;
}

interface EntryMapSpec {
	record: RecordKind;
	/** Schema per key; `'*'` for any key. */
	values: Record<string, z.ZodType | null>;
	removable: boolean;
}

interface DocLayout {
	collections: Record<string, CollectionSpec>;
	entryMaps: Record<string, EntryMapSpec>;
	logs: Record<string, { record: RecordKind; check: EntryCheck }>;
}

const metaSpec: EntryMapSpec = { record: 'meta', values: { '*': null }, removable: true };

const CATALOG: DocLayout = {
	collections: {
		items: { record: 'item', schema: itemSchema },
		warehouses: { record: 'warehouse', schema: warehouseSchema },
		locations: { record: 'location', schema: locationSchema },
		customers: { record: 'customer', schema: customerSchema },
		suppliers: {
			record: 'supplier',
			schema: supplierSchema.omit({ items: true, qualifications: true }),
			nested: { items: suppliedItemSchema, qualifications: qualificationSchema }
		},
		priceLists: { record: 'priceList', schema: priceListEntrySchema },
		// A BOM's lines and steps are nested maps keyed by id: editing a BOM removes a line.
		boms: {
			record: 'bom',
			schema: bomSchema.omit({ lines: true, steps: true }),
			nested: { lines: bomLineSchema, steps: routingStepSchema }
		},
		workCenters: { record: 'workCenter', schema: workCenterSchema }
	},
	entryMaps: {
		meta: metaSpec,
		ledgerMonths: {
			record: 'ledgerMonth',
			values: { '*': z.literal(true) },
			removable: false
		},
		periods: {
			record: 'period',
			values: {
				closedThrough: z.string().refine(isMonth, 'expected YYYY-MM'),
				// Finance settings (commands/finance-settings.ts): admin and finance, like a close.
				valuationMethod: z.enum(VALUATION_METHODS),
				valuationMethodNext: z.enum(VALUATION_METHODS),
				accountCodes: accountCodesSchema
			},
			removable: false
		},
		purchasingSettings: { record: 'purchasingSettings', values: { '*': null }, removable: true }
	},
	// The audit trail of the master records above (domain/audit): append-only like movements.
	logs: { audit: { record: 'audit', check: parsesWith(auditEntrySchema) } }
};

const LEDGER: DocLayout = {
	collections: {},
	entryMaps: {
		meta: metaSpec,
		opening: { record: 'opening', values: { '*': openingBalancesSchema }, removable: false }
	},
	logs: { movements: { record: 'movement', check: parsesWith(storedMovementSchema) } }
};

const ORDERS: DocLayout = {
	collections: {
		salesOrders: {
			record: 'salesOrder',
			schema: orderHeaderSchema,
			lists: {
				lines: { appendOnly: false, lineSchema: orderLineSchema },
				events: { appendOnly: true, check: eventsOf(ORDER_EVENT_TYPES, parseOrderEvent, true) }
			}
		},
		transfers: {
			record: 'transfer',
			schema: transferHeaderSchema,
			lists: {
				lines: { appendOnly: true, check: parsesWith(plannedLineSchema) },
				events: {
					appendOnly: true,
					check: eventsOf(TRANSFER_EVENT_TYPES, parseTransferEvent, true)
				}
			}
		},
		purchaseOrders: {
			record: 'purchaseOrder',
			schema: poHeaderSchema,
			lists: {
				lines: { appendOnly: false, lineSchema: poLineSchema },
				events: { appendOnly: true, check: eventsOf(PO_EVENT_TYPES, parsePoEvent, true) }
			}
		},
		workOrders: {
			record: 'workOrder',
			schema: workOrderSchema,
			lists: {
				events: { appendOnly: true, check: eventsOf(WO_EVENT_TYPES, parseWoEvent, true) }
			}
		},
		rfqs: {
			record: 'rfq',
			schema: rfqHeaderSchema,
			lists: {
				lines: { appendOnly: true, check: parsesWith(rfqLineSchema) },
				events: { appendOnly: true, check: eventsOf(RFQ_EVENT_TYPES, parseRfqEvent, true) }
			}
		},
		requisitions: {
			record: 'requisition',
			schema: requisitionSchema,
			lists: {
				events: {
					appendOnly: true,
					check: eventsOf(REQUISITION_EVENT_TYPES, parseRequisitionEvent, true)
				}
			}
		}
	},
	entryMaps: { meta: metaSpec },
	logs: {}
};

const COUNTS: DocLayout = {
	collections: {
		sessions: {
			record: 'count',
			schema: countHeaderSchema,
			lists: {
				events: { appendOnly: true, check: eventsOf(COUNT_EVENT_TYPES, parseCountEvent, false) },
				lines: { appendOnly: true, check: parsesWith(countLineSchema) }
			}
		}
	},
	entryMaps: { meta: metaSpec },
	logs: {}
};

const LAYOUTS: Record<DocKind, DocLayout> = {
	catalog: CATALOG,
	ledger: LEDGER,
	orders: ORDERS,
	counts: COUNTS
};

/** The slot a path names in a doc of this kind, or null: nothing may be written there. */
export function slotAt(kind: DocKind, path: readonly string[]): Slot | null {
	const layout = LAYOUTS[kind];
	const [root, key, sub, index, leaf] = path;
	if (root === undefined || key === undefined) return null;
	const log = layout.logs[root];
	if (log)
		return path.length === 2 && key === ELEMENT ? { kind: 'logEntry', ...log, list: root } : null;
	const entries = layout.entryMaps[root];
	if (entries) {
		if (path.length !== 2 || key === ELEMENT) return null;
		const schema = key in entries.values ? entries.values[key] : entries.values['*'];
		if (schema === undefined) return null;
		return { kind: 'entry', record: entries.record, schema, removable: entries.removable };
	}
	const collection = layout.collections[root];
	if (!collection || key === ELEMENT) return null;
	const { record } = collection;
	if (sub === undefined) return { kind: 'entity', record, schema: collection.schema };
	if (sub === ELEMENT) return null;
	const list = collection.lists?.[sub];
	const nested = collection.nested?.[sub];
	if (!list && !nested) {
		if (path.length !== 3) return null;
		const schema = collection.schema.shape[sub] as z.ZodType | undefined;
		return { kind: 'field', record, field: sub, schema: schema ?? null };
	}
	if (nested) {
		if (index === undefined) return { kind: 'nested', record, map: sub };
		if (path.length !== 4 || index === ELEMENT) return null;
		return { kind: 'nestedEntry', record, schema: nested };
	}
	if (!list) return null;
	if (index === undefined)
		return list.appendOnly
			? { kind: 'log', record, list: sub }
			: { kind: 'list', record, list: sub };
	if (index !== ELEMENT) return null;
	if (list.appendOnly)
		return path.length === 4 && list.check
			? { kind: 'logEntry', record, list: sub, check: list.check }
			: null;
	if (!list.lineSchema) return null;
	if (leaf === undefined) return { kind: 'listEntry', record, list: sub, schema: list.lineSchema };
	if (path.length !== 5 || leaf === ELEMENT) return null;
	const schema = list.lineSchema.shape[leaf] as z.ZodType | undefined;
	return { kind: 'listField', record, field: leaf, schema: schema ?? null };
}

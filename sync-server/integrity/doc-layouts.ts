// The layout of each kind of Stockflow doc (layout.ts says how a path is read against it): its
// collections of records with their lists and nested maps, its maps of plain entries and its
// append-only logs, each with the zod schema the client's readers parse it with.

import { z } from 'zod';
import type { DocKind } from '../../src/lib/domain/auth/roles';
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
import type { DocLayout, EntryCheck, EntryMapSpec } from './layout';

const parsesWith =
	(schema: z.ZodType): EntryCheck =>
	(value) => {
		const parsed = schema.safeParse(value);
		return parsed.success ? { ok: true, parsed: parsed.data } : { ok: false };
	};

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

export const LAYOUTS: Record<DocKind, DocLayout> = {
	catalog: CATALOG,
	ledger: LEDGER,
	orders: ORDERS,
	counts: COUNTS
};

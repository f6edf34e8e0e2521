// The audit trail in the reader's language: each entry as a row (when, who, which record,
// which field, from what to what), with field names, money, statuses and referenced records
// (a location's warehouse, a price's supplier and item) shown as people know them. Shared by
// the history tab of each record and the admin's audit page (and its export).

import type { AuditEntry, AuditedRecord, AuditValue } from '../../domain/audit/entry';
import { stampWallMs } from '../../domain/clock/hlc';
import type { Table } from '../../domain/tabular/table';
import { fmtDateTime, fmtMoney, fmtNumber, t, type MessageKey } from '../../i18n';
import { isMessageKey } from '../../i18n/translate';

/** What the audit page lists: a master record's kind, or a person's role (kept by the relay). */
export type AuditRowKind = AuditedRecord | 'person';

export interface AuditRow {
	id: string;
	atMs: number;
	when: string;
	user: string;
	device: string;
	kind: AuditRowKind;
	kindText: string;
	recordId: string;
	recordText: string;
	/** The changed field's top-level name (`items` for a supplied item), null for a creation. */
	field: string | null;
	fieldText: string;
	/** The top-level field's name (what the field filter lists: "supplied items"). */
	fieldGroupText: string;
	actionText: string;
	oldText: string;
	newText: string;
	/** Written by an import (CSV/XLSX) rather than a form. */
	viaImport: boolean;
}

/** Labels of the records an entry names or refers to (code and name), when known. */
export interface AuditNames {
	label(record: AuditedRecord, id: string): string | undefined;
}

/** Message keys of each record's fields that the forms already name. */
const FIELD_KEYS: Readonly<Record<AuditedRecord, Readonly<Record<string, MessageKey>>>> = {
	item: {
		code: 'item.code',
		name: 'item.name',
		unit: 'item.unit',
		category: 'item.category',
		safetyStock: 'item.safetyStock',
		reorderPoint: 'item.reorderPoint',
		maxStock: 'item.maxStock',
		shelfLifeDays: 'item.shelfLifeDays',
		barcode: 'item.barcode',
		standardCostCents: 'item.standardCost',
		salePriceCents: 'item.salePrice',
		lotTracked: 'item.lotTracked',
		pickPolicy: 'item.pickPolicy',
		active: 'audit.field.active'
	},
	warehouse: {
		code: 'warehouse.code',
		name: 'warehouse.name',
		address: 'warehouse.address',
		active: 'audit.field.active'
	},
	location: {
		code: 'location.code',
		name: 'location.name',
		warehouseId: 'purchasing.warehouse',
		active: 'audit.field.active'
	},
	customer: {
		code: 'customers.code',
		name: 'customers.name',
		contact: 'customers.contact',
		phone: 'customers.phone',
		email: 'customers.email',
		address: 'customers.address',
		creditTermsDays: 'customers.creditTermsDays',
		priceLevel: 'customers.priceLevel',
		notes: 'customers.notes',
		active: 'audit.field.active'
	},
	supplier: {
		code: 'purchasing.code',
		name: 'purchasing.name',
		contacts: 'purchasing.contact',
		paymentTermsDays: 'purchasing.terms',
		currency: 'purchasing.currency',
		address: 'purchasing.address',
		notes: 'audit.field.notes',
		blocked: 'purchasing.blocked',
		items: 'purchasing.suppliedItems',
		qualifications: 'purchasing.qualifications',
		active: 'audit.field.active',
		// A supplied item's and a qualification's own fields (shown inside their values).
		supplierPartNo: 'purchasing.partNo',
		leadTimeDays: 'purchasing.leadTime',
		moq: 'audit.field.moq',
		orderMultiple: 'purchasing.multiple',
		preferred: 'purchasing.preferred',
		type: 'purchasing.qual.type',
		issuedOn: 'purchasing.qual.issuedOn',
		expiresOn: 'purchasing.qual.expiresOn',
		mandatory: 'purchasing.qual.mandatory'
	},
	priceList: {
		supplierId: 'purchasing.supplier',
		itemId: 'purchasing.item',
		currency: 'purchasing.currency',
		validFrom: 'purchasing.validFrom',
		validTo: 'purchasing.validTo',
		breaks: 'purchasing.breaks',
		landedExtraPct: 'purchasing.landedExtra',
		source: 'purchasing.source',
		note: 'field.note'
	}
};

/** A field's name, as the record's form shows it (the raw name when no form has one). */
export function auditFieldText(record: AuditedRecord, field: string, names: AuditNames): string {
	const [head = field, key] = field.split('.', 2);
	if (record === 'supplier' && head === 'items' && key !== undefined)
		return t('audit.field.suppliedItem', { item: names.label('item', key) ?? key });
	if (record === 'supplier' && head === 'qualifications' && key !== undefined)
		return t('audit.field.qualification', { name: key });
	const known = FIELD_KEYS[record][head];
	return known ? t(known) : field;
}

const REFERENCES: Readonly<Record<string, AuditedRecord>> = {
	warehouseId: 'warehouse',
	itemId: 'item',
	supplierId: 'supplier'
};

/** A translated value of a closed set (`priceLevel.vip`), or the value itself. */
function choice(prefix: string, value: string): string {
	const key = `${prefix}.${value}`;
	return isMessageKey(key) ? t(key) : value;
}

function objectText(record: AuditedRecord, value: object, names: AuditNames): string {
	return Object.entries(value)
		.filter(([k, v]) => k !== 'id' && k !== 'itemId' && v !== '' && v !== undefined)
		.map(([k, v]) => `${auditFieldText(record, k, names)} ${auditValueText(record, k, v, names)}`)
		.join(t('audit.separator'));
}

/** A stored value as people read it; '' for "not set". */
export function auditValueText(
	record: AuditedRecord,
	field: string,
	value: AuditValue | undefined,
	names: AuditNames
): string {
	if (value === undefined || value === null) return '';
	const leaf = field.split('.')[0] ?? field;
	if (typeof value === 'boolean') {
		if (leaf === 'active') return t(value ? 'common.active' : 'common.inactive');
		return t(value ? 'common.yes' : 'common.no');
	}
	if (typeof value === 'number') return leaf.endsWith('Cents') ? fmtMoney(value) : fmtNumber(value);
	if (typeof value === 'string') {
		if (value === '') return t('audit.value.empty');
		const ref = REFERENCES[leaf];
		if (ref) return names.label(ref, value) ?? value;
		if (leaf === 'priceLevel') return choice('priceLevel', value);
		if (leaf === 'pickPolicy') return choice('item.pickPolicy', value);
		if (leaf === 'source') return choice('purchasing.priceSource', value);
		if (leaf === 'type') return choice('purchasing.qualType', value);
		return value;
	}
	if (Array.isArray(value)) {
		if (leaf === 'breaks')
			return value
				.map((b) =>
					typeof b === 'object' && b !== null && !Array.isArray(b)
						? `≥${fmtNumber(Number(b.minQty ?? 0))} ${fmtMoney(Number(b.unitPriceCents ?? 0))}`
						: String(b)
				)
				.join('；');
		return value
			.map((v) =>
				typeof v === 'object' && v !== null
					? Object.values(v)
							.filter((x) => x !== '')
							.join(' ')
					: String(v)
			)
			.join('；');
	}
	return objectText(record, value, names);
}

/** What a creation set, in a line: the code and name when it has them. */
function createdText(record: AuditedRecord, value: AuditValue | undefined, names: AuditNames) {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return '';
	const code = typeof value.code === 'string' ? value.code : '';
	const name = typeof value.name === 'string' ? value.name : '';
	if (code || name) return [code, name].filter(Boolean).join(' ');
	return objectText(record, value, names);
}

/** The record an entry is about, as people know it (its code and name now), else its id. */
export function auditRecordText(record: AuditedRecord, id: string, names: AuditNames): string {
	return names.label(record, id) ?? id;
}

export function auditRow(entry: AuditEntry, names: AuditNames): AuditRow {
	const atMs = stampWallMs(entry.at);
	const { record, field } = entry;
	const create = entry.action === 'create';
	return {
		id: entry.id,
		atMs,
		when: fmtDateTime(atMs),
		user: entry.user,
		device: entry.device,
		kind: record,
		kindText: t(`audit.kind.${record}`),
		recordId: entry.recordId,
		recordText: auditRecordText(record, entry.recordId, names),
		field: field === undefined ? null : (field.split('.')[0] ?? field),
		fieldText: field === undefined ? '' : auditFieldText(record, field, names),
		fieldGroupText:
			field === undefined ? '' : auditFieldText(record, field.split('.')[0] ?? field, names),
		actionText: t(`audit.action.${entry.action}`),
		oldText: create ? '' : auditValueText(record, field ?? '', entry.old, names),
		newText: create
			? createdText(record, entry.new, names)
			: entry.new === undefined && entry.old !== undefined
				? t('audit.value.removed')
				: auditValueText(record, field ?? '', entry.new, names),
		viaImport: entry.command?.startsWith('import') ?? false
	};
}

/**
 * The row's device by the name it was given at sign-in ("iPad · 倉管", learnt from presence and
 * remembered), instead of its clock id; the id when this device never saw that one online.
 */
export function namedDevice(row: AuditRow, names: Readonly<Record<string, string>>): AuditRow {
	const name = names[row.device];
	return name ? { ...row, device: name } : row;
}

/** The rows as a table for ExportButton (CSV / XLSX): one line per changed field. */
export function auditExportTable(rows: readonly AuditRow[]): Table {
	return {
		headers: [
			t('audit.col.when'),
			t('audit.col.user'),
			t('audit.col.device'),
			t('audit.col.kind'),
			t('audit.col.record'),
			t('audit.col.action'),
			t('audit.col.field'),
			t('audit.col.old'),
			t('audit.col.new')
		],
		rows: rows.map((r) => [
			new Date(r.atMs).toISOString(),
			r.user,
			r.device,
			r.kindText,
			r.recordText,
			r.viaImport ? `${r.actionText} (${t('audit.viaImport')})` : r.actionText,
			r.fieldText,
			r.oldText,
			r.newText
		])
	};
}

// What the writer may put where: the role's rights (field-rights.ts), authorship fields that
// must name the token's user, and stamps the relay's clock can trust (stamps.ts).

import type { z } from 'zod';
import {
	canAppendEvent,
	canWriteField,
	canWriteRecord,
	type RecordKind
} from '../../src/lib/domain/auth/field-rights';
import { isAuthorshipField } from '../../src/lib/domain/auth/field-rights';
import { isStamp } from '../../src/lib/domain/clock/hlc';
import { monthOfLedgerDoc, monthOfStamp } from '../../src/lib/doc/names';
import type { Slot } from './layout';
import { preview, refuse, show } from './refusal';
import { monthRefusal, stampRefusal } from './stamps';
import type { IntegrityInput } from './check';

/** A ledger doc's month, by doc name (one regex per room, not per update). */
const ledgerMonths = new Map<string, string | null>();
function ledgerMonthOf(docName: string): string | null {
	let month = ledgerMonths.get(docName);
	if (month === undefined) {
		month = monthOfLedgerDoc(docName);
		// Names are checked at the upgrade (a ledger per month): a bound only against misuse.
		if (ledgerMonths.size < 10_000) ledgerMonths.set(docName, month);
	}
	return month;
}

function isSchemaDefault(schema: z.ZodType | null, value: unknown): boolean {
	const parsed = schema?.safeParse(undefined);
	return parsed?.success === true && parsed.data === value;
}

export class WriterRules {
	private readonly ledgerMonth: string | null;

	constructor(private readonly input: Omit<IntegrityInput, 'doc' | 'update'>) {
		this.ledgerMonth = input.kind === 'ledger' ? ledgerMonthOf(input.docName) : null;
	}

	/**
	 * A field's own right, except that a new record's fields holding their schema default are
	 * the record's (creating an item as warehouse stores standard cost 0, which is no choice).
	 */
	requireFieldRight(
		slot: Slot & { kind: 'field' },
		path: string[],
		value: unknown,
		created: boolean
	): void {
		const { role } = this.input.writer;
		const ok =
			created && isSchemaDefault(slot.schema, value)
				? canWriteRecord(role, slot.record)
				: canWriteField(role, slot.record, slot.field);
		if (!ok) refuse('rights', `${role} may not write ${show(path)}`);
	}

	requireRight(slot: Slot, path: string[], eventType: string | undefined): void {
		const { role } = this.input.writer;
		const record: RecordKind = slot.record;
		let ok: boolean;
		if (slot.kind === 'field') ok = canWriteField(role, record, slot.field);
		else if (slot.kind === 'logEntry' && eventType !== undefined)
			ok = canAppendEvent(role, record, eventType);
		else ok = canWriteRecord(role, record);
		if (!ok)
			refuse('rights', `${role} may not write ${show(path)}${eventType ? ` (${eventType})` : ''}`);
	}

	requireStamp(path: string[], value: unknown): void {
		if (this.input.relayNowMs === undefined) return;
		const detail = stampRefusal(value, this.input.relayNowMs);
		if (detail) refuse('clock', `${show(path)}: ${detail}`);
	}

	/** A catalog `ledgerMonths` key: a month the relay would store entries of. */
	requireLedgerMonth(path: string[]): void {
		const month = path[1];
		if (this.input.relayNowMs === undefined || month === undefined) return;
		const detail = monthRefusal(month, this.input.relayNowMs);
		if (detail) refuse('clock', `${show(path)}: ${detail}`);
	}

	requireAuthors(path: string[], value: unknown): void {
		if (typeof value !== 'object' || value === null) return;
		for (const [field, author] of Object.entries(value))
			if (isAuthorshipField(field)) this.requireAuthor(path, field, author, value);
	}

	requireAuthor(path: string[], field: string, author: unknown, entry?: object): void {
		const { user, role } = this.input.writer;
		// An admin can mint a token for any user (POST /api/token): checking its authorship
		// would protect nothing, and the demo company it seeds is written by several people.
		if (role === 'admin' || author === user) return;
		if (entry && this.derivedMovement(entry)) return;
		refuse(
			'authorship',
			`${show(path)}: ${field} is ${preview(author)}, the token's user is ${user}`
		);
	}

	/**
	 * Movements that record another person's act: count approvals post at the counter's line
	 * (`cnt-…`), transfer postings and their reversals at the event's (`trf-…`), and a late
	 * movement carried into the base month keeps its author and its stamp in a closed month.
	 */
	private derivedMovement(entry: object): boolean {
		if (this.ledgerMonth === null) return false;
		const id = 'id' in entry ? entry.id : undefined;
		const at = 'at' in entry ? entry.at : undefined;
		if (typeof id === 'string' && (id.startsWith('cnt-') || id.startsWith('trf-'))) return true;
		return typeof at === 'string' && isStamp(at) && monthOfStamp(at) < this.ledgerMonth;
	}
}

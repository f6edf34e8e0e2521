// The relay's integrity check: decides, before an update is stored or forwarded, whether it
// may enter a room. It reads the update's structs and delete set against the room (nothing is
// applied): where each new struct lands (places.ts), what it carries, and which live structs
// it deletes (deletes.ts); layout.ts says what each place allows, writer-rules.ts who may write
// it and audit-cover.ts which catalog changes need their audit entry.

import * as Y from 'yjs';
import type { DocKind, Role } from '../../src/lib/domain/auth/roles';
import { isAuthorshipField } from '../../src/lib/domain/auth/field-rights';
import type { AuditEntry } from '../../src/lib/domain/audit/entry';
import { AuditCover } from './audit-cover';
import { checkDeletes } from './deletes';
import { ELEMENT, slotAt, type Slot } from './layout';
import { Places, UNRESOLVED, type DecodedUpdate } from './places';
import { Refused, issueAt, keyOf, preview, refuse, show, type Refusal } from './refusal';
import { docRoomView, type RoomView } from './room-view';
import { WriterRules } from './writer-rules';

export type { RefusalReason, Refusal } from './refusal';
export type { DecodedUpdate } from './places';

export interface Writer {
	user: string;
	role: Role;
}

export interface IntegrityInput {
	/** The room: its doc, or what a checking thread was told of it (room-view.ts). */
	doc: Y.Doc | RoomView;
	kind: DocKind;
	docName: string;
	update: DecodedUpdate;
	writer: Writer;
	/**
	 * The relay's clock: entries stamped far ahead of it or before any Stockflow record
	 * (stamps.ts) are refused (`clock`). Absent: stamps are not checked (validator-only tests).
	 */
	relayNowMs?: number;
}

/** `null` when the update may enter the room; otherwise why not. */
export function checkIntegrity(input: IntegrityInput): Refusal | null {
	try {
		for (const _ of new Check(input).steps());
		return null;
	} catch (err) {
		if (err instanceof Refused) return err.refusal;
		throw err;
	}
}

/** Structs and values checked between two looks at the clock in `checkIntegrityInSlices`. */
const STRUCTS_PER_STEP = 256;

/**
 * `checkIntegrity` handing the thread back every `sliceMs` (the relay's fallback for a large
 * update when its checking thread fails). The check only reads the room; a room that changes
 * between slices (another connection's update applied meanwhile) is read as it is then, which
 * is what a check started a moment later would have seen.
 */
export async function checkIntegrityInSlices(
	input: IntegrityInput,
	sliceMs: number,
	nowMs: () => number = () => performance.now()
): Promise<Refusal | null> {
	try {
		let sliceStart = nowMs();
		for (const _ of new Check(input).steps()) {
			if (nowMs() - sliceStart < sliceMs) continue;
			await new Promise<void>((resolve) => setImmediate(resolve));
			sliceStart = nowMs();
		}
		return null;
	} catch (err) {
		if (err instanceof Refused) return err.refusal;
		throw err;
	}
}

class Check {
	private readonly places: Places;
	private readonly rules: WriterRules;
	private readonly audit: AuditCover;
	/** Map entries this update writes (path keys): a live value deleted there is overwritten. */
	private readonly written = new Set<string>();
	/** Records created by this update. */
	private readonly created = new Map<string, { slot: Slot; id: string }>();
	/** Field values this update writes, per record path key (structs come in any client order). */
	private readonly fieldWrites = new Map<string, Record<string, unknown>>();
	/** Field writes whose right depends on whether the record is new (checked at the end). */
	private readonly fieldRights: Array<{
		slot: Slot & { kind: 'field' };
		path: string[];
		value: unknown;
	}> = [];
	/** Values and structs checked so far (a step ends every STRUCTS_PER_STEP of them). */
	private checked = 0;

	constructor(private readonly input: IntegrityInput) {
		const room = input.doc instanceof Y.Doc ? docRoomView(input.doc) : input.doc;
		this.places = new Places(room, input.update);
		this.rules = new WriterRules(input);
		this.audit = new AuditCover(input.kind, input.writer);
	}

	/** Runs the check, pausing (yielding) every STRUCTS_PER_STEP structs; throws Refused. */
	*steps(): Generator<void, void, void> {
		const fresh = this.places.freshStructs();
		for (const [item, offset] of fresh) yield* this.checkStruct(item, offset);
		for (const [key, record] of this.created)
			this.checkCreated(record, this.fieldWrites.get(key) ?? {});
		for (const { slot, path, value } of this.fieldRights)
			this.rules.requireFieldRight(slot, path, value, this.created.has(keyOf(path.slice(0, 2))));
		const { places, rules, audit, written } = this;
		checkDeletes({ kind: this.input.kind, places, rules, audit, written });
		this.audit.verify(this.created);
	}

	/** Counts one checked value; true when a step is over. */
	private stepDone(): boolean {
		return ++this.checked % STRUCTS_PER_STEP === 0;
	}

	private *checkStruct(item: Y.Item, offset: number): Generator<void, void, void> {
		if (this.stepDone()) yield;
		const { content } = item;
		if (content instanceof Y.ContentDeleted) return;
		const path = this.places.newItemPath(item);
		if (path === UNRESOLVED)
			refuse(
				'gap',
				`a change at ${item.id.client}:${item.id.clock} depends on one the relay does not have`
			);
		if (path === null) return;
		// A struct that only names its neighbour carries no key: the path's last segment tells.
		const mapEntry = path[path.length - 1] !== ELEMENT;
		if (!mapEntry && offset === 0 && item.length === 1 && this.places.deletedHere(item.id)) return;
		const slot = slotAt(this.input.kind, path);
		if (!slot) refuse('schema', `nothing may be written at ${show(path)}`);
		if (mapEntry) {
			this.written.add(keyOf(path));
			if (this.places.deletedHere(item.id)) {
				// Overwritten within this update: never visible, but the write needs the right.
				this.rules.requireRight(slot, path, undefined);
				return;
			}
		}
		if (content instanceof Y.ContentType) this.checkType(slot, path, content.type, item);
		else if (content instanceof Y.ContentAny) {
			// One struct holds every movement a client pushed in a row: thousands in a catch-up.
			for (let i = offset; i < content.arr.length; i++) {
				const id = Y.createID(item.id.client, item.id.clock + i);
				if (!mapEntry && this.places.deletedHere(id)) continue;
				this.checkValue(slot, path, content.arr[i]);
				if (this.stepDone()) yield;
			}
		} else refuse('schema', `${content.constructor.name} is not a Stockflow value (${show(path)})`);
	}

	private checkType(slot: Slot, path: string[], type: Y.AbstractType<unknown>, item: Y.Item): void {
		const isMap = type instanceof Y.Map;
		const isArray = type instanceof Y.Array;
		const want = (ok: boolean, what: string): void => {
			if (!ok) refuse('schema', `${show(path)} must be ${what}`);
		};
		switch (slot.kind) {
			case 'entity': {
				want(isMap, 'a map');
				this.rules.requireRight(slot, path, undefined);
				this.created.set(keyOf(path), { slot, id: path[1]! });
				return;
			}
			case 'log':
			case 'list':
				want(isArray, 'a list');
				if (slot.kind === 'list') this.rules.requireRight(slot, path, undefined);
				return;
			case 'listEntry':
			case 'nested':
				want(isMap, 'a map');
				this.rules.requireRight(slot, path, undefined);
				return;
			default:
				refuse(
					'schema',
					`${show(path)} takes a plain value, not a shared type (${item.id.client}:${item.id.clock})`
				);
		}
	}

	private checkValue(slot: Slot, path: string[], value: unknown): void {
		const { rules } = this;
		switch (slot.kind) {
			case 'field':
			case 'listField': {
				if (slot.schema && !slot.schema.safeParse(value).success)
					refuse('schema', `${show(path)}: ${preview(value)} is not a valid ${slot.field}`);
				if (isAuthorshipField(slot.field)) rules.requireAuthor(path, slot.field, value);
				if (slot.kind === 'listField') rules.requireRight(slot, path, undefined);
				else {
					this.audit.noteChange(slot.record, path, slot.field, value, false);
					this.fieldRights.push({ slot, path, value });
					const key = keyOf(path.slice(0, 2));
					let fields = this.fieldWrites.get(key);
					if (!fields) this.fieldWrites.set(key, (fields = {}));
					fields[slot.field] = value;
				}
				return;
			}
			case 'logEntry': {
				const verdict = slot.check(value);
				if (!verdict.ok)
					refuse('schema', `${show(path)}: entry ${preview(value)} fails its schema`);
				rules.requireAuthors(path, value);
				rules.requireStamp(path, value);
				rules.requireRight(slot, path, verdict.eventType);
				// The audit log's check parsed it with auditEntrySchema (doc-layouts.ts).
				if (slot.record === 'audit') this.audit.entry(path, verdict.parsed as AuditEntry);
				return;
			}
			case 'listEntry':
				if (!slot.schema.safeParse(value).success)
					refuse('schema', `${show(path)}: line ${preview(value)} fails its schema`);
				rules.requireStamp(path, value);
				rules.requireRight(slot, path, undefined);
				return;
			case 'nestedEntry':
			case 'entry':
				if (slot.kind === 'nestedEntry')
					this.audit.noteChange(slot.record, path, `${path[2]}.${path[3]}`, value, false);
				if (slot.schema) {
					const parsed = slot.schema.safeParse(value);
					if (!parsed.success)
						refuse(
							'schema',
							`${show(path)}: ${preview(value)} fails its schema at ${issueAt(parsed.error)}`
						);
				}
				rules.requireAuthors(path, value);
				rules.requireStamp(path, value);
				if (slot.record === 'ledgerMonth') rules.requireLedgerMonth(path);
				rules.requireRight(slot, path, undefined);
				return;
			default:
				refuse('schema', `${show(path)} must be a shared type, not a plain value`);
		}
	}

	/** A record created by this update must parse whole, as its readers parse it. */
	private checkCreated(record: { slot: Slot; id: string }, fields: Record<string, unknown>): void {
		if (record.slot.kind !== 'entity') return;
		const parsed = record.slot.schema.safeParse({ ...fields, id: record.id });
		if (!parsed.success)
			refuse(
				'schema',
				`new ${record.slot.record} ${record.id} fails its schema (${parsed.error.issues[0]?.path.join('.') ?? ''})`
			);
	}
}

// The relay's integrity check: decides, before an update is stored or forwarded, whether it
// may enter a room. It reads the update's structs and delete set against the room's doc
// (nothing is applied): where each new struct lands (a path from the doc's root, resolved
// through its parent or, for a struct that only names its neighbour, through that neighbour),
// what it carries, and which live structs it deletes; layout.ts says what each place allows
// and field-rights.ts who may write it.
//
// Yjs numbers each client's structs with a clock that must run without gaps: a struct can
// integrate only once every earlier struct of its client did. A refused update leaves a gap,
// so every later struct of that client id is refused as well (`gap`) instead of being stored
// as pending forever; the app sets the refused changes aside and continues under a new id.

import * as Y from 'yjs';
import type { DocKind, Role } from '../../src/lib/domain/auth/roles';
import {
	canAppendEvent,
	canWriteField,
	canWriteRecord,
	isAuthorshipField,
	type RecordKind
} from '../../src/lib/domain/auth/field-rights';
import {
	auditEntrySchema,
	isAuditedRecord,
	sameValue,
	type AuditEntry,
	type AuditedRecord
} from '../../src/lib/domain/audit/entry';
import { isStamp } from '../../src/lib/domain/clock/hlc';
import { monthOfLedgerDoc, monthOfStamp } from '../../src/lib/doc/names';
import type { RefusalReason } from '../../src/lib/sync/protocol';
import { ELEMENT, slotAt, type Slot } from './layout';
import { stampRefusal } from './stamps';

export type { RefusalReason };

export interface Refusal {
	reason: RefusalReason;
	/** One line for the sender and the log: what was refused, where. */
	detail: string;
}

export interface Writer {
	user: string;
	role: Role;
}

export interface DecodedUpdate {
	structs: ReturnType<typeof Y.decodeUpdate>['structs'];
	ds: ReturnType<typeof Y.decodeUpdate>['ds'];
}

export interface IntegrityInput {
	doc: Y.Doc;
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

class Refused extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.detail);
	}
}

function refuse(reason: RefusalReason, detail: string): never {
	throw new Refused({ reason, detail });
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
 * `checkIntegrity` for a large update (a catch-up of thousands of movements takes a few hundred
 * ms to check): it hands the relay's thread back every `sliceMs`, so the other rooms' live
 * updates are not held up behind it. The check only reads the room; a room that changes between
 * slices (another connection's update applied meanwhile) is read as it is then, which is what a
 * check started a moment later would have seen.
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

type Struct = Y.Item | Y.GC | Y.Skip;
/** A path from the doc's root; null: under a deleted type (the struct can change nothing). */
type Path = string[] | null;
const UNRESOLVED = 'unresolved';

const show = (path: readonly string[]): string => path.join('/');
const keyOf = (path: readonly string[]): string => path.join('\u0000');

class Check {
	private readonly store: Y.Doc['store'];
	private readonly byClient = new Map<number, Struct[]>();
	private readonly paths = new Map<Struct, Path | typeof UNRESOLVED>();
	private readonly typePaths = new Map<Y.AbstractType<unknown>, Path>();
	/** Map entries this update writes (path keys): a live value deleted there is overwritten. */
	private readonly written = new Set<string>();
	/** Records created by this update, with the fields it gives them. */
	private readonly created = new Map<string, { slot: Slot; id: string }>();
	/** Field values this update writes, per record path key (structs come in any client order). */
	private readonly fieldWrites = new Map<string, Record<string, unknown>>();
	/** Field writes whose right depends on whether the record is new (checked at the end). */
	private readonly fieldRights: Array<{
		slot: Slot & { kind: 'field' };
		path: string[];
		value: unknown;
	}> = [];
	private readonly ledgerMonth: string | null;
	/** Audit entries this update appends, and the master-record changes they must cover. */
	private readonly auditEntries: AuditEntry[] = [];
	private readonly auditedChanges: AuditedChange[] = [];

	constructor(private readonly input: IntegrityInput) {
		this.store = input.doc.store;
		this.ledgerMonth = input.kind === 'ledger' ? monthOfLedgerDoc(input.docName) : null;
	}

	/** Runs the check, pausing (yielding) every STRUCTS_PER_STEP structs; throws Refused. */
	*steps(): Generator<void, void, void> {
		const fresh = this.freshStructs();
		for (const [item, offset] of fresh) yield* this.checkStruct(item, offset);
		for (const [key, record] of this.created)
			this.checkCreated(record, this.fieldWrites.get(key) ?? {});
		for (const { slot, path, value } of this.fieldRights) this.requireFieldRight(slot, path, value);
		this.checkDeletes();
		this.checkAudited();
	}

	/** Structs the room does not have yet (with how much of each it has), gaps refused. */
	private freshStructs(): Array<[Y.Item, number]> {
		const fresh: Array<[Y.Item, number]> = [];
		const next = new Map<number, number>();
		for (const struct of this.input.update.structs) {
			if (struct instanceof Y.Skip) continue;
			const { client, clock } = struct.id;
			let list = this.byClient.get(client);
			if (!list) this.byClient.set(client, (list = []));
			list.push(struct);
			const expected = next.get(client) ?? Y.getState(this.store, client);
			if (clock > expected)
				refuse(
					'gap',
					`client ${client} skips clocks ${expected}–${clock - 1} (refused or missing earlier changes)`
				);
			const end = clock + struct.length;
			if (end <= expected) continue;
			next.set(client, end);
			if (struct instanceof Y.Item) fresh.push([struct, expected - clock]);
		}
		return fresh;
	}

	private roomHas(id: Y.ID): boolean {
		return id.clock < Y.getState(this.store, id.client);
	}

	private inUpdate(id: Y.ID): Struct | null {
		const list = this.byClient.get(id.client);
		if (!list) return null;
		let lo = 0;
		let hi = list.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const s = list[mid]!;
			if (id.clock < s.id.clock) hi = mid - 1;
			else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
			else return s;
		}
		return null;
	}

	private deletedHere(id: Y.ID): boolean {
		return Y.isDeleted(this.input.update.ds, id);
	}

	private typePath(type: Y.AbstractType<unknown>): Path {
		const cached = this.typePaths.get(type);
		if (cached !== undefined) return cached;
		let path: Path;
		const holder = type._item;
		if (holder === null) path = [Y.findRootTypeKey(type)];
		else if (holder.deleted) path = null;
		else path = this.roomItemPath(holder);
		this.typePaths.set(type, path);
		return path;
	}

	/** Where an integrated item of the room sits. */
	private roomItemPath(item: Y.Item): Path {
		const parent = this.typePath(item.parent as Y.AbstractType<unknown>);
		return parent && [...parent, item.parentSub ?? ELEMENT];
	}

	/** Where the struct holding `id` sits (the room's, or this update's). */
	private pathOfId(id: Y.ID): Path | typeof UNRESOLVED {
		if (this.roomHas(id)) {
			const struct = Y.getItem(this.store, id) as Struct;
			return struct instanceof Y.Item ? this.roomItemPath(struct) : null;
		}
		const struct = this.inUpdate(id);
		if (!struct) return UNRESOLVED;
		return struct instanceof Y.Item ? this.newItemPath(struct) : null;
	}

	/** The path of the type held by the item `id` (a new struct's parent). */
	private containerPath(id: Y.ID): Path | typeof UNRESOLVED {
		const struct = this.roomHas(id) ? (Y.getItem(this.store, id) as Struct) : this.inUpdate(id);
		if (!struct) return UNRESOLVED;
		if (!(struct instanceof Y.Item)) return null;
		if (!(struct.content instanceof Y.ContentType)) {
			if (struct.content instanceof Y.ContentDeleted) return null;
			refuse(
				'schema',
				`a change is nested in a plain value (${struct.id.client}:${struct.id.clock})`
			);
		}
		if (this.roomHas(id)) return struct.deleted ? null : this.roomItemPath(struct);
		return this.newItemPath(struct);
	}

	/** Where a struct of this update lands: under its parent, or beside its neighbour. */
	private newItemPath(item: Y.Item): Path | typeof UNRESOLVED {
		const cached = this.paths.get(item);
		if (cached !== undefined) return cached;
		let path: Path | typeof UNRESOLVED;
		const parent: unknown = item.parent;
		if (typeof parent === 'string') path = [parent, item.parentSub ?? ELEMENT];
		else if (parent instanceof Y.ID) {
			const container = this.containerPath(parent);
			path =
				container === UNRESOLVED || container === null
					? container
					: [...container, item.parentSub ?? ELEMENT];
		} else {
			const neighbour = item.origin ?? item.rightOrigin;
			path = neighbour ? this.pathOfId(neighbour) : UNRESOLVED;
		}
		this.paths.set(item, path);
		return path;
	}

	/** Values and structs checked so far (a step ends every STRUCTS_PER_STEP of them). */
	private checked = 0;

	/** Counts one checked value; true when a step is over. */
	private stepDone(): boolean {
		return ++this.checked % STRUCTS_PER_STEP === 0;
	}

	private *checkStruct(item: Y.Item, offset: number): Generator<void, void, void> {
		if (this.stepDone()) yield;
		const { content } = item;
		if (content instanceof Y.ContentDeleted) return;
		const path = this.newItemPath(item);
		if (path === UNRESOLVED)
			refuse(
				'gap',
				`a change at ${item.id.client}:${item.id.clock} depends on one the relay does not have`
			);
		if (path === null) return;
		// A struct that only names its neighbour carries no key: the path's last segment tells.
		const mapEntry = path[path.length - 1] !== ELEMENT;
		if (!mapEntry && offset === 0 && item.length === 1 && this.deletedHere(item.id)) return;
		const slot = slotAt(this.input.kind, path);
		if (!slot) refuse('schema', `nothing may be written at ${show(path)}`);
		if (mapEntry) {
			this.written.add(keyOf(path));
			if (this.deletedHere(item.id)) {
				// Overwritten within this update: never visible, but the write needs the right.
				this.requireRight(slot, path, undefined);
				return;
			}
		}
		if (content instanceof Y.ContentType) this.checkType(slot, path, content.type, item);
		else if (content instanceof Y.ContentAny) {
			// One struct holds every movement a client pushed in a row: thousands in a catch-up.
			for (let i = offset; i < content.arr.length; i++) {
				const id = Y.createID(item.id.client, item.id.clock + i);
				if (!mapEntry && this.deletedHere(id)) continue;
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
				this.requireRight(slot, path, undefined);
				const id = path[1]!;
				this.created.set(keyOf(path), { slot, id });
				return;
			}
			case 'log':
			case 'list':
				want(isArray, 'a list');
				if (slot.kind === 'list') this.requireRight(slot, path, undefined);
				return;
			case 'listEntry':
			case 'nested':
				want(isMap, 'a map');
				this.requireRight(slot, path, undefined);
				return;
			default:
				refuse(
					'schema',
					`${show(path)} takes a plain value, not a shared type (${item.id.client}:${item.id.clock})`
				);
		}
	}

	private checkValue(slot: Slot, path: string[], value: unknown): void {
		switch (slot.kind) {
			case 'field':
			case 'listField': {
				if (slot.schema && !slot.schema.safeParse(value).success)
					refuse('schema', `${show(path)}: ${preview(value)} is not a valid ${slot.field}`);
				if (isAuthorshipField(slot.field)) this.requireAuthor(path, slot.field, value);
				if (slot.kind === 'listField') this.requireRight(slot, path, undefined);
				else {
					this.noteAuditedChange(slot.record, path, slot.field, value, false);
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
				this.requireAuthors(path, value);
				this.requireStamp(path, value);
				this.requireRight(slot, path, verdict.eventType);
				if (slot.record === 'audit') this.checkAuditEntry(path, value);
				return;
			}
			case 'listEntry':
				if (!slot.schema.safeParse(value).success)
					refuse('schema', `${show(path)}: line ${preview(value)} fails its schema`);
				this.requireStamp(path, value);
				this.requireRight(slot, path, undefined);
				return;
			case 'nestedEntry':
			case 'entry':
				if (slot.kind === 'nestedEntry')
					this.noteAuditedChange(slot.record, path, `${path[2]}.${path[3]}`, value, false);
				if (slot.schema) {
					const parsed = slot.schema.safeParse(value);
					if (!parsed.success)
						refuse(
							'schema',
							`${show(path)}: ${preview(value)} fails its schema at ${issueAt(parsed.error)}`
						);
				}
				this.requireAuthors(path, value);
				this.requireStamp(path, value);
				this.requireRight(slot, path, undefined);
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

	/**
	 * A field's own right, except that a new record's fields holding their schema default are
	 * the record's (creating an item as warehouse stores standard cost 0, which is no choice).
	 */
	private requireFieldRight(slot: Slot & { kind: 'field' }, path: string[], value: unknown): void {
		const created = this.created.has(keyOf(path.slice(0, 2)));
		const parsedDefault = slot.schema?.safeParse(undefined);
		const isDefault = parsedDefault?.success === true && parsedDefault.data === value;
		const { role } = this.input.writer;
		const ok =
			created && isDefault
				? canWriteRecord(role, slot.record)
				: canWriteField(role, slot.record, slot.field);
		if (!ok) refuse('rights', `${role} may not write ${show(path)}`);
	}

	private requireRight(slot: Slot, path: string[], eventType: string | undefined): void {
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

	private requireStamp(path: string[], value: unknown): void {
		if (this.input.relayNowMs === undefined) return;
		const detail = stampRefusal(value, this.input.relayNowMs);
		if (detail) refuse('clock', `${show(path)}: ${detail}`);
	}

	private requireAuthors(path: string[], value: unknown): void {
		if (typeof value !== 'object' || value === null) return;
		for (const [field, author] of Object.entries(value))
			if (isAuthorshipField(field)) this.requireAuthor(path, field, author, value);
	}

	private requireAuthor(path: string[], field: string, author: unknown, entry?: object): void {
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

	/** Live structs of the room that this update deletes. */
	private checkDeletes(): void {
		for (const [client, ranges] of this.input.update.ds.clients) {
			const state = Y.getState(this.store, client);
			const structs = this.store.clients.get(client);
			for (const { clock, len } of ranges) {
				const end = clock + len;
				const known = Math.min(end, state);
				if (end > state) {
					// Past the room's state it may delete only structs of this update.
					const last = this.inUpdate(Y.createID(client, end - 1));
					if (!last)
						refuse('gap', `deletes ${client}:${state}–${end - 1}, which the relay does not have`);
				}
				if (!structs || clock >= known) continue;
				for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
					const struct = structs[i]!;
					if (struct.id.clock >= known) break;
					if (struct instanceof Y.Item && !struct.deleted) this.checkDeletion(struct);
				}
			}
		}
	}

	private checkDeletion(item: Y.Item): void {
		const path = this.roomItemPath(item);
		if (path === null) return;
		const slot = slotAt(this.input.kind, path);
		// Something no reader looks at (written before these checks existed): may go.
		if (!slot) return;
		const overwritten = path[path.length - 1] !== ELEMENT && this.written.has(keyOf(path));
		switch (slot.kind) {
			case 'entity':
				refuse(
					'delete',
					`${show(path)}: a ${slot.record} is deactivated or cancelled, never removed`
				);
				break;
			case 'log':
			case 'logEntry':
				refuse(
					'delete',
					`${show(path)}: ${slot.kind === 'log' ? slot.list : 'the entry'} is append-only`
				);
				break;
			case 'entry':
				if (!slot.removable && !(overwritten && slot.record !== 'opening'))
					refuse('delete', `${show(path)} may not be removed`);
				this.requireRight(slot, path, undefined);
				break;
			default:
				this.requireRight(slot, path, undefined);
				if (!overwritten && slot.kind === 'field')
					this.noteAuditedChange(slot.record, path, slot.field, undefined, true);
				if (!overwritten && slot.kind === 'nestedEntry')
					this.noteAuditedChange(slot.record, path, `${path[2]}.${path[3]}`, undefined, true);
		}
	}

	/** A field of a master record this update sets or removes: its audit entry must come along. */
	private noteAuditedChange(
		record: RecordKind,
		path: string[],
		field: string,
		value: unknown,
		removed: boolean
	): void {
		if (this.input.kind !== 'catalog' || !isAuditedRecord(record)) return;
		this.auditedChanges.push({ record, id: path[1]!, path, field, value, removed });
	}

	/**
	 * An audit entry names the token's user, whatever the role (an admin's entries too: the
	 * trail is worth something only if it says who was signed in), and a field the role may write.
	 */
	private checkAuditEntry(path: string[], value: unknown): void {
		const parsed = auditEntrySchema.safeParse(value);
		if (!parsed.success)
			refuse('schema', `${show(path)}: entry ${preview(value)} fails its schema`);
		const entry = parsed.data;
		const { user, role } = this.input.writer;
		if (entry.user !== user)
			refuse(
				'authorship',
				`${show(path)}: user is ${preview(entry.user)}, the token's user is ${user}`
			);
		const field = entry.field?.split('.')[0];
		const ok =
			field === undefined
				? canWriteRecord(role, entry.record)
				: canWriteField(role, entry.record, field);
		if (!ok)
			refuse(
				'rights',
				`${show(path)}: ${role} may not record a change of ${entry.record}.${field ?? ''}`
			);
		this.auditEntries.push(entry);
	}

	/** Every master-record change of this update has its entry in this update (created: `create`). */
	private checkAudited(): void {
		if (this.auditedChanges.length === 0 && this.created.size === 0) return;
		const byField = new Map<string, AuditEntry[]>();
		for (const e of this.auditEntries) {
			const key = keyOf([e.record, e.recordId, e.field ?? '']);
			const list = byField.get(key);
			if (list) list.push(e);
			else byField.set(key, [e]);
		}
		for (const { slot, id } of this.created.values()) {
			if (slot.kind !== 'entity' || !isAuditedRecord(slot.record)) continue;
			if (this.input.kind !== 'catalog') continue;
			const create = byField.get(keyOf([slot.record, id, '']));
			if (!create?.some((e) => e.action === 'create'))
				refuse('unaudited', `new ${slot.record} ${id} has no create entry in the audit trail`);
		}
		for (const change of this.auditedChanges) {
			if (this.created.has(keyOf(change.path.slice(0, 2)))) continue;
			const entries = byField.get(keyOf([change.record, change.id, change.field])) ?? [];
			const covered = entries.some((e) =>
				change.removed ? e.new === undefined : sameValue(e.new, change.value)
			);
			if (!covered)
				refuse(
					'unaudited',
					`${show(change.path)}: ${change.removed ? 'removed' : `set to ${preview(change.value)}`} without an audit entry`
				);
		}
	}
}

interface AuditedChange {
	record: AuditedRecord;
	id: string;
	path: string[];
	field: string;
	value: unknown;
	removed: boolean;
}

function issueAt(error: {
	issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
}): string {
	const issue = error.issues[0];
	return issue ? `${issue.path.map(String).join('.') || '(value)'}: ${issue.message}` : '?';
}

function preview(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

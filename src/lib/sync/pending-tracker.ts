// The persisted list of unconfirmed local transactions of one workspace (survives an offline
// reload). Kept in the key-value store under `stockflow.pending.<workspace>`.

import type { KeyValueStore } from '../storage/kv';
import { confirmEntries, parsePending, serializePending, type PendingEntry } from './pending';

export class PendingTracker {
	private entries: PendingEntry[];
	private readonly key: string;

	constructor(
		private readonly kv: KeyValueStore,
		workspace: string
	) {
		this.key = `stockflow.pending.${workspace}`;
		this.entries = parsePending(kv.get(this.key));
	}

	get count(): number {
		return this.entries.length;
	}

	countFor(doc: string): number {
		return this.entries.reduce((n, e) => (e.doc === doc ? n + 1 : n), 0);
	}

	list(): readonly PendingEntry[] {
		return this.entries;
	}

	record(entry: PendingEntry): void {
		this.entries.push(entry);
		this.save();
	}

	/** Returns how many entries the relay's state vector confirmed. */
	confirm(doc: string, serverSV: ReadonlyMap<number, number>): number {
		const { remaining, confirmed } = confirmEntries(this.entries, doc, serverSV);
		if (confirmed > 0) {
			this.entries = remaining;
			this.save();
		}
		return confirmed;
	}

	/** Forgets every entry of `doc` (its changes were set aside); returns how many. */
	drop(doc: string): number {
		const before = this.entries.length;
		this.entries = this.entries.filter((e) => e.doc !== doc);
		const dropped = before - this.entries.length;
		if (dropped > 0) this.save();
		return dropped;
	}

	private save(): void {
		this.kv.set(this.key, serializePending(this.entries));
	}
}

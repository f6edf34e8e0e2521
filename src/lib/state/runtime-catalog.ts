// The runtime's catalog doc read into entity arrays for the stores and commands: re-read once
// per tick after a change (only the entities that changed are parsed again), or at once after a
// local command (`flush`).

import * as Y from 'yjs';
import { createCatalogReader, observeCatalog, readLedgerMonths } from '../doc/catalog-doc';
import type { Item, Location, Warehouse } from '../domain/catalog/entities';

export interface CatalogRead {
	items: Item[];
	warehouses: Warehouse[];
	locations: Location[];
	ledgerMonths: string[];
}

export class RuntimeCatalog {
	readonly doc = new Y.Doc();
	private readonly reader = createCatalogReader(this.doc);
	private dirty = false;
	private unobserve: () => void = () => {};

	/** `onRead` gets every re-read. */
	constructor(private readonly onRead: (read: CatalogRead) => void) {}

	/** Reads the (fully loaded) catalog now and follows its changes from here on. */
	follow(): void {
		this.unobserve = observeCatalog(this.doc, () => {
			this.dirty = true;
			queueMicrotask(() => this.flush());
		});
		this.dirty = true;
		this.flush();
	}

	/** Applies pending changes now instead of at the end of the tick. */
	flush(): void {
		if (!this.dirty) return;
		this.dirty = false;
		this.onRead({
			items: this.reader.items(),
			warehouses: this.reader.warehouses(),
			locations: this.reader.locations(),
			ledgerMonths: readLedgerMonths(this.doc)
		});
	}

	/** Stops following; the doc itself is destroyed by its owner. */
	close(): void {
		this.unobserve();
		this.reader.close();
	}
}

// The shared board's purchasing lane (issue 17: incoming supply visible everywhere): open
// purchase orders with lines still to come, earliest promised date first, under the board's
// warehouse and due-by filters, with who is looking at each PO (presence page `po:<id>`).
// Off by default; a sales rep turns it on to see what is arriving before promising.

import { incomingByPo, type IncomingLine, type IncomingPo } from '../../domain/purchasing/incoming';
import { readSuppliers } from '../../doc/suppliers-doc';
import { fmtNumber } from '../../i18n';
import { presence, type Peer } from '../presence.svelte';
import type { WorkspaceState } from '../workspace.svelte';
import { viewersByPage } from './orders-board-helpers';

/** Presence page of a purchase order's pages (detail, receiving). */
export const PO_PAGE_PREFIX = 'po:';

export interface IncomingCard {
	id: string;
	number: string;
	supplier: string;
	date: string;
	late: boolean;
	/** "BOX-30 × 200" per line, in promised-date order. */
	lines: string[];
	viewers: { user: string; color: string }[];
}

export class BoardIncomingLane {
	shown = $state(false);

	readonly cards: IncomingCard[] = $derived.by(() => {
		if (!this.shown) return [];
		void this.ws.items; // the catalog changed (suppliers live there too)
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to the derived, never kept
		const suppliers = new Map(
			readSuppliers(this.ws.runtime.docs.catalog).map((s) => [s.id, `${s.code} ${s.name}`])
		);
		const viewers = viewersByPage(presence.peers, PO_PAGE_PREFIX);
		return incomingByPo(this.lines(), this.filter(), this.today()).map((po) =>
			this.card(po, suppliers, viewers)
		);
	});

	constructor(
		private readonly ws: WorkspaceState,
		private readonly lines: () => readonly IncomingLine[],
		private readonly filter: () => { warehouseId: string; dueBy: string },
		private readonly today: () => string
	) {}

	private card(
		po: IncomingPo,
		suppliers: ReadonlyMap<string, string>,
		viewers: ReadonlyMap<string, Peer[]>
	): IncomingCard {
		return {
			id: po.poId,
			number: po.poNumber,
			supplier: suppliers.get(po.supplierId) ?? po.supplierId,
			date: po.date,
			late: po.late,
			lines: [...po.lines]
				.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
				.map((l) => `${this.ws.item(l.itemId)?.code ?? l.itemId} × ${fmtNumber(l.qty)}`),
			viewers: (viewers.get(po.poId) ?? []).map((p) => ({ user: p.user, color: p.color }))
		};
	}
}

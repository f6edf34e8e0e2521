// The shared board's purchasing lane (issue 17: incoming supply visible everywhere): open
// purchase orders with lines still to come, earliest promised date first, under the board's
// warehouse and due-by filters, with who is looking at each PO (presence page `po:<id>`).
// Off by default; a sales rep turns it on to see what is arriving before promising.

import { incomingByPo, type IncomingLine, type IncomingPo } from '../../domain/purchasing/incoming';
import { readSuppliers } from '../../doc/suppliers-doc';
import { fmtNumber } from '../../i18n';
import { presence, type Peer } from '../presence.svelte';
import type { WorkspaceState } from '../workspace.svelte';

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
		const suppliers = new Map(
			readSuppliers(this.ws.runtime.docs.catalog).map((s) => [s.id, `${s.code} ${s.name}`])
		);
		const viewers = viewersByPo(presence.peers);
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

/** PO id → the other people on its pages, one avatar per person. */
export function viewersByPo(peers: readonly Peer[]): Map<string, Peer[]> {
	const out = new Map<string, Peer[]>();
	for (const p of peers) {
		if (p.self || !p.page.startsWith(PO_PAGE_PREFIX)) continue;
		const id = p.page.slice(PO_PAGE_PREFIX.length);
		const list = out.get(id) ?? [];
		if (!list.some((q) => q.user === p.user)) out.set(id, [...list, p]);
	}
	return out;
}

// Ledger postings of transfer events, as a pure function of the header and one event, so any
// device computes byte-identical movements for the same event: the id is
// `trf-<eventId>-<n>`, the stamp, device and user are the event's. Folds count a movement id
// once, so writing the same event's postings twice (two devices, a retry) posts once.
// An event overruled by the state machine is undone by its reversal (`…-r`), also identical
// on every device.

import type { Movement } from '../ledger/movement';
import type { TransferFold } from './state-machine';
import { IN_TRANSIT_WAREHOUSE, type TransferEvent, type TransferHeader } from './transfer';

type Draft = Omit<Movement, 'id' | 'at' | 'device' | 'user' | 'ref'>;

function transitOf(header: TransferHeader, line: { itemId: string; lot?: string }) {
	return {
		itemId: line.itemId,
		warehouseId: IN_TRANSIT_WAREHOUSE,
		locationId: header.id,
		...(line.lot ? { lot: line.lot } : {})
	};
}

function place(warehouseId: string, locationId: string | undefined) {
	return { warehouseId, ...(locationId ? { locationId } : {}) };
}

function drafts(header: TransferHeader, event: TransferEvent): Draft[] {
	switch (event.type) {
		case 'dispatch':
			return event.payload.lines.flatMap((l): Draft[] => {
				const lot = l.lot ? { lot: l.lot } : {};
				const expiry = l.expiry ? { expiry: l.expiry } : {};
				return [
					{
						itemId: l.itemId,
						...place(header.fromWarehouseId, l.fromLocationId),
						...lot,
						qty: -l.qty,
						reason: 'transfer-out'
					},
					{ ...transitOf(header, l), ...expiry, qty: l.qty, reason: 'transfer-in' }
				];
			});
		case 'receive':
			return event.payload.lines
				.filter((l) => l.qtyReceived > 0)
				.flatMap((l): Draft[] => [
					{ ...transitOf(header, l), qty: -l.qtyReceived, reason: 'transfer-out' },
					{
						itemId: l.itemId,
						...place(header.toWarehouseId, l.toLocationId),
						...(l.lot ? { lot: l.lot } : {}),
						...(l.expiry ? { expiry: l.expiry } : {}),
						qty: l.qtyReceived,
						reason: 'transfer-in'
					}
				]);
		case 'resolve': {
			const p = event.payload;
			const note = `${p.kind}${p.note ? `: ${p.note}` : ''}`;
			if (p.kind === 'write-off')
				return [{ ...transitOf(header, p), qty: -p.qty, reason: 'adjustment', note }];
			const to = p.kind === 'return-to-source' ? header.fromWarehouseId : header.toWarehouseId;
			return [
				{ ...transitOf(header, p), qty: -p.qty, reason: 'transfer-out', note },
				{
					itemId: p.itemId,
					...place(to, p.locationId),
					...(p.lot ? { lot: p.lot } : {}),
					qty: p.qty,
					reason: 'transfer-in',
					note
				}
			];
		}
		case 'cancel':
			return [];
	}
}

export function postingsOf(header: TransferHeader, event: TransferEvent): Movement[] {
	return drafts(header, event).map((d, n) => ({
		...d,
		id: `trf-${event.id}-${n}`,
		at: event.at,
		device: event.device,
		user: event.by,
		ref: header.number
	}));
}

/** Undoes an overruled event's postings: same positions, opposite sign, as adjustments. */
export function reversalsOf(header: TransferHeader, event: TransferEvent): Movement[] {
	return postingsOf(header, event).map((m) => {
		const { expiry: _expiry, unitCostCents: _cost, ...rest } = m;
		void _expiry;
		void _cost;
		return {
			...rest,
			id: `${m.id}-r`,
			qty: -m.qty,
			reason: 'adjustment',
			note: `overruled ${m.ref ?? ''} ${m.reason}`.slice(0, 500)
		};
	});
}

export function isTransferPosting(m: Pick<Movement, 'id'>): boolean {
	return m.id.startsWith('trf-');
}

/**
 * What the ledger should hold for a transfer and does not yet: postings of applied events
 * (a device may see the event before the author's ledger update arrives — writing the same
 * movement is harmless) and reversals of overruled events whose postings are present.
 */
export function missingPostings(
	header: TransferHeader,
	fold: TransferFold,
	presentIds: ReadonlySet<string>
): Movement[] {
	const missing: Movement[] = [];
	for (const event of fold.applied)
		for (const m of postingsOf(header, event)) if (!presentIds.has(m.id)) missing.push(m);
	for (const { event } of fold.conflicts) {
		const originals = postingsOf(header, event);
		const reversals = reversalsOf(header, event);
		originals.forEach((m, i) => {
			const r = reversals[i];
			if (r && presentIds.has(m.id) && !presentIds.has(r.id)) missing.push(r);
		});
	}
	return missing;
}

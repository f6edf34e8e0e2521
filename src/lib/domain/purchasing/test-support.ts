// Builders for purchasing domain tests (plain objects, no docs).

import { stampAt } from '../orders/test-events';
import { poEventSchema, poLineSchema, type PoEvent, type PoLine } from './purchase-order';
import { supplierSchema, type Supplier, type SupplierInput } from './supplier';

let seq = 0;

type Payloads = { [E in PoEvent as E['type']]: E['payload'] };

export function poEv<T extends keyof Payloads>(
	type: T,
	ms: number,
	payload: z_input<Payloads[T]>,
	device = 'd1'
): PoEvent {
	seq++;
	return poEventSchema.parse({
		id: `p${String(seq).padStart(4, '0')}`,
		at: stampAt(ms, device),
		type,
		by: `user-${device}`,
		device,
		payload
	});
}
type z_input<T> = { [K in keyof T]?: T[K] };

export function poLine(
	id: string,
	qty: number,
	promisedDate = '2026-11-20',
	unitPriceCents = 1000
): PoLine {
	return poLineSchema.parse({ id, itemId: `item-${id}`, qty, unitPriceCents, promisedDate });
}

export function supplier(input: Partial<SupplierInput> = {}): Supplier {
	return supplierSchema.parse({ id: 's1', code: 'S1', name: 'Supplier 1', ...input });
}

export function receive(
	ms: number,
	lines: { lineId: string; accepted: number; rejected?: number }[],
	receivedOn = '2026-11-18',
	device = 'd1'
): PoEvent {
	return poEv(
		'receive',
		ms,
		{
			receivedOn,
			lines: lines.map((l) => ({
				lineId: l.lineId,
				accepted: l.accepted,
				rejected: l.rejected ?? 0,
				rejectReason: l.rejected ? 'damaged' : undefined
			}))
		} as Payloads['receive'],
		device
	);
}

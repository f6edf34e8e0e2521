// Builders for order events in the domain tests (plain objects, no docs).

import { orderEventSchema, type OrderEvent, type OrderLine } from './order';

let seq = 0;

export function stampAt(ms: number, device = 'd1', counter = 0): string {
	return `${String(ms).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${device}`;
}

type Payloads = { [E in OrderEvent as E['type']]: E['payload'] };

export function ev<T extends keyof Payloads>(
	type: T,
	ms: number,
	payload: Payloads[T],
	by = 'ann',
	device = 'd1'
): OrderEvent {
	seq++;
	return orderEventSchema.parse({
		id: `e${String(seq).padStart(4, '0')}`,
		at: stampAt(ms, device),
		type,
		by,
		device,
		payload
	});
}

export function line(id: string, itemId: string, qty: number, unitPriceCents = 100): OrderLine {
	return { id, itemId, qty, unitPriceCents, discountPct: 0, taxRate: 0.05 };
}

// The relay refuses entries stamped far from its clock (issue 15, point 3), over real sockets
// like every refusal rule: a receipt from a device 400 days ahead and one from a device reset to
// June 2001, live and as sync step 2. The exact bounds: stamp-bounds.spec.ts.

import * as Y from 'yjs';
import { formatStamp } from '../../src/lib/domain/clock/hlc';
import { describeRefusals, type Rule } from './fixtures/refusal-rules';

const DAY_MS = 86_400_000;
const STAMP = '001795000000000-000000-dev1';

const movement = (id: string, at = STAMP): Record<string, unknown> => ({
	id,
	at,
	itemId: 'item1',
	warehouseId: 'wh1',
	qty: 5,
	reason: 'receipt',
	device: 'dev1',
	user: 'wang'
});

const ledger = (doc: Y.Doc): Y.Array<Record<string, unknown>> => doc.getArray('movements');

/** The relay here runs on the machine's clock; the device's is `skewMs` off it. */
const skewedAt = (skewMs: number): string =>
	formatStamp({ wallMs: Date.now() + skewMs, counter: 0, device: 'dev1' });

const RULES: Rule[] = [
	['a device 400 days ahead', 400 * DAY_MS],
	['a device reset to June 2001', Date.UTC(2001, 5, 14) - Date.now()]
].map(([name, skewMs]): Rule => ({
	reason: 'clock',
	name: `clock: ${String(name)}`,
	doc: 'ledger-2026-11',
	role: 'warehouse',
	user: 'wang',
	seed: (d) => ledger(d).push([movement('m1')]),
	bad: (d) => ledger(d).push([movement('skewed', skewedAt(Number(skewMs)))]),
	good: (d) => ledger(d).push([movement('m2')]),
	view: (d) =>
		ledger(d)
			.toJSON()
			.map((m) => m.id)
}));

describeRefusals(RULES);

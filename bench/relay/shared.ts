// What the bench orchestrator, the relays and the client workers agree on.

import { z } from 'zod';

export const BENCH_SECRET = 'stockflow-bench-secret-0123456789abcdef';

/** Wall-clock milliseconds comparable across processes on one machine (sub-ms precision). */
export function nowMs(): number {
	return performance.timeOrigin + performance.now();
}

/** One client's connection: y-websocket serverUrl + room, plus our relay's token param. */
export const Target = z.object({
	serverUrl: z.string(),
	room: z.string(),
	token: z.string()
});
export type Target = z.infer<typeof Target>;

/** A small movement-like entry; `t` is the writer's clock when it wrote it. */
export const Entry = z.object({
	id: z.string(),
	item: z.string(),
	wh: z.string(),
	qty: z.number(),
	w: z.number(),
	t: z.number()
});
export type Entry = z.infer<typeof Entry>;

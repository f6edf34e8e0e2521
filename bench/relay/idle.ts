// The idle scenario: many rooms written once and left; what they still cost once everyone is
// gone (rooms loaded, heap and RSS growth).

import type { Child } from './rpc';
import {
	BENCH_GRACE_MS,
	docName,
	Empty,
	startServer,
	stats,
	target,
	type ServerKind
} from './servers';
import type { Row } from './stats';

export interface IdleFigures {
	rooms: number;
	heapGrowth: number;
	rssGrowth: number;
}

export async function idle(
	workers: Child[],
	kind: ServerKind,
	rooms: number
): Promise<IdleFigures> {
	const server = await startServer(kind, { BENCH_GRACE_MS: String(BENCH_GRACE_MS) });
	try {
		const base = await stats(server, true);
		const targets = await Promise.all(
			Array.from({ length: rooms }, (_, i) => target(server, `idle-${i}`, docName(0)))
		);
		await Promise.all(
			workers.map((worker, w) =>
				worker.call(
					'idle',
					{
						targets: targets.filter((_, i) => i % workers.length === w),
						entries: 10,
						parallel: 10
					},
					Empty
				)
			)
		);
		await new Promise((resolve) => setTimeout(resolve, BENCH_GRACE_MS + 2000));
		const end = await stats(server, true);
		return {
			rooms: end.rooms,
			heapGrowth: end.heapUsed - base.heapUsed,
			rssGrowth: end.rss - base.rss
		};
	} finally {
		await server.child.stop();
	}
}

/** The idle table rows, ours against the reference. */
export function idleRows(name: string, o: IdleFigures, r: IdleFigures): Row[] {
	return [
		{
			scenario: name,
			metric: 'rooms still loaded',
			unit: 'n',
			ours: o.rooms,
			reference: r.rooms
		},
		{
			scenario: name,
			metric: 'heap growth',
			unit: 'MiB',
			ours: o.heapGrowth,
			reference: r.heapGrowth
		},
		{
			scenario: name,
			metric: 'RSS growth',
			unit: 'MiB',
			ours: o.rssGrowth,
			reference: r.rssGrowth
		}
	];
}

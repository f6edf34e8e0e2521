// The join scenario: a fresh client joins a doc of 10,000 / 100,000 movements; time to synced
// (state arrived, client apply) and what each join costs the relay.

import { z } from 'zod';
import type { Child } from './rpc';
import { seedFile } from './seed';
import { docName, Empty, startServer, stats, target, type ServerKind } from './servers';
import type { Row } from './stats';

export interface JoinFigures {
	firstMs: number;
	meanMs: number;
	/** Mean time until the message that completed the doc had fully arrived at the client. */
	arrivedMs: number;
	/** Mean time the client then took to decode and apply it (the rest of meanMs). */
	applyMs: number;
	cpuMsPerJoin: number;
	rss: number;
	heap: number;
}

export async function join(
	workers: Child[],
	kind: ServerKind,
	size: number,
	joins: number
): Promise<JoinFigures> {
	const [seeder, joiner] = workers;
	if (!seeder || !joiner) throw new Error('need two workers');
	const server = await startServer(kind);
	try {
		const t = await target(server, 'join', docName(0));
		await seeder.call(
			'seed',
			{ target: t, file: seedFile(size), expected: size, confirm: kind === 'ours' },
			Empty
		);
		const Ms = z.object({ ms: z.number(), arrivedMs: z.number(), applyMs: z.number() });
		// The first join: the relay has the seed (ours confirmed it) but no cached encoding yet.
		const first = await joiner.call('join', { target: t, expected: size }, Ms);
		// Collect the seed's and the first join's garbage now, not inside the measured joins.
		const before = await stats(server, true);
		const times: z.infer<typeof Ms>[] = [];
		for (let i = 0; i < joins; i++)
			times.push(await joiner.call('join', { target: t, expected: size }, Ms));
		const mean = (pick: (m: z.infer<typeof Ms>) => number): number =>
			times.reduce((sum, m) => sum + pick(m), 0) / times.length;
		const after = await stats(server);
		const mem = await stats(server, true);
		await seeder.call('reset', null, Empty);
		return {
			firstMs: first.ms,
			meanMs: mean((m) => m.ms),
			arrivedMs: mean((m) => m.arrivedMs),
			applyMs: mean((m) => m.applyMs),
			cpuMsPerJoin: (after.cpuUs - before.cpuUs) / 1000 / joins,
			rss: mem.rss,
			heap: mem.heapUsed
		};
	} finally {
		await server.child.stop();
	}
}

/** The join table rows, ours against the reference. */
export function joinRows(name: string, o: JoinFigures, r: JoinFigures): Row[] {
	return [
		{
			scenario: name,
			metric: 'time to synced (first)',
			unit: 'ms',
			ours: o.firstMs,
			reference: r.firstMs
		},
		{
			scenario: name,
			metric: 'time to synced (mean of 5)',
			unit: 'ms',
			ours: o.meanMs,
			reference: r.meanMs
		},
		{
			scenario: name,
			metric: '  of which state arrived',
			unit: 'ms',
			ours: o.arrivedMs,
			reference: r.arrivedMs
		},
		{
			scenario: name,
			metric: '  of which client apply',
			unit: 'ms',
			ours: o.applyMs,
			reference: r.applyMs
		},
		{
			scenario: name,
			metric: 'relay CPU per join',
			unit: 'ms',
			ours: o.cpuMsPerJoin,
			reference: r.cpuMsPerJoin
		},
		{ scenario: name, metric: 'relay RSS', unit: 'MiB', ours: o.rss, reference: r.rss },
		{ scenario: name, metric: 'relay heap', unit: 'MiB', ours: o.heap, reference: r.heap }
	];
}

// Simulated devices for the convergence tests: exchanging Yjs updates between two devices in
// random order (with duplicates), syncing everyone, and running a command that may be refused.

import * as Y from 'yjs';
import type { MemoryWorkspaceDocs } from '../../src/lib/commands/memory-docs';
import { StockflowError } from '../../src/lib/domain/errors';
import type { Prng } from '../../src/lib/domain/random/prng';

interface Device {
	docs: MemoryWorkspaceDocs;
}

export function exchange(a: Device, b: Device, prng: Prng): void {
	const names = prng.shuffle([...new Set([...a.docs.names(), ...b.docs.names()])]);
	for (const name of names) {
		const [from, to] = prng.chance(0.5) ? [a, b] : [b, a];
		const update = Y.encodeStateAsUpdate(
			from.docs.get(name),
			Y.encodeStateVector(to.docs.get(name))
		);
		Y.applyUpdate(to.docs.get(name), update);
		if (prng.chance(0.2)) Y.applyUpdate(to.docs.get(name), update);
		Y.applyUpdate(from.docs.get(name), Y.encodeStateAsUpdate(to.docs.get(name)));
	}
}

export function syncAll(devices: Device[], prng: Prng): void {
	for (let round = 0; round < 2; round++)
		for (const a of prng.shuffle(devices))
			for (const b of prng.shuffle(devices)) if (a !== b) exchange(a, b, prng);
}

export function attempt(fn: () => unknown): void {
	try {
		fn();
	} catch (err) {
		if (!(err instanceof StockflowError)) throw err;
	}
}

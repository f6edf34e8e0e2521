// Simulated devices for the convergence tests: devices with their own docs, command context and
// clock; exchanging Yjs updates between two devices in random order (with duplicates), syncing
// everyone, and running a command that may be refused.

import * as Y from 'yjs';
import type { CommandContext } from '../../src/lib/commands/context';
import { createCommandContext } from '../../src/lib/commands/create-context';
import {
	workspaceDocsInMemory,
	type MemoryWorkspaceDocs
} from '../../src/lib/commands/memory-docs';
import type { Role } from '../../src/lib/domain/auth/roles';
import { StockflowError } from '../../src/lib/domain/errors';
import type { Prng } from '../../src/lib/domain/random/prng';

export interface SimDevice {
	docs: MemoryWorkspaceDocs;
	ctx: CommandContext;
	/** Offline devices are left out of `syncAll(online(devices))`. */
	online: boolean;
}

export interface SimOptions {
	/** The clock of device i (called once per device, in order: it may draw a skew). */
	clock(i: number): () => number;
	/** Role of device i (default admin). */
	role?(i: number): Role;
}

export function makeDevices(prng: Prng, count: number, options: SimOptions): SimDevice[] {
	return Array.from({ length: count }, (_, i) => {
		const docs = workspaceDocsInMemory();
		const ctx = createCommandContext({
			docs,
			device: `dev${i}`,
			user: `user${i}`,
			role: options.role?.(i) ?? 'admin',
			nowMs: options.clock(i),
			random: prng.next
		});
		return { docs, ctx, online: true };
	});
}

/** A clock shared by every device, each off by a random skew of up to ±maxSkewMs. */
export function skewedClock(prng: Prng, clock: { ms: number }, maxSkewMs: number) {
	return (): (() => number) => {
		const skewMs = prng.int(-maxSkewMs, maxSkewMs);
		return () => clock.ms + skewMs;
	};
}

export function online<D extends { online: boolean }>(devices: D[]): D[] {
	return devices.filter((d) => d.online);
}

interface Device {
	docs: MemoryWorkspaceDocs;
}

/** Full-state exchange between two devices for every doc either has, sometimes delivered twice. */
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

/** One-way: `to` receives everything `from` has. */
export function copyAll(from: MemoryWorkspaceDocs, to: MemoryWorkspaceDocs): void {
	for (const name of from.names())
		Y.applyUpdate(
			to.get(name),
			Y.encodeStateAsUpdate(from.get(name), Y.encodeStateVector(to.get(name)))
		);
}

export function syncAll(devices: Device[], prng: Prng): void {
	for (let round = 0; round < 2; round++)
		for (const a of prng.shuffle(devices))
			for (const b of prng.shuffle(devices)) if (a !== b) exchange(a, b, prng);
}

/** Runs a command; a refusal (insufficient stock, duplicate code…) is part of the game. */
export function attempt(fn: () => unknown): boolean {
	try {
		fn();
		return true;
	} catch (err) {
		if (!(err instanceof StockflowError)) throw err;
		return false;
	}
}

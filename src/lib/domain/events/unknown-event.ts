// Events written by a newer app. An append-only event log (orders, transfers, stocktakes) may
// hold an event whose envelope is well formed but whose type this code does not know: it is
// kept in the doc (never dropped or rewritten), left out of every fold, and counted so a page
// can say "updated by a newer version of Stockflow". A known type with a bad payload, or a
// broken envelope, is still malformed: skipped and counted as invalid (docs/DATA-MODEL.md,
// Evolution).

import { z } from 'zod';
import { isStamp } from '../clock/hlc';

const envelope = {
	at: z.string().refine(isStamp, 'not a clock stamp'),
	type: z.string().min(1).max(64),
	by: z.string().max(128),
	device: z.string().max(64)
};
const withId = z.object({ id: z.string().min(1).max(64), ...envelope });
const withoutId = z.object({ id: z.string().min(1).max(64).optional(), ...envelope });

/** The envelope of an event of a type this app does not know (its payload is not read). */
export type UnknownEvent = z.infer<typeof withoutId>;

export type ClassifiedEvent<E> =
	{ kind: 'known'; event: E } | { kind: 'unknown'; event: UnknownEvent } | { kind: 'malformed' };

export interface ClassifyOptions<E> {
	/** Every type this app folds; anything else with a good envelope is from a newer app. */
	knownTypes: readonly string[];
	/** Parses a known event, payload included; null when malformed. */
	parse: (raw: unknown) => E | null;
	/** Logs whose events carry ids (orders, transfers) require one in the envelope. */
	idRequired: boolean;
}

export function classifyEvent<E>(raw: unknown, options: ClassifyOptions<E>): ClassifiedEvent<E> {
	const event = options.parse(raw);
	if (event !== null) return { kind: 'known', event };
	const parsed = (options.idRequired ? withId : withoutId).safeParse(raw);
	if (!parsed.success || options.knownTypes.includes(parsed.data.type))
		return { kind: 'malformed' };
	return { kind: 'unknown', event: parsed.data };
}

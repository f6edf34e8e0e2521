// What the integrity check says when it refuses, and the small helpers every part of the check
// uses to say where (a path from the doc's root) and what (a short preview of the value).

import type { RefusalReason } from '../../src/lib/sync/protocol';

export type { RefusalReason };

export interface Refusal {
	reason: RefusalReason;
	/** One line for the sender and the log: what was refused, where. */
	detail: string;
	/** The update's Yjs client ids, when the check's thread decoded it (for the log). */
	clients?: number[];
}

/** Thrown inside the check; `checkIntegrity` turns it into its answer. */
export class Refused extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.detail);
	}
}

export function refuse(reason: RefusalReason, detail: string): never {
	throw new Refused({ reason, detail });
}

export const show = (path: readonly string[]): string => path.join('/');
export const keyOf = (path: readonly string[]): string => path.join('\u0000');

export function issueAt(error: {
	issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
}): string {
	const issue = error.issues[0];
	return issue ? `${issue.path.map(String).join('.') || '(value)'}: ${issue.message}` : '?';
}

export function preview(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

// Turning a zod failure into an error by kind: the first issue becomes an InvalidFieldError
// naming the field, which the UI shows next to that input.

import type { z } from 'zod';
import { InvalidFieldError } from './errors';

export function fieldOfIssue(issue: z.core.$ZodIssue): string {
	return issue.path.map(String).join('.') || 'value';
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new InvalidFieldError(issue ? fieldOfIssue(issue) : 'value', issue?.message ?? 'invalid');
}

// Turning a zod failure into an error by kind: the first issue becomes an InvalidFieldError
// naming the field (and the entity, so the UI can use the form's label) and the rule broken
// as a closed kind, which the UI translates — zod's English message stays in the log only.

import type { z } from 'zod';
import { InvalidFieldError } from './errors';

export function fieldOfIssue(issue: z.core.$ZodIssue): string {
	return issue.path.map(String).join('.') || 'value';
}

/** The rules a field can break, each with a translated message (`rule.<kind>`). */
export const FIELD_RULES = [
	'required',
	'too-long',
	'too-short',
	'too-large',
	'too-small',
	'format',
	'not-a-number',
	'not-an-integer',
	'invalid'
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

/** The rule a zod issue broke, with its limit when it has one. */
export function ruleOfIssue(issue: z.core.$ZodIssue): { rule: FieldRule; limit?: number } {
	switch (issue.code) {
		case 'too_big': {
			const limit = Number(issue.maximum);
			return { rule: issue.origin === 'string' ? 'too-long' : 'too-large', limit };
		}
		case 'too_small': {
			const limit = Number(issue.minimum);
			if (issue.origin === 'string')
				return limit <= 1 ? { rule: 'required' } : { rule: 'too-short', limit };
			return { rule: 'too-small', limit };
		}
		case 'invalid_format':
			return { rule: 'format' };
		case 'invalid_type':
			if (issue.expected === 'number') return { rule: 'not-a-number' };
			if (issue.expected === 'int') return { rule: 'not-an-integer' };
			return { rule: issue.input === undefined ? 'required' : 'invalid' };
		default:
			return { rule: 'invalid' };
	}
}

/** `entity` names the record (`item`, `warehouse`…) so the message uses the form's label. */
export function parseOrThrow<S extends z.ZodType>(
	schema: S,
	value: unknown,
	entity?: string
): z.infer<S> {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	if (!issue) throw new InvalidFieldError('value', 'invalid', { rule: 'invalid' });
	const { rule, limit } = ruleOfIssue(issue);
	throw new InvalidFieldError(fieldOfIssue(issue), issue.message, {
		rule,
		...(limit === undefined || !Number.isFinite(limit) ? {} : { limit }),
		...(entity ? { entity } : {})
	});
}

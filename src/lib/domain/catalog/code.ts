// User-visible codes of items, warehouses and locations: what a code may look like, checked
// once here for the entity schemas and for the forms that check a code as it is typed.

/** Letters and digits first, then letters, digits and `. _ - /`. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
export const CODE_MAX_LENGTH = 40;

export type CodeProblem = 'required' | 'format' | 'too-long';

/** What is wrong with a typed code (surrounding spaces ignored), or null when it is fine. */
export function codeProblem(value: string): CodeProblem | null {
	const code = value.trim();
	if (code === '') return 'required';
	if (!CODE_PATTERN.test(code)) return 'format';
	if (code.length > CODE_MAX_LENGTH) return 'too-long';
	return null;
}

// The translated message for a typed item, warehouse or location code (the rule itself is the
// domain's codeProblem), shared by the catalog forms.
import { CODE_MAX_LENGTH, codeProblem } from '../../domain/catalog/code';
import { t } from '../../i18n';

export function codeError(value: string): string | undefined {
	const problem = codeProblem(value);
	switch (problem) {
		case null:
			return undefined;
		case 'required':
			return t('validation.required');
		case 'format':
			return t('validation.codeFormat');
		case 'too-long':
			return t('validation.tooLong', { max: CODE_MAX_LENGTH });
	}
}

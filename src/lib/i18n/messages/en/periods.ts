// en messages: period close. Typed against the zh-TW table: every key present.
import type { periods as source } from '../zh-TW/periods';

export const periods: Record<keyof typeof source, string> = {
	'reason.opening': 'Opening balance',
	'error.opening-missing':
		'The opening balances of {month} have not synced yet; connect and try again shortly',
	'error.period-closed': '{month} is closed; nothing more can be posted to it',
	'error.period-close-blocked': '{month} cannot be closed yet: {reason}'
};

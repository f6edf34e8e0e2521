// zh-CN messages: period close (月结). Typed against the zh-TW table: every key present.
import type { periods as source } from '../zh-TW/periods';

export const periods: Record<keyof typeof source, string> = {
	'reason.opening': '期初结转',
	'error.opening-missing': '{month} 的期初余额尚未同步完成，请联网后稍候再试',
	'error.period-closed': '{month} 已月结，不能再过账到这个期间',
	'error.period-close-blocked': '{month} 还不能月结：{reason}'
};

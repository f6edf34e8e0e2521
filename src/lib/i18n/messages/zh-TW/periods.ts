// zh-TW messages: period close (月結). The source of these keys; the other locales'
// periods tables are typed against it.

export const periods = {
	'reason.opening': '期初結轉',
	'error.opening-missing': '{month} 的期初餘額尚未同步完成，請連線後稍候再試',
	'error.period-closed': '{month} 已月結，不能再過帳到這個期間',
	'error.period-close-blocked': '{month} 還不能月結：{reason}'
};

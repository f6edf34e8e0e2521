// zh-TW messages: period close (月結). The source of these keys; the other locales'
// periods tables are typed against it.

export const periods = {
	'reason.opening': '期初結轉',
	'error.opening-missing': '{month} 的期初餘額尚未同步完成，請連線後稍候再試',
	'error.period-closed': '{month} 已月結，不能再過帳到這個期間',
	'error.period-close-blocked': '{month} 還不能月結：{reason}',

	'periods.title': '月結',
	'periods.subtitle':
		'把已結束的月份結算成下個月的期初餘額：庫存不變，裝置不必再下載與重算舊月份的庫存異動。',
	'periods.kpi.closedThrough': '已月結至',
	'periods.kpi.none': '尚未月結',
	'periods.kpi.positions': '結轉的庫存部位',
	'periods.kpi.qty': '結轉數量合計',
	'periods.kpi.movements': '併入的庫存異動',
	'periods.closedByAt': '{user} 於 {time} 月結',
	'periods.openingSyncing': '期初餘額同步中…',

	'periods.next': '下一個要月結的月份：{month}',
	'periods.nextBody': '月結會把 {month} 的期末庫存結轉為 {next} 的期初餘額。',
	'periods.close': '月結 {month}',
	'periods.blockers': '還不能月結：',
	'periods.blocker.current-month': '{month} 還沒結束（於 {end} 結束）',
	'periods.blocker.earlier-month-open': '請先月結 {month}',
	'periods.blocker.already-closed': '{month} 已經月結',
	'periods.blocker.opening-missing': '{month} 的期初餘額還沒同步到這台裝置，請保持連線稍候',
	'periods.blocker.open-count': '盤點單 {number} 尚未完成，請先核准或取消',
	'periods.gates': '這台裝置現在不能月結：',
	'periods.gate.role': '只有系統管理員可以月結（你的角色：{role}）',
	'periods.gate.offline': '需要連線到伺服器才能月結',
	'periods.gate.syncing': '正在與伺服器同步，完成後才能月結',
	'periods.gate.pending': '這台裝置還有 {count} 筆變更尚未同步',
	'periods.confirmTitle': '確定要月結 {month} 嗎？',
	'periods.confirm.opening': '{month} 的期末庫存會成為 {next} 的期初餘額，現有庫存不變。',
	'periods.confirm.download': '新裝置不再下載 {month} 及更早月份的庫存異動。',
	'periods.confirm.locked': '之後不能再過帳到 {month}。',
	'periods.confirm.late': '離線裝置稍後才同步的 {month} 異動，會自動結轉到目前開放的月份。',
	'periods.confirm.final': '月結無法復原。',
	'periods.confirmAction': '確定月結',
	'periods.closedToast': '{month} 已完成月結',
	'periods.done':
		'已完成 {month} 月結：{positions} 個庫存部位（數量合計 {qty}）結轉為 {next} 的期初餘額，併入 {movements} 筆庫存異動。',

	'periods.months': '會計月份',
	'periods.month': '月份',
	'periods.status': '狀態',
	'periods.note': '說明',
	'periods.status.closed': '已月結',
	'periods.status.open': '待月結',
	'periods.status.current': '本月',
	'periods.status.future': '未來月份',
	'periods.note.closed': '已結算為期初餘額，裝置不再下載',
	'periods.note.open': '月份已結束，等待月結',
	'periods.note.current': '進行中，持續過帳',
	'periods.note.future': '尚未開始（有裝置的時鐘超前）',

	'periods.entryBody': '把已結束的月份結算為期初餘額，並查看上次月結的結果。',
	'periods.entryStatus': '已月結至 {month}',
	'periods.entryNone': '尚未月結',
	'periods.entryNext': '下一個：{month}',
	'periods.menu': '月結'
};

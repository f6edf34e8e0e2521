// zh-TW messages: time you can trust — entries stamped far from the server's time (a device
// clock that was wrong), the approval that needs an admin, the admin's clock page. The source of
// these keys; the other locales' tables are typed against it.

export const clock = {
	'error.far-stamp':
		'{count} 筆相關紀錄的時間戳記與伺服器時間相差過大（某台裝置的時鐘錯誤），需由系統管理員確認後才能核准',
	'count.farStamp.title': '時間有疑慮的紀錄',
	'count.farStamp.body':
		'這次盤點有 {count} 筆相關紀錄的時間與伺服器相差過大。帳面數是依時間排序計算的，直接核准可能會過帳錯誤的差異。',
	'count.farStamp.confirm': '我已檢查，仍要核准',
	'count.farStamp.adminOnly': '請系統管理員檢查後核准。',
	'count.farStamp.review': '查看時間有疑慮的紀錄',
	'nav.clock': '裝置時鐘',
	'clock.title': '裝置時鐘與時間有疑慮的紀錄',
	'clock.intro':
		'以伺服器時間為準：時間戳記超前伺服器 5 分鐘以上、或早於 2020 年（時鐘被重設）的紀錄會保留，但列在這裡。',
	'clock.empty': '沒有時間有疑慮的紀錄。',
	'clock.serverTime': '伺服器時間',
	'clock.thisOffset': '本裝置時鐘與伺服器相差',
	'clock.col.at': '時間戳記',
	'clock.col.off': '與伺服器相差',
	'clock.col.kind': '紀錄',
	'clock.col.ref': '參照',
	'clock.col.device': '裝置',
	'clock.col.offset': '裝置時鐘偏差',
	'clock.kind.movement': '庫存異動',
	'clock.kind.count-line': '盤點數量',
	'clock.kind.event': '單據事件',
	'clock.kind.audit': '主檔異動紀錄',
	'clock.ahead': '超前 {amount}',
	'clock.behind': '早於 2020（時鐘被重設）',
	'clock.offset.unknown': '未知（未曾在線上看到）',
	'clock.days': '{count} 天',
	'clock.hours': '{count} 小時',
	'clock.minutes': '{count} 分鐘',
	'clock.seconds': '{count} 秒',
	'clock.fast': '快 {amount}',
	'clock.slow': '慢 {amount}',
	'clock.exact': '準確'
};

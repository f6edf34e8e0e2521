// zh-CN messages: time you can trust (see zh-TW/clock.ts).
import type { clock as source } from '../zh-TW/clock';

export const clock: Record<keyof typeof source, string> = {
	'error.far-stamp':
		'{count} 条相关记录的时间戳与服务器时间相差过大（某台设备的时钟错误），需由系统管理员确认后才能审核',
	'count.farStamp.title': '时间有疑问的记录',
	'count.farStamp.body':
		'这次盘点有 {count} 条相关记录的时间与服务器相差过大。账面数是按时间排序计算的，直接审核可能会过账错误的差异。',
	'count.farStamp.confirm': '我已检查，仍要审核',
	'count.farStamp.adminOnly': '请系统管理员检查后审核。',
	'count.farStamp.review': '查看时间有疑问的记录',
	'nav.clock': '设备时钟',
	'clock.title': '设备时钟与时间有疑问的记录',
	'clock.intro':
		'以服务器时间为准：时间戳超前服务器 5 分钟以上、或早于 2020 年（时钟被重置）的记录会保留，但列在这里。',
	'clock.empty': '没有时间有疑问的记录。',
	'clock.serverTime': '服务器时间',
	'clock.thisOffset': '本设备时钟与服务器相差',
	'clock.col.at': '时间戳',
	'clock.col.off': '与服务器相差',
	'clock.col.kind': '记录',
	'clock.col.ref': '参照',
	'clock.col.device': '设备',
	'clock.col.offset': '设备时钟偏差',
	'clock.kind.movement': '库存异动',
	'clock.kind.count-line': '盘点数量',
	'clock.kind.event': '单据事件',
	'clock.kind.audit': '主数据变更记录',
	'clock.ahead': '超前 {amount}',
	'clock.behind': '早于 2020（时钟被重置）',
	'clock.offset.unknown': '未知（未曾在线上看到）',
	'clock.days': '{count} 天',
	'clock.hours': '{count} 小时',
	'clock.minutes': '{count} 分钟',
	'clock.seconds': '{count} 秒',
	'clock.fast': '快 {amount}',
	'clock.slow': '慢 {amount}',
	'clock.exact': '准确'
};

// zh-CN messages: period close (月结). Typed against the zh-TW table: every key present.
import type { periods as source } from '../zh-TW/periods';

export const periods: Record<keyof typeof source, string> = {
	'reason.opening': '期初结转',
	'error.opening-missing': '{month} 的期初余额尚未同步完成，请联网后稍候再试',
	'error.period-closed': '{month} 已月结，不能再过账到这个期间',
	'error.period-close-blocked': '{month} 还不能月结：{reason}',

	'periods.title': '月结',
	'periods.subtitle':
		'把已结束的月份结转为下个月的期初余额：库存不变，设备不必再下载和重算旧月份的库存变动。',
	'periods.kpi.closedThrough': '已月结至',
	'periods.kpi.none': '尚未月结',
	'periods.kpi.positions': '结转的库存条目',
	'periods.kpi.qty': '结转数量合计',
	'periods.kpi.movements': '并入的库存变动',
	'periods.closedByAt': '{user} 于 {time} 月结',
	'periods.openingSyncing': '期初余额同步中…',

	'periods.next': '下一个要月结的月份：{month}',
	'periods.nextBody': '月结会把 {month} 的期末库存结转为 {next} 的期初余额。',
	'periods.close': '月结 {month}',
	'periods.blockers': '还不能月结：',
	'periods.blocker.current-month': '{month} 还没结束（于 {end} 结束）',
	'periods.blocker.earlier-month-open': '请先月结 {month}',
	'periods.blocker.already-closed': '{month} 已经月结',
	'periods.blocker.opening-missing': '{month} 的期初余额还没同步到本设备，请保持联网稍候',
	'periods.blocker.open-count': '盘点单 {number} 尚未完成，请先审核或取消',
	'periods.gates': '本设备现在不能月结：',
	'periods.gate.role': '只有系统管理员可以月结（你的角色：{role}）',
	'periods.gate.offline': '需要连接服务器才能月结',
	'periods.gate.syncing': '正在与服务器同步，完成后才能月结',
	'periods.gate.pending': '本设备还有 {count} 条变更尚未同步',
	'periods.confirmTitle': '确定要月结 {month} 吗？',
	'periods.confirm.opening': '{month} 的期末库存将成为 {next} 的期初余额，现有库存不变。',
	'periods.confirm.download': '新设备不再下载 {month} 及更早月份的库存变动。',
	'periods.confirm.locked': '之后不能再过账到 {month}。',
	'periods.confirm.late': '离线设备稍后才同步的 {month} 变动，会自动结转到当前开放的月份。',
	'periods.confirm.final': '月结无法撤销。',
	'periods.confirmAction': '确定月结',
	'periods.closedToast': '{month} 已完成月结',
	'periods.done':
		'{month} 已月结：{positions} 个库存条目（数量合计 {qty}）结转为 {next} 的期初余额，并入 {movements} 条库存变动。',

	'periods.months': '会计期间',
	'periods.month': '月份',
	'periods.status': '状态',
	'periods.note': '说明',
	'periods.status.closed': '已月结',
	'periods.status.open': '待月结',
	'periods.status.current': '本月',
	'periods.status.future': '未来月份',
	'periods.note.closed': '已结转为期初余额，设备不再下载',
	'periods.note.open': '月份已结束，等待月结',
	'periods.note.current': '进行中，持续过账',
	'periods.note.future': '尚未开始（有设备的时钟超前）',

	'periods.entryBody': '把已结束的月份结转为期初余额，并查看上次月结的结果。',
	'periods.entryStatus': '已月结至 {month}',
	'periods.entryNone': '尚未月结',
	'periods.entryNext': '下一个：{month}',
	'periods.menu': '月结'
};

// zh-CN messages: the delivery promise inside the sales order form. Typed against the zh-TW table.
import type { salesPromise as source } from '../zh-TW/sales-promise';

export const salesPromise: Record<keyof typeof source, string> = {
	'salesPromise.title': '交期试算',
	'salesPromise.hint':
		'依库存、在途采购、BOM、工作中心产能与供应商交期，试算整张订单最早哪天能全部交货，以及插单会影响谁',
	'salesPromise.short': '有品项的可用库存不足：接单前先试算交期',
	'salesPromise.ask': '试算交期',
	'salesPromise.askAgain': '重新试算',
	'salesPromise.asking': '试算中…',
	'salesPromise.noLines': '先输入品项与数量',
	'salesPromise.stale': '品项、数量或需求日已变更，请重新试算',
	'salesPromise.askFirst': '请先试算交期（或重新试算）再接单',
	'salesPromise.accept': '接单并确认（交期 {date}）',
	'salesPromise.accepted': '订单 {number} 已创建并确认，交期 {date}',
	'salesPromise.acceptedPlanned':
		'订单 {number} 已创建并确认，交期 {date}；生产计划新增 {planned} 张建议订单待转单',
	'salesPromise.partials': '分批可交（累计）：',
	'salesPromise.added': '计划将新增或加量 {count} 张建议订单',
	'salesPromise.acceptRush': '作为急单接单（交期 {date}）',
	'salesPromise.rushNote': '急单会让上面列出的工作推迟；接单前请与生产管理确认',
	'salesPromise.editNoAccept': '编辑草稿时只试算；接单请用“确认”',
	'salesPromise.noAccept': '你的角色只能试算，接单由业务确认'
};

// zh-CN messages: refused changes, field rights and record history. Typed against zh-TW.
import type { integrity as source } from '../zh-TW/integrity';

export const integrity: Record<keyof typeof source, string> = {
	'refused.title': '这台设备上的一笔变更被服务器拒绝',
	'refused.body': '{reason}（{doc}）。在它之后，这台设备对这份数据的变更也无法同步。',
	'refused.stuck': '这份数据有 {count} 笔尚未同步的变更，会一起移到一旁。',
	'refused.setAside': '移到一旁并重新同步…',
	'refused.confirm':
		'会先下载这些变更的副本（请交给管理员），再从服务器重新载入{doc}。这台设备上已同步的数据不受影响。',
	'refused.setAsideConfirm': '下载副本并重新同步',
	'refused.reason.delete': '它删除了只能新增的记录（异动、事件或主数据）',
	'refused.reason.schema': '它写入的数据格式不正确',
	'refused.reason.authorship': '它以其他用户的名义记录',
	'refused.reason.rights': '你的角色不能修改这项数据',
	'refused.reason.gap': '它接在一笔先前被拒绝的变更之后',
	'refused.reason.unaudited': '它修改了主数据，却没有留下变更审计记录',
	'refused.reason.clock': '它的时间戳日期错误（这台设备的时钟大幅超前或被重置），服务器不接受',
	'refused.doc.catalog': '主数据：物料、客户、仓库',
	'refused.doc.orders': '订单',
	'refused.doc.counts': '盘点',
	'item.costReadOnly': '只有管理员、采购与财务可以修改标准成本',
	'refused.doc.ledger': '{month} 的库存异动'
};

// zh-CN messages: finance settings (财务设置: valuation method and chart of accounts, issue 19).
import type { financeSettings as source } from '../zh-TW/finance-settings';

export const financeSettings: Record<keyof typeof source, string> = {
	'nav.financeSettings': '财务设置',
	'fset.title': '财务设置',
	'fset.subtitle': '存货计价方法与会计科目代码，凭证与报表都依此生成',
	'fset.method': '存货计价方法',
	'fset.methodNow': '当前采用：{method}',
	'fset.methodPending': '下次月结后改为：{method}',
	'fset.methodRule':
		'计价方法只在会计期间的分界变更：变更在下一次月结时生效，结账月份仍按原方法计价，之后的月份从结转的存货价值以新方法继续计算。尚无任何出入库时立即生效。',
	'fset.method.fifo': '先进先出法（FIFO）',
	'fset.method.moving-average': '移动加权平均法',
	'fset.methodSave': '变更计价方法',
	'fset.methodSavedNow': '已改为{method}',
	'fset.methodSavedLater': '下次月结后改为{method}',
	'fset.methodCancelled': '已取消待生效的变更',
	'fset.accounts': '会计科目代码',
	'fset.accountsRule':
		'凭证按科目角色过账；代码可改为贵公司账上使用的代码。已结账期间的期初余额会随代码移到新代码。每个科目须使用不同代码。',
	'fset.account': '科目',
	'fset.defaultCode': '默认代码',
	'fset.code': '代码',
	'fset.accountsSave': '保存科目代码',
	'fset.accountsReset': '恢复默认代码',
	'fset.accountsSaved': '已保存会计科目代码',
	'fset.readOnly': '只有系统管理员与财务人员可以变更财务设置'
};

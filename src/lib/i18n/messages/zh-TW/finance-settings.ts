// zh-TW messages: finance settings (財務設定: valuation method and chart of accounts, issue 19).
// The source of these keys; the other locales' tables are typed against it.

export const financeSettings = {
	'nav.financeSettings': '財務設定',
	'fset.title': '財務設定',
	'fset.subtitle': '存貨計價方法與會計科目代碼，傳票與報表都依此產生',
	'fset.method': '存貨計價方法',
	'fset.methodNow': '目前採用：{method}',
	'fset.methodPending': '下次月結後改為：{method}',
	'fset.methodRule':
		'計價方法只在會計期間的分界變更：變更會在下一次月結時生效，結帳月份仍按原方法計價，之後的月份從結轉的存貨價值以新方法繼續計算。尚未有任何異動時立即生效。',
	'fset.method.fifo': '先進先出法（FIFO）',
	'fset.method.moving-average': '移動平均法',
	'fset.methodSave': '變更計價方法',
	'fset.methodSavedNow': '已改為{method}',
	'fset.methodSavedLater': '下次月結後改為{method}',
	'fset.methodCancelled': '已取消待生效的變更',
	'fset.accounts': '會計科目代碼',
	'fset.accountsRule':
		'傳票依科目角色過帳；代碼可改成貴公司帳上使用的代碼。已結帳期間的期初餘額會隨代碼移到新代碼。每個科目須用不同代碼。',
	'fset.account': '科目',
	'fset.defaultCode': '預設代碼',
	'fset.code': '代碼',
	'fset.accountsSave': '儲存科目代碼',
	'fset.accountsReset': '恢復預設代碼',
	'fset.accountsSaved': '已儲存會計科目代碼',
	'fset.readOnly': '只有系統管理員與財務人員可以變更財務設定'
};

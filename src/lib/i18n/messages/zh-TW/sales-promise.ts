// zh-TW messages: the delivery promise inside the sales order form (issue 18 points 5–6).
export const salesPromise = {
	'salesPromise.title': '交期試算',
	'salesPromise.hint':
		'依庫存、在途採購、BOM、工作中心產能與供應商交期，試算整張訂單最早哪天能全數交貨，以及插單會影響誰',
	'salesPromise.short': '有品項的可用庫存不足：接單前先試算交期',
	'salesPromise.ask': '試算交期',
	'salesPromise.askAgain': '重新試算',
	'salesPromise.asking': '試算中…',
	'salesPromise.noLines': '先輸入品項與數量',
	'salesPromise.stale': '品項、數量或需求日已變更，請重新試算',
	'salesPromise.askFirst': '請先試算交期（或重新試算）再接單',
	'salesPromise.accept': '接單並確認（交期 {date}）',
	'salesPromise.accepted': '訂單 {number} 已建立並確認，交期 {date}',
	'salesPromise.acceptedPlanned':
		'訂單 {number} 已建立並確認，交期 {date}；生產計畫新增 {planned} 張建議訂單待轉單',
	'salesPromise.partials': '分批可交（累計）：',
	'salesPromise.added': '計畫將新增或加量 {count} 張建議訂單',
	'salesPromise.acceptRush': '當急單接單（交期 {date}）',
	'salesPromise.rushNote': '急單會讓上面列出的工作延後；接單前請與生產管理確認',
	'salesPromise.editNoAccept': '編輯草稿時只試算；接單請用「確認」',
	'salesPromise.noAccept': '你的角色只能試算，接單由業務確認'
} as const;

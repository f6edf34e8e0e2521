// zh-TW messages: changes the relay refused (the refused-change banner), field rights and
// record history. The source of these keys; the other locales' tables are typed against it.

export const integrity = {
	'refused.title': '這台裝置上的一筆變更被伺服器拒絕',
	'refused.body': '{reason}（{doc}）。在它之後，這台裝置對這份資料的變更也無法同步。',
	'refused.stuck': '這份資料有 {count} 筆尚未同步的變更，會一起移到一旁。',
	'refused.setAside': '移到一旁並重新同步…',
	'refused.confirm':
		'會先下載這些變更的副本（請交給管理員），再從伺服器重新載入{doc}。這台裝置上已同步的資料不受影響。',
	'refused.setAsideConfirm': '下載副本並重新同步',
	'refused.reason.delete': '它刪除了只能新增的紀錄（異動、事件或主檔）',
	'refused.reason.schema': '它寫入的資料格式不正確',
	'refused.reason.authorship': '它以其他使用者的名義記錄',
	'refused.reason.rights': '你的角色不能修改這項資料',
	'refused.reason.gap': '它接在一筆先前被拒絕的變更之後',
	'refused.reason.unaudited': '它修改了主檔，卻沒有留下異動稽核紀錄',
	'refused.reason.clock': '它的時間戳記日期錯誤（這台裝置的時鐘大幅超前或被重設），伺服器不接受',
	'refused.doc.catalog': '主檔：品項、客戶、倉庫',
	'refused.doc.orders': '訂單',
	'refused.doc.counts': '盤點',
	'item.costReadOnly': '只有管理員、採購與財務可以修改標準成本',
	'refused.doc.ledger': '{month} 的庫存異動'
};

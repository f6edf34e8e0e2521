// en messages: landed costs on a purchase order's receipts (issue 19). Typed against zh-TW.
import type { landed as source } from '../zh-TW/landed';

export const landed: Record<keyof typeof source, string> = {
	'purchasing.event.charge': 'Landed cost',
	'landed.title': 'Landed costs',
	'landed.subtitle':
		"Freight, duty, insurance… spread over a receipt's accepted goods and carried in stock value",
	'landed.none': 'Nothing received yet: record landed costs after a receipt',
	'landed.receipt': 'Received {date}',
	'landed.closedMonth':
		"This receipt's month is closed: the charge goes to cost of sales in the open month, and the closed month's figures stay as they are",
	'landed.noGoods': 'This receipt has no accepted goods',
	'landed.goods': 'Goods',
	'landed.qty': 'Qty',
	'landed.unitCost': 'Unit cost',
	'landed.goodsValue': 'Goods value',
	'landed.share': 'Charged',
	'landed.newUnitCost': 'Unit cost with charges',
	'landed.kind': 'Charge',
	'landed.kind.freight': 'Freight',
	'landed.kind.duty': 'Duty',
	'landed.kind.insurance': 'Insurance',
	'landed.kind.other': 'Other',
	'landed.amount': 'Amount (base currency)',
	'landed.basis': 'Spread by',
	'landed.basis.value': 'Goods value',
	'landed.basis.qty': 'Quantity',
	'landed.note': 'Note (bill of lading or invoice no.)',
	'landed.receiptPick': 'Receipt',
	'landed.add': 'Record charge',
	'landed.added': 'Recorded {kind} {amount}',
	'landed.amountInvalid': 'Enter an amount above 0',
	'landed.preview': 'How it is spread',
	'landed.total': 'Total',
	'landed.closedBadge': 'Month closed',
	'purchasing.event.void-charge': 'Landed cost voided',
	'landed.void': 'Void',
	'landed.voidReason': 'Why it is voided',
	'landed.voidedBadge': 'Voided: {reason}',
	'landed.voided': 'Charge voided',
	'landed.cancel': 'Cancel',
	'landed.by': '{by} at {at}'
};

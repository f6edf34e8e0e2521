// en messages: refused changes, field rights and record history. Typed against zh-TW.
import type { integrity as source } from '../zh-TW/integrity';

export const integrity: Record<keyof typeof source, string> = {
	'refused.title': 'A change on this device was refused',
	'refused.body':
		'{reason} ({doc}). Changes this device made to that data after it cannot sync either.',
	'refused.stuck':
		'{count, plural, one {# change of that data is not synced yet and is set aside with it.} other {# changes of that data are not synced yet and are set aside with it.}}',
	'refused.setAside': 'Set aside and re-sync…',
	'refused.confirm':
		'A copy of these changes is downloaded first (give it to your administrator), then {doc} is reloaded from the server. Data this device already synced is not affected.',
	'refused.setAsideConfirm': 'Download copy and re-sync',
	'refused.reason.delete':
		'It removed records that may only be added to (movements, events or master data)',
	'refused.reason.schema': 'It wrote data in the wrong format',
	'refused.reason.authorship': 'It recorded something in another user’s name',
	'refused.reason.rights': 'Your role may not change this data',
	'refused.reason.gap': 'It came after a change that was refused',
	'refused.reason.unaudited': 'It changed master data without recording it in the audit trail',
	'refused.reason.clock':
		'It was stamped with a wrong date (this device’s clock was far ahead or reset), so the server did not accept it',
	'refused.doc.catalog': 'master data: items, customers, warehouses',
	'refused.doc.orders': 'orders',
	'refused.doc.counts': 'stocktakes',
	'item.costReadOnly': 'Only administrators, purchasing and finance may change the standard cost',
	'refused.doc.ledger': 'stock movements of {month}'
};

// en messages: period close. Typed against the zh-TW table: every key present.
import type { periods as source } from '../zh-TW/periods';

export const periods: Record<keyof typeof source, string> = {
	'reason.opening': 'Opening balance',
	'error.opening-missing':
		'The opening balances of {month} have not synced yet; connect and try again shortly',
	'error.period-closed': '{month} is closed; nothing more can be posted to it',
	'error.period-close-blocked': '{month} cannot be closed yet: {reason}',

	'periods.title': 'Period close',
	'periods.subtitle':
		'Close a finished month into the next month’s opening balances: stock stays the same, and devices no longer download and replay the old months’ movements.',
	'periods.kpi.closedThrough': 'Closed through',
	'periods.kpi.none': 'Nothing closed yet',
	'periods.kpi.positions': 'Stock positions carried',
	'periods.kpi.value': 'Stock value carried',
	'periods.kpi.qtyHint': 'Quantities summed: {qty}',
	'periods.kpi.movements': 'Movements folded in',
	'periods.closedByAt': 'Closed by {user} on {time}',
	'periods.openingSyncing': 'Opening balances are syncing…',

	'periods.next': 'Next month to close: {month}',
	'periods.nextBody':
		'Closing carries the stock at the end of {month} into the opening balances of {next}.',
	'periods.close': 'Close {month}',
	'periods.blockers': 'Cannot close yet:',
	'periods.blocker.current-month': '{month} is not over yet (it ends {end})',
	'periods.blocker.earlier-month-open': 'Close {month} first',
	'periods.blocker.already-closed': '{month} is already closed',
	'periods.blocker.opening-missing':
		'The opening balances of {month} have not reached this device yet; stay online and wait a moment',
	'periods.blocker.open-count': 'Stocktake {number} is still open; approve or cancel it first',
	'periods.gates': 'This device cannot close the month right now:',
	'periods.gate.role': 'Only an administrator or finance can close a month (your role: {role})',
	'periods.gate.offline': 'Closing needs a connection to the server',
	'periods.gate.syncing': 'Syncing with the server; you can close once it is done',
	'periods.gate.pending': '{count} changes on this device are not synced yet',
	'periods.confirmTitle': 'Close {month}?',
	'periods.confirm.opening':
		'The stock at the end of {month} becomes the opening balances of {next}; stock on hand does not change.',
	'periods.confirm.download':
		'New devices no longer download the movements of {month} and earlier months.',
	'periods.confirm.locked': 'Nothing can be posted into {month} afterwards.',
	'periods.confirm.late':
		'Movements of {month} that offline devices sync later are carried into the open month automatically.',
	'periods.confirm.final': 'A close cannot be undone.',
	'periods.confirmAction': 'Close the month',
	'periods.closedToast': '{month} is closed',
	'periods.done':
		'{month} is closed: {positions} stock positions (total quantity {qty}) carried into the opening balances of {next}; {movements} movements folded in.',

	'periods.months': 'Ledger months',
	'periods.month': 'Month',
	'periods.status': 'Status',
	'periods.note': 'Note',
	'periods.col.inventoryEnd': 'Closing stock value',
	'periods.col.purchases': 'Purchases',
	'periods.col.cogs': 'Cost of goods sold',
	'periods.col.revenue': 'Net sales',
	'periods.status.closed': 'Closed',
	'periods.status.open': 'To close',
	'periods.status.current': 'Current month',
	'periods.status.future': 'Future month',
	'periods.note.closed': 'Folded into opening balances; devices no longer download it',
	'periods.note.open': 'The month is over and waits to be closed',
	'periods.note.current': 'In progress; postings go here',
	'periods.note.future': 'Not started yet (a device’s clock runs ahead)',

	'periods.entryBody': 'Close finished months into opening balances and see the last close.',
	'periods.entryStatus': 'Closed through {month}',
	'periods.entryNone': 'Nothing closed yet',
	'periods.entryNext': 'Next: {month}',
	'periods.menu': 'Period close'
};

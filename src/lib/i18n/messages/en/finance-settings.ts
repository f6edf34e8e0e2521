// en messages: finance settings (valuation method and chart of accounts, issue 19).
import type { financeSettings as source } from '../zh-TW/finance-settings';

export const financeSettings: Record<keyof typeof source, string> = {
	'nav.financeSettings': 'Finance settings',
	'fset.title': 'Finance settings',
	'fset.subtitle': 'The inventory valuation method and the account codes vouchers and reports use',
	'fset.method': 'Valuation method',
	'fset.methodNow': 'In use: {method}',
	'fset.methodPending': 'From the next month-end close: {method}',
	'fset.methodRule':
		'The method changes only at a period boundary: a change takes effect at the next close — the month being closed is valued as before, and later months continue from the carried stock value with the new method. With no movement yet it applies at once.',
	'fset.method.fifo': 'FIFO (first in, first out)',
	'fset.method.moving-average': 'Moving average',
	'fset.methodSave': 'Change method',
	'fset.methodSavedNow': 'Now valued by {method}',
	'fset.methodSavedLater': '{method} from the next close',
	'fset.methodCancelled': 'Pending change cancelled',
	'fset.accounts': 'Account codes',
	'fset.accountsRule':
		"Vouchers post to account roles; set the codes your company's ledger uses. Closed periods' opening balances move with a renumbered account. Each account needs its own code.",
	'fset.account': 'Account',
	'fset.defaultCode': 'Default',
	'fset.code': 'Code',
	'fset.accountsSave': 'Save account codes',
	'fset.accountsReset': 'Reset to defaults',
	'fset.accountsSaved': 'Account codes saved',
	'fset.readOnly': 'Only administrators and finance may change the finance settings'
};

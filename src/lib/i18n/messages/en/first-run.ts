// en messages: the first-run setup and the per-role "getting started" guidance.
import type { firstRun as source } from '../zh-TW/first-run';

export const firstRun: Record<keyof typeof source, string> = {
	'device.rename': 'Rename this device',
	'device.renameLabel': 'Device name',
	'device.renameSave': 'Save',
	'device.renameCancel': 'Cancel',
	'device.nameInvalid': 'A device name has at most {max} characters and no control characters.',
	'device.renameOffline':
		'Renaming needs a connection (the name is kept on the server, for your administrator).',
	'device.renameRefused':
		'The server did not accept this name, or this device has been signed out.',
	'session.endedPending':
		'{count, plural, one {# change} other {# changes}} on this device not yet synced.',
	'user.signOutPending':
		'{count, plural, one {# change} other {# changes}} on this device not yet synced. They stay on this device and are sent the next time someone signs in to this workspace here.',
	'user.signOutAnyway': 'Sign out anyway',
	'session.endedExport': 'View and export movements',
	'user.company': 'Company: {name}',
	'setup.menu': 'Company setup',
	'setup.title': 'Set up your company',
	'setup.subtitle':
		'A few steps to get going: the company name, warehouses, items, then invite colleagues. You can change all of it later.',
	'setup.forbidden': 'Only an administrator can set up the company.',
	'setup.step.company': 'Company',
	'setup.step.warehouses': 'Warehouses',
	'setup.step.items': 'Items',
	'setup.step.invite': 'Invite colleagues',
	'setup.stepOf': 'Step {n} of {total}',
	'setup.companyLabel': 'Company name',
	'setup.companyHint': 'Your colleagues see this name once they sign in.',
	'setup.companyInvalid': 'A company name has at most {max} characters and no control characters.',
	'setup.companySaved': 'Company name "{name}" saved',
	'setup.warehousesIntro':
		'Add at least one warehouse (the main warehouse, a shop…). Its code appears on documents and labels.',
	'setup.warehouseAdd': 'Add warehouse',
	'setup.warehousesNeedOne': 'Add at least one warehouse to continue.',
	'setup.itemsIntro':
		'Add a few items you use often, or import your whole item list from an Excel or CSV file.',
	'setup.itemAdd': 'Add item',
	'setup.importItems': 'Import items from a file',
	'setup.importHint': 'After the import, come back here with "Company setup" in the user menu.',
	'setup.itemsCount': '{count, plural, one {# item} other {# items}} so far',
	'setup.inviteIntro':
		'Create sign-in links for colleagues: each works once, for 3 days. A tablet in the warehouse can scan the QR code.',
	'setup.invitedNone':
		'No invitation yet; you can also invite people later under People and devices.',
	'setup.next': 'Next',
	'setup.back': 'Back',
	'setup.skip': 'Skip',
	'setup.finish': 'Finish and start',
	'setup.finished': 'All set, welcome to Stockflow',
	'setup.saveFailed': 'Could not save ({detail}). Check the connection and try again.',
	'gettingStarted.title': 'Getting started: {role}',
	'gettingStarted.dismiss': 'Got it, hide this',
	'gettingStarted.admin.1': 'Create warehouses and items, or import items from Excel or CSV.',
	'gettingStarted.admin.2':
		'Invite colleagues under People and devices; a tablet signs in by scanning a QR code.',
	'gettingStarted.admin.3': 'Close each month under Period close (also in the user menu).',
	'gettingStarted.warehouse.1':
		'Record receipts and issues as goods arrive and leave; it works offline and syncs later.',
	'gettingStarted.warehouse.2':
		'See what is on hand per warehouse, and what is below safety stock, under Stock.',
	'gettingStarted.warehouse.3':
		'Count regularly under Stocktakes; differences are reviewed before they adjust stock.',
	'gettingStarted.sales.1': 'Add your customers under Customers.',
	'gettingStarted.sales.2':
		'Create and follow sales orders on the order board; check available-to-promise first.',
	'gettingStarted.sales.3': 'Check stock on hand and incoming under Stock.',
	'gettingStarted.purchasing.1': 'Add suppliers and their prices under Suppliers.',
	'gettingStarted.purchasing.2': 'Turn requisitions into purchase orders.',
	'gettingStarted.purchasing.3':
		'Follow due dates under Purchase orders; the warehouse receives the goods.',
	'gettingStarted.production.1': 'Create and release work orders; shortages show before release.',
	'gettingStarted.production.2':
		'Run MRP under Planning and turn its suggestions into work orders or requisitions.',
	'gettingStarted.production.3': 'Report progress from a tablet on the floor, offline too.',
	'gettingStarted.finance.1': 'See inventory value and key figures on the finance overview.',
	'gettingStarted.finance.2': 'Every report (trial balance, valuation, ageing…) exports to Excel.',
	'gettingStarted.finance.3': 'Close each month under Period close; a closed month cannot change.',
	'gettingStarted.viewer.1': 'See what is on hand per warehouse under Stock.',
	'gettingStarted.viewer.2': 'Look items up under Items.',
	'gettingStarted.viewer.3': 'To record data, ask your administrator to change your role.'
};

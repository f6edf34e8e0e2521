// en messages: export to CSV/XLSX and the tabular import pipeline. Typed against zh-TW.
import type { tabular as source } from '../zh-TW/tabular';

export const tabular: Record<keyof typeof source, string> = {
	'tabular.export': 'Export',
	'tabular.exportCsv': 'CSV (opens in Excel)',
	'tabular.exportXlsx': 'Excel workbook (.xlsx)',
	'tabular.exportFailed': 'Export failed: {message}',
	'tabular.importItemsTitle': 'Import items (CSV / Excel)',
	'tabular.blocked':
		'The file itself has a problem, so none of it will be imported. Fix it and choose the file again.',
	'tabular.run': 'Import {count} valid rows, skip {refused} with errors',
	'tabular.pickFile': 'Choose a CSV or Excel file',
	'tabular.fileTypes':
		'.csv and .xlsx; the first row names the columns (Traditional Chinese, Simplified Chinese or English)',
	'tabular.reading': 'Reading…',
	'tabular.refused': '{count} rows with errors',
	'tabular.refusedNote':
		'Rows with errors are not imported: fix the file and preview again, or import only the valid rows.',
	'tabular.problem.required': 'required, cannot be empty',
	'tabular.problem.tooLong': 'at most {max} characters',
	'tabular.problem.tooSmall': 'must be at least {min}',
	'tabular.problem.tooLarge': 'must be at most {max}',
	'tabular.problem.number': 'not a number: {value}',
	'tabular.problem.integer': 'must be a whole number: {value}',
	'tabular.problem.money': 'not an amount (two decimals at most): {value}',
	'tabular.problem.yesNo': 'use yes or no: {value}',
	'tabular.problem.oneOf': 'must be one of: {values}',
	'tabular.problem.format': 'wrong format',
	'tabular.problem.codeFormat': 'letters, digits and . _ - / only, starting with a letter or digit',
	'tabular.problem.email': 'not an e-mail address',
	'tabular.problem.invalid': 'not valid',
	'tabular.problem.duplicateInFile': '{code} appears more than once in the file (lines {lines})',
	'tabular.problem.duplicateInCatalog':
		'{code} is used by {count} existing records; it is unclear which one to update',
	'tabular.problem.unknownItem': 'no item has the code or supplier part number {value}',
	'tabular.problem.notRequested': '{value} is not on this request for quotation',
	'tabular.problem.unknownSupplier': 'no supplier has the code {value}',
	'tabular.problem.breaksDisagree':
		'the quantity breaks of {value} name different currencies or end dates',
	'tabular.problem.endsBeforeStart': 'the price ends ({value}) before it starts',
	'tabular.problem.noHeader': 'the file has no header row',
	'tabular.problem.missingColumn': 'required column “{column}” is missing',
	'tabular.problem.columnTwice': 'column “{column}” appears twice',
	'tabular.problem.malformed': 'the file is malformed (an unclosed quote or shifted columns)',
	'tabular.problem.unreadable': 'this file cannot be read; is it a CSV or .xlsx file?',
	'tabular.problem.emptyFile': 'the file is empty'
};

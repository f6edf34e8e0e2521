// en messages: the delivery promise inside the sales order form. Typed against the zh-TW table.
import type { salesPromise as source } from '../zh-TW/sales-promise';

export const salesPromise: Record<keyof typeof source, string> = {
	'salesPromise.title': 'Delivery promise',
	'salesPromise.hint':
		'From stock, incoming purchases, BOMs, work-centre capacity and supplier lead times: the earliest date the whole order can be delivered, and whom a rush would affect',
	'salesPromise.short': 'Not enough available stock for a line: check the delivery date first',
	'salesPromise.ask': 'Check delivery date',
	'salesPromise.askAgain': 'Check again',
	'salesPromise.asking': 'Checking…',
	'salesPromise.noLines': 'Enter items and quantities first',
	'salesPromise.stale': 'Items, quantities or the date changed: check again',
	'salesPromise.askFirst': 'Check the delivery date (again) before accepting',
	'salesPromise.accept': 'Accept and confirm (deliver {date})',
	'salesPromise.accepted': 'Order {number} created and confirmed for {date}',
	'salesPromise.acceptedPlanned':
		'Order {number} created and confirmed for {date}; the plan adds {planned} planned orders to convert',
	'salesPromise.partials': 'Partial deliveries (cumulative): ',
	'salesPromise.added': 'The plan adds or increases {count} planned orders',
	'salesPromise.acceptRush': 'Accept as a rush (deliver {date})',
	'salesPromise.rushNote':
		'A rush pushes back the work listed above: agree it with production first',
	'salesPromise.editNoAccept': 'Editing a draft only checks; confirm it to accept',
	'salesPromise.noAccept': 'Your role can check dates; sales accepts orders'
};

// Page ids for presence: the stable id a path reports (`pageOfPath`) and the words others see
// for the known ones (`PAGE_LABELS`). Orders and POs report their own id (see presence-label.ts).
import type { MessageKey } from '../../i18n';

/** A stable page id for presence from any path inside the app. */
export function pageOfPath(path: string): string {
	if (path.startsWith('/dept/')) return 'overview';
	if (path === '/movements/new') return 'movement-new';
	if (path.startsWith('/items/import')) return 'items-import';
	// Picking one order: others see the order (by its number) as on the sales board.
	const picking = /^\/warehouse\/picking\/([^/]+)/.exec(path);
	if (picking?.[1]) return `order:${picking[1]}`;
	// A purchase order's pages: the board's purchasing lane shows who is looking at it.
	const po = /^\/purchasing\/orders\/([^/]+)/.exec(path);
	if (po?.[1]) return `po:${po[1]}`;
	if (path.startsWith('/admin/')) return 'admin';
	// A department's own page (`/sales/board` → `sales-board`) when others can be told its title;
	// the finance reports share one page id, whichever report is open.
	const [first, second] = path.split('/').filter(Boolean);
	if (first === 'finance' && second && second !== 'periods' && second !== 'settings')
		return 'finance-reports';
	if (first && second && `${first}-${second}` in PAGE_LABELS) return `${first}-${second}`;
	return first ?? 'overview';
}

export const PAGE_LABELS: Record<string, MessageKey> = {
	overview: 'nav.overview',
	stock: 'nav.stock',
	'movement-new': 'nav.movementNew',
	movements: 'nav.movements',
	items: 'nav.items',
	'items-import': 'nav.itemsImport',
	warehouses: 'nav.warehouses',
	'sales-board': 'nav.salesBoard',
	'sales-customers': 'nav.customers',
	'sales-reorder': 'nav.reorder',
	'warehouse-stocktakes': 'nav.stocktakes',
	'warehouse-alerts': 'nav.alerts',
	'warehouse-picking': 'nav.picking',
	'warehouse-lots': 'nav.lotTrace',
	'warehouse-labels': 'nav.labels',
	'warehouse-transfers': 'nav.transfers',
	'finance-periods': 'periods.title',
	purchasing: 'nav.purchasingHome',
	'purchasing-suppliers': 'nav.suppliers',
	'purchasing-prices': 'nav.prices',
	'purchasing-requisitions': 'nav.requisitions',
	'purchasing-orders': 'nav.purchaseOrders',
	'purchasing-rfqs': 'nav.rfqs',
	production: 'nav.productionHome',
	'production-work-orders': 'nav.workOrders',
	'production-boms': 'nav.boms',
	'production-planning': 'nav.planning',
	'production-forecast': 'nav.forecast',
	'production-promise': 'nav.promise',
	'production-work-centers': 'workCenter.title',
	finance: 'nav.financeHome',
	'finance-reports': 'nav.financeReports',
	'finance-settings': 'nav.financeSettings',
	admin: 'people.title'
};

// Departments, their landing pages and the left-nav entries each one shows. Foundation pages
// live under warehouse plus shared pages (stock overview, items) every department can open.
import { resolve } from '$app/paths';
import { DEPARTMENTS, type Department, type Role } from '../../domain/auth/roles';
import type { IconName } from '../../components/Icon.svelte';
import type { MessageKey } from '../../i18n';

export { DEPARTMENTS, type Department };

export interface NavEntry {
	href: string;
	label: MessageKey;
	icon: IconName;
	/** Page id sent to presence so others see where you are. */
	page: string;
	/** Things waiting on this page (shown as a count), with their description. */
	badge?: { count: number; label: string };
}

export const DEPARTMENT_ICONS: Record<Department, IconName> = {
	warehouse: 'warehouse',
	sales: 'cart',
	purchasing: 'clipboard',
	production: 'factory',
	finance: 'coins'
};

export function isDepartment(value: unknown): value is Department {
	return typeof value === 'string' && (DEPARTMENTS as readonly string[]).includes(value);
}

/** The department a role lands in after signing in. */
export function departmentOfRole(role: Role): Department {
	switch (role) {
		case 'admin':
		case 'warehouse':
		case 'viewer':
			return 'warehouse';
		case 'sales':
			return 'sales';
		case 'purchasing':
			return 'purchasing';
		case 'production':
			return 'production';
		case 'finance':
			return 'finance';
	}
}

/** Where a department lands: its overview page (warehouse and sales under /dept). */
export function departmentHome(d: Department): string {
	switch (d) {
		case 'purchasing':
			return resolve('/purchasing');
		case 'production':
			return resolve('/production');
		case 'finance':
			return resolve('/finance');
		case 'warehouse':
		case 'sales':
			return resolve('/(app)/dept/[department]', { department: d });
	}
}

const SHARED: NavEntry[] = [
	{ href: resolve('/stock'), label: 'nav.stock', icon: 'chart', page: 'stock' },
	{ href: resolve('/items'), label: 'nav.items', icon: 'box', page: 'items' }
];

/** Warehouse floor pages (issue 6): counts, alerts, lot trace, labels. */
const WAREHOUSE_FLOOR: NavEntry[] = [
	{
		href: resolve('/warehouse/stocktakes'),
		label: 'nav.stocktakes',
		icon: 'clipboard',
		page: 'warehouse-stocktakes'
	},
	{
		href: resolve('/warehouse/alerts'),
		label: 'nav.alerts',
		icon: 'alert',
		page: 'warehouse-alerts'
	},
	{
		href: resolve('/warehouse/picking'),
		label: 'nav.picking',
		icon: 'issue',
		page: 'warehouse-picking'
	},
	{
		href: resolve('/warehouse/lots'),
		label: 'nav.lotTrace',
		icon: 'search',
		page: 'warehouse-lots'
	},
	{
		href: resolve('/warehouse/labels'),
		label: 'nav.labels',
		icon: 'scan',
		page: 'warehouse-labels'
	},
	{
		href: resolve('/warehouse/transfers'),
		label: 'nav.transfers',
		icon: 'transfer',
		page: 'warehouse-transfers'
	}
];

/** Purchasing (issue 17): overview, suppliers, prices and quotes, requisitions, POs. */
const PURCHASING: NavEntry[] = [
	{ href: resolve('/purchasing'), label: 'nav.overview', icon: 'home', page: 'purchasing' },
	{
		href: resolve('/purchasing/suppliers'),
		label: 'nav.suppliers',
		icon: 'user',
		page: 'purchasing-suppliers'
	},
	{
		href: resolve('/purchasing/prices'),
		label: 'nav.prices',
		icon: 'coins',
		page: 'purchasing-prices'
	},
	{
		href: resolve('/purchasing/requisitions'),
		label: 'nav.requisitions',
		icon: 'file',
		page: 'purchasing-requisitions'
	},
	{
		href: resolve('/purchasing/orders'),
		label: 'nav.purchaseOrders',
		icon: 'clipboard',
		page: 'purchasing-orders'
	},
	// After the orders: the tablet's bottom bar shows the first five, and receiving needs orders.
	{
		href: resolve('/purchasing/rfqs'),
		label: 'nav.rfqs',
		icon: 'search',
		page: 'purchasing-rfqs'
	}
];

/** Period close (月結): under finance; admins, who close, reach it from the user menu too. */
export const FINANCE_PERIODS: NavEntry = {
	href: resolve('/finance/periods'),
	label: 'periods.title',
	icon: 'history',
	page: 'finance-periods'
};

/** Finance settings (財務設定): valuation method and account codes. */
export const FINANCE_SETTINGS: NavEntry = {
	href: resolve('/finance/settings'),
	label: 'nav.financeSettings',
	icon: 'adjust',
	page: 'finance-settings'
};

export function navFor(d: Department): NavEntry[] {
	const overview: NavEntry = {
		href: departmentHome(d),
		label: 'nav.overview',
		icon: 'home',
		page: 'overview'
	};
	switch (d) {
		case 'warehouse':
			return [
				overview,
				{ href: resolve('/stock'), label: 'nav.stock', icon: 'chart', page: 'stock' },
				{
					href: resolve('/movements/new'),
					label: 'nav.movementNew',
					icon: 'plus',
					page: 'movement-new'
				},
				{ href: resolve('/movements'), label: 'nav.movements', icon: 'history', page: 'movements' },
				{ href: resolve('/items'), label: 'nav.items', icon: 'box', page: 'items' },
				{
					href: resolve('/warehouses'),
					label: 'nav.warehouses',
					icon: 'warehouse',
					page: 'warehouses'
				},
				// Warehouse floor (issue 6)
				...WAREHOUSE_FLOOR
			];
		case 'sales':
			// Sales (issue 5): the live order board, customers, repurchase prediction.
			return [
				overview,
				{
					href: resolve('/sales/board'),
					label: 'nav.salesBoard',
					icon: 'clipboard',
					page: 'sales-board'
				},
				{
					href: resolve('/sales/customers'),
					label: 'nav.customers',
					icon: 'user',
					page: 'sales-customers'
				},
				{
					href: resolve('/sales/reorder'),
					label: 'nav.reorder',
					icon: 'sparkle',
					page: 'sales-reorder'
				},
				...SHARED
			];
		case 'finance':
			// Finance (issue 19): the KPI home, the reports (valuation first), period close.
			return [
				{ href: resolve('/finance'), label: 'nav.financeHome', icon: 'home', page: 'finance' },
				{
					href: resolve('/(app)/finance/[report]', { report: 'valuation' }),
					label: 'nav.financeReports',
					icon: 'file',
					page: 'finance-reports'
				},
				FINANCE_PERIODS,
				FINANCE_SETTINGS,
				...SHARED
			];
		case 'purchasing':
			// Purchasing (issue 17): its own overview under /purchasing, then its pages.
			return [...PURCHASING, ...SHARED];
		case 'production':
			// Production (issue 18): its own overview under /production, work orders, planning.
			return [
				{
					href: resolve('/production'),
					label: 'nav.productionHome',
					icon: 'home',
					page: 'production'
				},
				{
					href: resolve('/production/work-orders'),
					label: 'nav.workOrders',
					icon: 'factory',
					page: 'production-work-orders'
				},
				{
					href: resolve('/production/boms'),
					label: 'nav.boms',
					icon: 'clipboard',
					page: 'production-boms'
				},
				{
					href: resolve('/production/planning'),
					label: 'nav.planning',
					icon: 'chart',
					page: 'production-planning'
				},
				{
					href: resolve('/production/forecast'),
					label: 'nav.forecast',
					icon: 'chart',
					page: 'production-forecast'
				},
				{
					href: resolve('/production/promise'),
					label: 'nav.promise',
					icon: 'history',
					page: 'production-promise'
				},
				...SHARED
			];
	}
}

/**
 * The department whose own pages a path belongs to (`/sales/…`, `/warehouse/…`), or null for
 * shared pages (stock, items…), which keep the department the user came from.
 */
export function departmentOfPath(path: string): Department | null {
	const first = path.split('/')[1];
	return isDepartment(first) ? first : null;
}

/** The nav entry a path belongs to (longest matching prefix), for highlighting and presence. */
export function entryOfPath(path: string, entries: NavEntry[]): NavEntry | undefined {
	let best: NavEntry | undefined;
	for (const e of entries) {
		const match = path === e.href || path.startsWith(e.href + '/');
		if (match && (!best || e.href.length > best.href.length)) best = e;
	}
	return best;
}

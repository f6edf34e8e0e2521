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

export function departmentHome(d: Department): string {
	return resolve('/(app)/dept/[department]', { department: d });
}

const SHARED: NavEntry[] = [
	{ href: resolve('/stock'), label: 'nav.stock', icon: 'chart', page: 'stock' },
	{ href: resolve('/items'), label: 'nav.items', icon: 'box', page: 'items' }
];

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
				}
			];
		case 'sales':
		case 'purchasing':
		case 'production':
		case 'finance':
			return [overview, ...SHARED];
	}
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

/** A stable page id for presence from any path inside the app. */
export function pageOfPath(path: string): string {
	if (path.startsWith('/dept/')) return 'overview';
	if (path === '/movements/new') return 'movement-new';
	if (path.startsWith('/items/import')) return 'items-import';
	const first = path.split('/').filter(Boolean)[0];
	return first ?? 'overview';
}

export const PAGE_LABELS: Record<string, MessageKey> = {
	overview: 'nav.overview',
	stock: 'nav.stock',
	'movement-new': 'nav.movementNew',
	movements: 'nav.movements',
	items: 'nav.items',
	'items-import': 'nav.itemsImport',
	warehouses: 'nav.warehouses'
};

// The department the user is working in: follows /dept/<d> pages and is remembered so
// shared pages (stock, items) keep the department's navigation.
import { type Department } from '../../domain/auth/roles';
import { isDepartment } from './navigation';

const KEY = 'stockflow.department';

function saved(): Department | null {
	try {
		const v = globalThis.localStorage?.getItem(KEY);
		return isDepartment(v) ? v : null;
	} catch {
		return null;
	}
}

export const currentDepartment = $state<{ value: Department | null }>({ value: saved() });

export function setDepartment(d: Department): void {
	currentDepartment.value = d;
	try {
		globalThis.localStorage?.setItem(KEY, d);
	} catch {
		// Not remembered across reloads; fine.
	}
}

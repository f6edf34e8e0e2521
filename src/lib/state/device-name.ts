// The name a device gets at sign-in, shown to admins instead of an id: the kind of device
// and the department it works for, e.g. "iPad · 倉管".

import type { Role } from '../domain/auth/roles';
import { t } from '../i18n';
import { departmentOfRole } from './pages/navigation';

export interface DeviceHints {
	userAgent: string;
	/** iPadOS Safari says "Macintosh"; only its touch points give it away. */
	maxTouchPoints: number;
}

export function deviceKind(hints: DeviceHints): string {
	const ua = hints.userAgent;
	if (/iPad/.test(ua) || (/Macintosh/.test(ua) && hints.maxTouchPoints > 1)) return 'iPad';
	if (/iPhone/.test(ua)) return 'iPhone';
	if (/Android/.test(ua)) return /Mobile/.test(ua) ? 'Android' : t('device.androidTablet');
	if (/Macintosh|Mac OS X/.test(ua)) return 'Mac';
	if (/Windows/.test(ua)) return 'Windows';
	if (/CrOS/.test(ua)) return 'Chromebook';
	if (/Linux/.test(ua)) return 'Linux';
	return t('device.generic');
}

export function defaultDeviceName(role: Role, hints?: DeviceHints): string {
	const found: DeviceHints = hints ?? {
		userAgent: typeof navigator === 'undefined' ? '' : navigator.userAgent,
		maxTouchPoints: typeof navigator === 'undefined' ? 0 : navigator.maxTouchPoints
	};
	return `${deviceKind(found)} · ${t(`dept.${departmentOfRole(role)}`)}`;
}

// View model of /signin?token=…: exchanges the link's token for a device session named after
// the device and the role's department (no extra click), strips the token from the address
// bar, and says which department to land in. Offline, the token itself is kept as the session.

import { version } from '$app/environment';
import type { Department } from '../../domain/auth/roles';
import { errorMessage, t } from '../../i18n';
import { defaultDeviceName } from '../device-name';
import { readToken } from '../jwt-claims';
import { signInWithToken } from '../session.svelte';
import { setDepartment } from './department.svelte';
import { departmentOfRole } from './navigation';

/** The relay's refusal text → what the person reads. */
function refusalMessage(reason: string): string {
	if (reason.includes('used')) return t('signin.linkUsed');
	if (reason.includes('expired')) return t('signin.linkExpired');
	if (reason.includes('revoked')) return t('signin.linkRevoked');
	return reason; // shown as the detail under the generic explanation
}

export class SignInModel {
	failure = $state<string | null>(null);

	/**
	 * Signs in; the department to land in ('setup': the first admin's first-run setup), or null
	 * when `failure` explains why not.
	 */
	async start(token: string | null): Promise<Department | 'setup' | null> {
		if (!token) {
			this.failure = t('signin.missingToken');
			return null;
		}
		let deviceName = defaultDeviceName('viewer');
		try {
			deviceName = defaultDeviceName(readToken(token).role);
		} catch {
			// Not a JWT we can read: the relay's answer (or the offline check) explains it.
		}
		try {
			const outcome = await signInWithToken(token, deviceName, {
				appVersion: version
			});
			if (outcome.kind === 'refused') {
				this.failure = refusalMessage(outcome.reason);
				return null;
			}
			const department = departmentOfRole(outcome.session.role);
			setDepartment(department);
			return outcome.firstRun ? 'setup' : department;
		} catch (err) {
			this.failure = errorMessage(err);
			return null;
		}
	}
}

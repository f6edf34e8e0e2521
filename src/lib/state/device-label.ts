// A device as people know it: the name it signed in with ("iPad · 倉管"), learnt from presence,
// never its clock id. A device never seen online here is "another device".

import { t } from '../i18n';
import { deviceNames } from './presence.svelte';

export function deviceLabel(deviceId: string): string {
	if (!deviceId) return '';
	return deviceNames.byId[deviceId] ?? t('device.other');
}

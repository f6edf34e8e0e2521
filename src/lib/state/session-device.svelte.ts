// Renaming this device from the user menu: the name the relay shows others on People and
// devices. Needs the relay (the name lives there); a refused or unreachable rename keeps the
// old name and says why.

import { t } from '../i18n';
import { renameDevice } from './session.svelte';

const MAX_NAME = 60;

export class DeviceNameModel {
	editing = $state(false);
	draft = $state('');
	error = $state<string | null>(null);
	busy = $state(false);

	constructor(private readonly current: () => string | null) {}

	start(): void {
		this.draft = this.current() ?? '';
		this.error = null;
		this.editing = true;
	}

	cancel(): void {
		this.editing = false;
		this.error = null;
	}

	/** True once renamed; otherwise `error` says why. */
	async save(): Promise<boolean> {
		const name = this.draft.trim();
		if (name === '') {
			this.error = t('validation.required');
			return false;
		}
		if ([...name].length > MAX_NAME || [...name].some((c) => c < ' ' || c === '\u007f')) {
			this.error = t('device.nameInvalid', { max: MAX_NAME });
			return false;
		}
		if (name === this.current()) {
			this.editing = false;
			return true;
		}
		this.busy = true;
		try {
			const outcome = await renameDevice(name);
			if (outcome === 'renamed') {
				this.editing = false;
				this.error = null;
				return true;
			}
			this.error = t(outcome === 'unreachable' ? 'device.renameOffline' : 'device.renameRefused');
			return false;
		} finally {
			this.busy = false;
		}
	}
}

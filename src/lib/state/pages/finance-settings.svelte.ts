// View model of the finance settings page (財務設定): the valuation method in force and a change
// waiting for the next close, and the chart of accounts' codes by role with the defaults. Admin
// and finance edit; everyone else reads.

import {
	readFinanceSettings,
	setAccountCodes,
	setValuationMethod,
	type FinanceSettings
} from '../../commands/finance-settings';
import { observePeriods } from '../../doc/period-doc';
import { ACCOUNT_ROLES, type AccountRole } from '../../domain/accounting/accounts';
import { VALUATION_METHODS, type ValuationMethod } from '../../domain/valuation/types';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { toast } from './toasts.svelte';

export interface AccountRow {
	role: AccountRole;
	name: string;
	defaultCode: string;
}

export class FinanceSettingsModel {
	readonly canEdit: boolean;
	readonly methods = VALUATION_METHODS;
	private revision = $state(0);
	private readonly stop: () => void;

	method = $state<ValuationMethod>('fifo');
	codes = $state<Record<AccountRole, string>>({} as Record<AccountRole, string>);
	methodError = $state<string | null>(null);
	codesError = $state<string | null>(null);

	readonly settings: FinanceSettings = $derived.by(() => {
		void this.revision;
		return readFinanceSettings(this.ws.runtime.docs.catalog);
	});

	readonly rows: AccountRow[] = $derived.by(() =>
		ACCOUNT_ROLES.map((role) => ({
			role,
			name: t(`finance.account.${role}`),
			defaultCode: this.settings.defaults[role]
		}))
	);

	constructor(private readonly ws: WorkspaceState) {
		this.canEdit = ['admin', 'finance'].includes(ws.role);
		this.reset();
		this.stop = observePeriods(ws.runtime.docs.catalog, () => this.revision++);
		// The stored catalog may finish loading after the page opened: show what it holds, but
		// never over what the user already typed or picked (a code typed during the load was
		// silently put back, and saving then wrote the old code).
		const shown = { method: this.method, codes: { ...this.codes } };
		void ws.runtime.ready.then(() => {
			this.revision++;
			const s = readFinanceSettings(this.ws.runtime.docs.catalog);
			if (this.method === shown.method) this.method = s.nextMethod ?? s.method;
			for (const role of ACCOUNT_ROLES)
				if (this.codes[role] === shown.codes[role]) this.codes[role] = s.codes[role];
		});
	}

	methodName(m: ValuationMethod): string {
		return t(`fset.method.${m}`);
	}

	/** The form shows what is in force (or pending) again. */
	reset(): void {
		const s = readFinanceSettings(this.ws.runtime.docs.catalog);
		this.method = s.nextMethod ?? s.method;
		this.codes = { ...s.codes };
	}

	saveMethod(): void {
		const method = this.method;
		const pending = this.settings.nextMethod !== null;
		const r = this.ws.run((ctx) => setValuationMethod(ctx, method));
		if (!r.ok) {
			this.methodError = errorMessage(r.error);
			return;
		}
		this.methodError = null;
		const name = this.methodName(method);
		if (r.value.effective === 'now') toast(t('fset.methodSavedNow', { method: name }));
		else if (method === this.settings.method && pending) toast(t('fset.methodCancelled'));
		else toast(t('fset.methodSavedLater', { method: name }));
	}

	saveCodes(): void {
		const codes = { ...this.codes };
		const r = this.ws.run((ctx) => setAccountCodes(ctx, codes));
		if (!r.ok) {
			this.codesError = errorMessage(r.error);
			return;
		}
		this.codesError = null;
		this.codes = { ...r.value };
		toast(t('fset.accountsSaved'));
	}

	resetCodes(): void {
		this.codes = { ...this.settings.defaults };
	}

	destroy(): void {
		this.stop();
	}
}

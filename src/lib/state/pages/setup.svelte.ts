// View model of the first-run setup (/setup): the first admin names the company, adds its
// warehouses, its first items (or imports them through the items import), invites colleagues,
// and finishes, which tells the relay the setup is done. Each step reuses the forms of the
// pages that own the data (warehouses, items, people), so the same rules apply.

import { errorMessage, t } from '../../i18n';
import { peopleApi, type PeopleApi } from '../../sync/people-api';
import { company, rememberCompany } from '../session-company.svelte';
import type { WorkspaceState } from '../workspace.svelte';
import { ItemFormModel } from './item-form.svelte';
import { PeoplePageModel, type ShownInvite } from './people.svelte';
import type { SaveResult } from './save-result';
import { WarehouseFormModel } from './warehouses.svelte';

export const SETUP_STEPS = ['company', 'warehouses', 'items', 'invite'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

const COMPANY_NAME_MAX = 80;

export class SetupModel {
	readonly isAdmin: boolean;
	readonly steps = SETUP_STEPS;
	step = $state<SetupStep>('company');
	companyName = $state(company.name ?? '');
	companyError = $state<string | null>(null);
	busy = $state(false);
	readonly warehouseForm: WarehouseFormModel;
	readonly itemForm: ItemFormModel;
	readonly people: PeoplePageModel;
	/** Every invitation made during the setup, newest first. */
	invites = $state.raw<ShownInvite[]>([]);
	private readonly api: PeopleApi;

	constructor(
		private readonly ws: WorkspaceState,
		api?: PeopleApi
	) {
		this.isAdmin = ws.session.role === 'admin';
		this.api =
			api ??
			peopleApi({
				origin: typeof location === 'undefined' ? '' : location.origin,
				token: ws.session.token
			});
		this.warehouseForm = new WarehouseFormModel(ws);
		this.warehouseForm.start(null);
		this.itemForm = new ItemFormModel(ws);
		this.itemForm.open(null);
		this.people = new PeoplePageModel(ws, this.api);
	}

	get warehouses() {
		return this.ws.warehouses;
	}

	get items() {
		return this.ws.items;
	}

	get stepIndex(): number {
		return SETUP_STEPS.indexOf(this.step);
	}

	/** A step can be left forward once what it needs exists (a name, at least one warehouse). */
	get canContinue(): boolean {
		if (this.step === 'warehouses') return this.ws.warehouses.length > 0;
		return true;
	}

	/** Loads the current company name (a setup resumed after a reload). */
	async load(): Promise<void> {
		try {
			const profile = await this.api.profile();
			rememberCompany(profile);
			if (profile.name && !this.companyName) this.companyName = profile.name;
		} catch {
			// Offline: the step says so when saving.
		}
	}

	async saveCompany(): Promise<SaveResult> {
		const name = this.companyName.trim();
		if (name === '') {
			this.companyError = t('validation.required');
			return { ok: false, message: null };
		}
		if (name.length > COMPANY_NAME_MAX || [...name].some((c) => c < ' ')) {
			this.companyError = t('setup.companyInvalid', { max: COMPANY_NAME_MAX });
			return { ok: false, message: null };
		}
		this.companyError = null;
		return this.act(async () => {
			rememberCompany(await this.api.updateProfile({ name }));
			this.step = 'warehouses';
			return t('setup.companySaved', { name });
		});
	}

	addWarehouse(): SaveResult {
		const result = this.warehouseForm.save();
		if (result.ok) this.warehouseForm.start(null);
		return result;
	}

	addItem(): SaveResult {
		const result = this.itemForm.save();
		if (result.ok) this.itemForm.open(null);
		return result;
	}

	async invite(): Promise<SaveResult> {
		const before = this.people.invite;
		const result = await this.people.createInvite();
		const made = this.people.invite;
		if (made && made !== before) this.invites = [made, ...this.invites];
		return result;
	}

	next(): void {
		if (!this.canContinue) return;
		const following = SETUP_STEPS[this.stepIndex + 1];
		if (following) this.step = following;
	}

	back(): void {
		const previous = SETUP_STEPS[this.stepIndex - 1];
		if (previous) this.step = previous;
	}

	/** Tells the relay the setup is done; the page then goes to the admin's department. */
	async finish(): Promise<SaveResult> {
		return this.act(async () => {
			rememberCompany(await this.api.updateProfile({ setupDone: true }));
			return t('setup.finished');
		});
	}

	private async act(action: () => Promise<string>): Promise<SaveResult> {
		if (this.busy) return { ok: false, message: null };
		this.busy = true;
		try {
			return { ok: true, message: await action() };
		} catch (err) {
			return { ok: false, message: t('setup.saveFailed', { detail: errorMessage(err) }) };
		} finally {
			this.busy = false;
		}
	}
}

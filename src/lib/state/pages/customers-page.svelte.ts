// View model of the customers page: the searchable list, the create/edit form (validated as
// the user types, saved through the customer commands) and the import from CSV or Excel.
import { normalizeCode } from '../../domain/catalog/entities';
import type { Customer, PriceLevel } from '../../domain/customers/customer';
import { customersImporter, type CustomerCsvColumn } from '../../domain/customers/customers-csv';
import {
	createCustomer,
	importCustomersCsv,
	previewCustomersCsv,
	updateCustomer
} from '../../commands/customers';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { CustomersModel } from './customers.svelte';
import { RecordHistoryModel } from './record-history.svelte';
import { TabularImport } from './tabular-import.svelte';
import { toast } from './toasts.svelte';

function blank() {
	return {
		code: '',
		name: '',
		contact: '',
		phone: '',
		email: '',
		address: '',
		creditTermsDays: 30,
		priceLevel: 'standard' as PriceLevel,
		notes: '',
		active: true
	};
}

export class CustomersPageModel {
	readonly list: CustomersModel;
	readonly importer: TabularImport<CustomerCsvColumn, Customer>;
	readonly canEdit: boolean;

	query = $state('');
	readonly shown = $derived.by(() => this.list.search(this.query));

	formOpen = $state(false);
	/** The side panel's tab when a customer is open: its fields, or its history. */
	panelTab = $state<'details' | 'history'>('details');
	readonly history: RecordHistoryModel;
	importOpen = $state(false);
	editing: Customer | null = $state.raw(null);
	form = $state(blank());
	tried = $state(false);
	serverError = $state<string | null>(null);

	constructor(private readonly ws: WorkspaceState) {
		this.list = new CustomersModel(ws);
		this.history = new RecordHistoryModel(ws, 'customer', () =>
			this.formOpen ? (this.editing?.id ?? null) : null
		);
		this.canEdit = ws.canWrite('catalog') && ws.canWriteRecord('customer');
		this.importer = new TabularImport(ws, customersImporter, {
			preview: (ctx, source) => previewCustomersCsv(ctx, source),
			commit: (ctx, preview) => importCustomersCsv(ctx, preview)
		});
	}

	readonly errors = $derived.by(() => {
		const e: { code?: string; name?: string } = {};
		const code = this.form.code.trim();
		const editingId = this.editing?.id;
		if (!code) e.code = t('validation.required');
		else if (
			this.list.list.some(
				(c) => c.id !== editingId && normalizeCode(c.code) === normalizeCode(code)
			)
		)
			e.code = t('customers.codeTaken', { code });
		if (!this.form.name.trim()) e.name = t('validation.required');
		return e;
	});

	/** The code error shows at once for a taken code, and after a save attempt when empty. */
	readonly codeError = $derived(
		this.serverError ??
			(this.tried || this.errors.code !== t('validation.required') ? this.errors.code : undefined)
	);

	edit(customer: Customer | null): void {
		this.editing = customer;
		this.panelTab = 'details';
		this.form = customer ? { ...customer } : blank();
		this.tried = false;
		this.serverError = null;
		this.formOpen = true;
	}

	save(): void {
		this.tried = true;
		if (Object.keys(this.errors).length > 0) return;
		const target = this.editing;
		const input = { ...this.form, creditTermsDays: Number(this.form.creditTermsDays) || 0 };
		const r = this.ws.run((ctx) =>
			target ? updateCustomer(ctx, target.id, input) : createCustomer(ctx, input)
		);
		if (r.ok) {
			toast(t(target ? 'customers.updated' : 'customers.created', { code: r.value.code }));
			this.formOpen = false;
		} else this.serverError = errorMessage(r.error);
	}

	openImport(): void {
		this.importer.reset();
		this.importOpen = true;
	}

	applyImport(): void {
		if (!this.importer.commit()) return;
		const result = this.importer.result;
		if (result) toast(t('customers.imported', result));
		this.importOpen = false;
	}

	close(): void {
		this.list.close();
		this.history.close();
	}
}

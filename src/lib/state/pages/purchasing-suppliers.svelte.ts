// View model of the suppliers page (合格供應商名冊): the searchable list with export, and the
// side-panel form for a supplier's header fields and its qualifications (資格證明), each
// shown with its status (valid / expiring / expired) against the policy's reminder days.

import {
	commitSupplierImport,
	previewSupplierImport
} from '../../commands/purchasing/supplier-import';
import {
	suppliersImporter,
	type SupplierColumn,
	type SupplierRow
} from '../../domain/purchasing/supplier-import';
import { TabularImport } from './tabular-import.svelte';
import { findDuplicateCodes } from '../../domain/catalog/duplicates';
import { normalizeCode } from '../../domain/catalog/entities';
import { codeProblem } from '../../domain/catalog/code';
import {
	qualificationStatus,
	type QualificationStatus
} from '../../domain/purchasing/qualification';
import type { Currency, QualificationType, Supplier } from '../../domain/purchasing/supplier';
import type { Table } from '../../domain/tabular/table';
import {
	addQualification,
	createSupplier,
	removeQualification,
	updateSupplier
} from '../../commands/purchasing/suppliers';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PurchasingData } from './purchasing-data.svelte';
import { toast } from './toasts.svelte';

function blank() {
	return {
		code: '',
		name: '',
		contactName: '',
		contactPhone: '',
		contactEmail: '',
		paymentTermsDays: '30',
		currency: 'TWD' as Currency,
		address: '',
		notes: '',
		active: true,
		blocked: false
	};
}

function blankQualification() {
	return {
		type: 'iso-9001' as QualificationType,
		name: '',
		issuedOn: '',
		expiresOn: '',
		mandatory: true
	};
}

export class SuppliersPageModel {
	readonly data: PurchasingData;
	readonly canEdit: boolean;
	query = $state('');
	formOpen = $state(false);
	editingId = $state<string | null>(null);
	form = $state(blank());
	qual = $state(blankQualification());
	tried = $state(false);
	error = $state<string | null>(null);

	readonly shown = $derived.by(() => {
		const q = this.query.trim().toLowerCase();
		const all = this.data.view.suppliers;
		return q
			? all.filter((s) =>
					[s.code, s.name, ...s.contacts.map((c) => c.name)].some((f) =>
						f.toLowerCase().includes(q)
					)
				)
			: all;
	});
	/** Suppliers sharing a code with another (two devices created it offline): to merge or rename. */
	readonly duplicateIds: string[] = $derived.by(() =>
		findDuplicateCodes(this.data.view.suppliers).flatMap((d) => d.itemIds)
	);
	readonly editing = $derived.by(() =>
		this.editingId ? this.data.supplier(this.editingId) : undefined
	);

	readonly errors = $derived.by(() => {
		const e: { code?: string; name?: string; terms?: string } = {};
		const problem = codeProblem(this.form.code);
		if (problem)
			e.code = t(problem === 'required' ? 'validation.required' : 'purchasing.codeFormat');
		else if (
			this.data.view.suppliers.some(
				(s) => s.id !== this.editingId && normalizeCode(s.code) === normalizeCode(this.form.code)
			)
		)
			e.code = t('purchasing.codeTaken', { code: this.form.code.trim() });
		if (!this.form.name.trim()) e.name = t('validation.required');
		const terms = Number(this.form.paymentTermsDays);
		if (!Number.isInteger(terms) || terms < 0 || terms > 365) e.terms = t('purchasing.termsRange');
		return e;
	});

	/** Supplier import from CSV/XLSX (a known code updates that supplier). */
	readonly importer: TabularImport<SupplierColumn, SupplierRow>;
	importOpen = $state(false);

	constructor(ws: WorkspaceState) {
		this.data = new PurchasingData(ws);
		this.canEdit = ['admin', 'purchasing'].includes(ws.role);
		this.importer = new TabularImport(ws, suppliersImporter, {
			preview: previewSupplierImport,
			commit: commitSupplierImport
		});
	}

	openImport(): void {
		this.importer.reset();
		this.importer.result = null;
		this.importOpen = true;
	}

	applyImport(): void {
		if (!this.importer.commit()) return;
		const r = this.importer.result;
		toast(
			t('purchasing.suppliersImported', { created: r?.created ?? 0, updated: r?.updated ?? 0 })
		);
		this.importOpen = false;
	}

	status(expiresOn: string): QualificationStatus {
		return qualificationStatus(
			{ expiresOn },
			this.data.today,
			this.data.view.policy.expiryWarnDays
		);
	}

	/** The worst status of a supplier's qualifications, for the list badge. */
	worst(s: Supplier): QualificationStatus | null {
		const all = s.qualifications.map((q) => this.status(q.expiresOn));
		return all.includes('expired')
			? 'expired'
			: all.includes('expiring')
				? 'expiring'
				: all.length
					? 'valid'
					: null;
	}

	edit(s: Supplier | null): void {
		this.editingId = s?.id ?? null;
		const c = s?.contacts[0];
		this.form = s
			? {
					...blank(),
					...s,
					contactName: c?.name ?? '',
					contactPhone: c?.phone ?? '',
					contactEmail: c?.email ?? '',
					paymentTermsDays: String(s.paymentTermsDays)
				}
			: blank();
		this.qual = blankQualification();
		this.tried = false;
		this.error = null;
		this.formOpen = true;
	}

	private input() {
		const f = this.form;
		return {
			code: f.code,
			name: f.name,
			contacts: f.contactName.trim()
				? [{ name: f.contactName, phone: f.contactPhone, email: f.contactEmail }]
				: [],
			paymentTermsDays: Number(f.paymentTermsDays),
			currency: f.currency,
			address: f.address,
			notes: f.notes,
			active: f.active,
			blocked: f.blocked
		};
	}

	save(): void {
		this.tried = true;
		if (Object.keys(this.errors).length > 0) return;
		const id = this.editingId;
		const r = this.data.ws.run((ctx) =>
			id ? updateSupplier(ctx, id, this.input()) : createSupplier(ctx, this.input())
		);
		if (!r.ok) {
			this.error = errorMessage(r.error);
			return;
		}
		toast(
			t(id ? 'purchasing.supplierUpdated' : 'purchasing.supplierCreated', { code: r.value.code })
		);
		this.editingId = r.value.id;
	}

	readonly qualError = $derived.by(() => {
		const q = this.qual;
		if (!q.issuedOn || !q.expiresOn) return t('purchasing.qual.datesRequired');
		if (q.expiresOn < q.issuedOn) return t('purchasing.qual.expiresBeforeIssue');
		return null;
	});

	addQualification(): void {
		const id = this.editingId;
		if (!id || this.qualError) return;
		const r = this.data.ws.run((ctx) => addQualification(ctx, id, { ...this.qual }));
		if (r.ok) this.qual = blankQualification();
		else this.error = errorMessage(r.error);
	}

	removeQualification(qualificationId: string): void {
		const id = this.editingId;
		if (!id) return;
		const r = this.data.ws.run((ctx) => removeQualification(ctx, id, qualificationId));
		if (!r.ok) this.error = errorMessage(r.error);
	}

	exportTable(): Table {
		return {
			headers: [
				t('purchasing.code'),
				t('purchasing.name'),
				t('purchasing.contact'),
				t('purchasing.phone'),
				t('purchasing.terms'),
				t('purchasing.currency'),
				t('purchasing.qualifications'),
				t('common.active')
			],
			rows: this.shown.map((s) => [
				s.code,
				s.name,
				s.contacts[0]?.name ?? '',
				s.contacts[0]?.phone ?? '',
				s.paymentTermsDays,
				s.currency,
				s.qualifications.map((q) => `${q.name || q.type} ${q.expiresOn}`).join('; '),
				s.active && !s.blocked ? t('common.yes') : t('common.no')
			])
		};
	}

	close(): void {
		this.data.close();
	}
}

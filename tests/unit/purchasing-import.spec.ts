// Supplier master data imported from a sheet: a known code updates that supplier and keeps its
// items and qualifications, a new code creates one, a refused row is left out and named, a file
// problem writes nothing; only purchasing and admin import.

import { describe, expect, it } from 'vitest';
import { purchasingView } from '../../src/lib/commands/purchasing/read';
import {
	commitSupplierImport,
	previewSupplierImport
} from '../../src/lib/commands/purchasing/supplier-import';
import { ForbiddenError } from '../../src/lib/domain/errors';
import { ImportBlockedError } from '../../src/lib/domain/tabular/problems';
import { readCsv } from '../../src/lib/domain/tabular/source';
import { device, makeWorld } from './purchasing-fixture';

describe('supplier import', () => {
	it('updates by code, keeps supplied items and certificates, creates new ones, refuses bad rows', () => {
		const w = makeWorld();
		const csv = [
			'供應商編號,供應商名稱,聯絡人,電話,付款天數,幣別',
			'sup-1,永豐紙業股份有限公司,林小姐,02-1234,60,TWD',
			'SUP-9,大同包材,王先生,,30,USD',
			'BAD CODE,壞掉,,,x,TWD'
		].join('\n');
		const preview = previewSupplierImport(w.ctx, readCsv(csv));
		expect(preview.rows.map((r) => [r.row, r.action])).toEqual([
			[2, 'update'],
			[3, 'create']
		]);
		expect(preview.errors.map((e) => [e.row, e.field, e.problem])).toEqual([
			[4, 'paymentTermsDays', 'number'],
			[4, 'code', 'codeFormat']
		]);
		expect(commitSupplierImport(w.ctx, preview)).toEqual({ created: 1, updated: 1 });
		const byCode = new Map(purchasingView(w.ctx).suppliers.map((s) => [s.code, s]));
		const old = byCode.get('sup-1') ?? byCode.get('SUP-1');
		expect(old?.name).toBe('永豐紙業股份有限公司');
		expect(old?.paymentTermsDays).toBe(60);
		expect(old?.contacts[0]).toEqual({ name: '林小姐', phone: '02-1234', email: '' });
		expect(old?.items).toHaveLength(2);
		expect(old?.qualifications).toHaveLength(1);
		expect(byCode.get('SUP-9')?.currency).toBe('USD');
	});

	it('a file without a name column writes nothing; the warehouse may not import', () => {
		const w = makeWorld();
		const before = purchasingView(w.ctx).suppliers.length;
		const preview = previewSupplierImport(w.ctx, readCsv('Code\nNEW-1\n'));
		expect(() => commitSupplierImport(w.ctx, preview)).toThrow(ImportBlockedError);
		expect(purchasingView(w.ctx).suppliers).toHaveLength(before);
		const clerk = device(w.docs, w.clock, 'tablet', 'warehouse');
		expect(() => previewSupplierImport(clerk, readCsv('Code,Name\nX,Y\n'))).toThrow(ForbiddenError);
	});
});

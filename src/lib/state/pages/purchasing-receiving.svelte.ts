// View model of receiving against a purchase order (進貨驗收) on a warehouse tablet: per line
// the accepted and rejected quantities (with a reason), lot and expiry, one put-away bin; a
// wedge scan of an item's code or barcode counts one more accepted on its line. Quantities are
// parsed with the one quantity parser; the receipt is one command.

import { isQuarantineLocation } from '../../domain/catalog/quarantine';
import { normalizeCode } from '../../domain/catalog/entities';
import { parseQuantity } from '../../domain/quantity/quantity';
import { RECEIVABLE, openQty } from '../../domain/purchasing/po-state-machine';
import type { RejectReason } from '../../domain/purchasing/purchase-order';
import { receivePurchaseOrder, type ReceiveLineInput } from '../../commands/purchasing/receiving';
import { errorMessage, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { FarStampGate } from './far-stamp-gate.svelte';
import { PurchasingData } from './purchasing-data.svelte';
import { toast } from './toasts.svelte';

/** One line's inputs (text, so an empty field is not 0). */
class LineForm {
	accepted = $state('');
	rejected = $state('');
	reason = $state<RejectReason | ''>('');
	lot = $state('');
	expiry = $state('');

	clear(): void {
		this.accepted = '';
		this.rejected = '';
		this.reason = '';
		this.lot = '';
		this.expiry = '';
	}
}

export class ReceivingModel {
	readonly data: PurchasingData;
	readonly canReceive: boolean;
	/** A receipt stopped by an event stamped far ahead; an admin may confirm it. */
	readonly far: FarStampGate;
	/**
	 * Forms by line id, made on first use while rendering. The map itself is not reactive on
	 * purpose (adding to reactive state during render is refused); each form's fields are.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly forms = new Map<string, LineForm>();
	binId = $state('');
	error = $state<string | null>(null);
	lastScan = $state<string | null>(null);

	readonly o = $derived.by(() => this.data.order(this.id()));
	readonly bins = $derived.by(() =>
		this.o
			? this.data.ws.locationsOf(this.o.po.warehouseId).filter((l) => !isQuarantineLocation(l))
			: []
	);
	/** The put-away bin shown: the one chosen, else the first of the warehouse. */
	readonly bin = $derived(this.binId || this.bins[0]?.id || '');
	/** Goods may be received against the PO in its current status. */
	readonly receivable = $derived(this.o !== undefined && RECEIVABLE.includes(this.o.fold.status));
	readonly rows = $derived.by(() => {
		const o = this.o;
		if (!o) return [];
		return o.po.lines.map((line) => {
			const s = o.fold.lines.get(line.id);
			return {
				line,
				item: this.data.ws.item(line.itemId),
				ordered: s?.ordered ?? line.qty,
				accepted: s?.accepted ?? 0,
				open: s ? openQty(s) : line.qty
			};
		});
	});

	constructor(
		ws: WorkspaceState,
		private readonly id: () => string
	) {
		this.data = new PurchasingData(ws);
		this.canReceive = ['admin', 'warehouse'].includes(ws.role);
		this.far = new FarStampGate(ws, id);
	}

	/** An admin repeats the receipt stopped by a far-ahead event. */
	confirmFarStamp(): void {
		this.far.confirm();
	}

	form(lineId: string): LineForm {
		let f = this.forms.get(lineId);
		if (!f) {
			f = new LineForm();
			this.forms.set(lineId, f);
		}
		return f;
	}

	/** A scanned item code, barcode or the supplier's part number counts one more accepted. */
	onscan(code: string): void {
		const wanted = normalizeCode(code);
		const supplier = this.o ? this.data.supplier(this.o.po.supplierId) : undefined;
		const byPartNo = supplier?.items.find(
			(s) => s.supplierPartNo !== '' && normalizeCode(s.supplierPartNo) === wanted
		)?.itemId;
		const row = this.rows.find(
			(r) =>
				r.item &&
				(normalizeCode(r.item.code) === wanted ||
					r.item.id === byPartNo ||
					(r.item.barcode !== '' && r.item.barcode === code.trim()))
		);
		if (!row) {
			this.lastScan = t('purchasing.scanUnknown', { code });
			return;
		}
		const f = this.form(row.line.id);
		const now = parseQuantity(f.accepted || '0');
		f.accepted = String((now.ok ? now.qty : 0) + 1);
		this.lastScan = t('purchasing.scanned', { item: row.item?.code ?? '', qty: f.accepted });
	}

	submit(): void {
		const lines: ReceiveLineInput[] = [];
		for (const r of this.rows) {
			const f = this.forms.get(r.line.id);
			if (!f || (!f.accepted.trim() && !f.rejected.trim())) continue;
			const accepted = f.accepted.trim()
				? parseQuantity(f.accepted)
				: { ok: true as const, qty: 0 };
			const rejected = f.rejected.trim()
				? parseQuantity(f.rejected)
				: { ok: true as const, qty: 0 };
			if (!accepted.ok || !rejected.ok) {
				this.error = t('purchasing.qtyInvalid', { item: r.item?.code ?? '' });
				return;
			}
			if (rejected.qty > 0 && !f.reason) {
				this.error = t('purchasing.rejectReasonRequired', { item: r.item?.code ?? '' });
				return;
			}
			if (r.item?.lotTracked && !f.lot.trim()) {
				this.error = t('purchasing.lotRequired', { item: r.item.code });
				return;
			}
			lines.push({
				lineId: r.line.id,
				accepted: accepted.qty,
				rejected: rejected.qty,
				rejectReason: f.reason || undefined,
				lot: f.lot.trim(),
				expiry: f.expiry,
				locationId: this.bin
			});
		}
		if (lines.length === 0) {
			this.error = t('purchasing.nothingToReceive');
			return;
		}
		const receivedOn = this.data.today;
		const r = this.far.run(
			(ctx) => receivePurchaseOrder(ctx, this.id(), { receivedOn, lines }),
			() => this.submit()
		);
		if (r.ok) {
			toast(t('purchasing.receivedToast', { count: r.value.movements.length }));
			for (const f of this.forms.values()) f.clear();
			this.error = null;
		} else this.error = this.far.stopped?.mayConfirm ? null : errorMessage(r.error);
	}

	close(): void {
		this.data.close();
	}
}

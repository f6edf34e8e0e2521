// View model of one purchase order: lines with ordered / received / accepted / rejected /
// quarantined / open quantities and flags, the approval decision (with its reason when the
// rule says no) before anyone presses the button, approve / send / cancel (with a reason) /
// close, quarantine dispositions and over-receipt resolutions, and the event history.

import { decideApproval, type ApprovalRefusal } from '../../domain/purchasing/approval';
import {
	lineFlags,
	nextPoStatus,
	openQty,
	quarantinedQty,
	unresolvedExcess
} from '../../domain/purchasing/po-state-machine';
import { poTotals } from '../../domain/purchasing/purchase-order';
import {
	approvePurchaseOrder,
	cancelPurchaseOrder,
	closePurchaseOrder,
	sendPurchaseOrder
} from '../../commands/purchasing/purchase-orders';
import { ApprovalRefusedError } from '../../commands/purchasing/errors';
import { disposeRejected, resolveOverReceipt } from '../../commands/purchasing/dispositions';
import { errorMessage, fmtMoney, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { FarStampGate } from './far-stamp-gate.svelte';
import { PurchasingData } from './purchasing-data.svelte';
import { toast } from './toasts.svelte';

export function refusalText(r: ApprovalRefusal): string {
	switch (r.code) {
		case 'role':
			return t('purchasing.refusal.role', { role: t(`role.${r.role}`) });
		case 'amount':
			return t('purchasing.refusal.amount', {
				limit: fmtMoney(r.limitCents),
				amount: fmtMoney(r.amountCents)
			});
		case 'supplier-blocked':
			return t('purchasing.refusal.blocked');
		case 'qualification-expired':
			return t('purchasing.refusal.qualification', { name: r.qualification, date: r.expiresOn });
	}
}

export class OrderDetailModel {
	readonly data: PurchasingData;
	readonly canBuy: boolean;
	readonly canReceive: boolean;
	/** An action stopped by an event stamped far ahead; an admin may confirm it. */
	readonly far: FarStampGate;
	cancelReason = $state('');
	error = $state<string | null>(null);

	readonly o = $derived.by(() => this.data.order(this.id()));
	readonly totals = $derived.by(() => (this.o ? poTotals(this.o.po.lines) : null));
	readonly rows = $derived.by(() => {
		const o = this.o;
		if (!o) return [];
		return o.po.lines.map((line) => {
			const s = o.fold.lines.get(line.id);
			return {
				line,
				state: s,
				open: s ? openQty(s) : 0,
				quarantined: s ? quarantinedQty(s) : 0,
				excess: s ? unresolvedExcess(s, o.po.overReceiptTolerancePct) : 0,
				flags: s ? lineFlags(s, o.po.overReceiptTolerancePct) : []
			};
		});
	});
	/** Why approval would be refused right now, or null when the rule allows it. */
	readonly refusal = $derived.by(() => {
		const o = this.o;
		const supplier = o ? this.data.supplier(o.po.supplierId) : undefined;
		if (!o || !supplier || o.fold.status !== 'draft') return null;
		const d = decideApproval({
			role: this.data.ws.role,
			amountCents: poTotals(o.po.lines).netCents,
			currency: o.po.currency,
			supplier,
			today: this.data.today,
			policy: this.data.view.policy
		});
		return d.ok ? null : refusalText(d.refusal);
	});

	constructor(
		ws: WorkspaceState,
		private readonly id: () => string
	) {
		this.data = new PurchasingData(ws);
		this.far = new FarStampGate(ws, id);
		this.canBuy = ['admin', 'purchasing'].includes(ws.role);
		this.canReceive = ['admin', 'warehouse'].includes(ws.role);
	}

	can(type: 'approve' | 'send' | 'cancel' | 'close'): boolean {
		return this.o !== undefined && this.canBuy && nextPoStatus(this.o.fold.status, type) !== null;
	}

	private done(r: { ok: true } | { ok: false; error: unknown }, message: string): void {
		if (r.ok) {
			toast(message);
			this.error = null;
		} else if (r.error instanceof ApprovalRefusedError) this.error = refusalText(r.error.refusal);
		// An admin stopped by a far-ahead event gets the confirm step instead (FarEventNotice).
		else if (this.far.stopped?.mayConfirm) this.error = null;
		else this.error = errorMessage(r.error);
	}

	approve(): void {
		this.done(
			this.far.run(
				(ctx) => approvePurchaseOrder(ctx, this.id(), { today: this.data.today }),
				() => this.approve()
			),
			t('purchasing.approved')
		);
	}

	send(): void {
		this.done(
			this.far.run(
				(ctx) => sendPurchaseOrder(ctx, this.id()),
				() => this.send()
			),
			t('purchasing.sent')
		);
	}

	cancel(): void {
		if (!this.cancelReason.trim()) {
			this.error = t('purchasing.reasonRequired');
			return;
		}
		this.done(
			this.far.run(
				(ctx) => cancelPurchaseOrder(ctx, this.id(), this.cancelReason),
				() => this.cancel()
			),
			t('purchasing.cancelled')
		);
	}

	close(): void {
		this.done(
			this.far.run(
				(ctx) => closePurchaseOrder(ctx, this.id()),
				() => this.close()
			),
			t('purchasing.closed')
		);
	}

	dispose(lineId: string, kind: 'return-to-supplier' | 'concession', qty: number): void {
		this.done(
			this.far.run(
				(ctx) => disposeRejected(ctx, this.id(), { lineId, kind, qty }),
				() => this.dispose(lineId, kind, qty)
			),
			t(`purchasing.disposed.${kind}`)
		);
	}

	resolve(lineId: string, kind: 'return-excess' | 'accept-excess'): void {
		this.done(
			this.far.run(
				(ctx) => resolveOverReceipt(ctx, this.id(), { lineId, kind }),
				() => this.resolve(lineId, kind)
			),
			t(`purchasing.resolved.${kind}`)
		);
	}

	/** An admin repeats the action stopped by a far-ahead event. */
	confirmFarStamp(): void {
		this.far.confirm();
	}

	destroy(): void {
		this.data.close();
	}
}

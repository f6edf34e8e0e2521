// View model of a purchase order's landed costs (到岸成本): its receipts with the accepted goods
// at cost, the charges recorded on each with their spread, and the form that records one more
// (receipt, kind, amount in base currency, by value or quantity, note) with a preview of how
// the books will spread it. A charge is an event on the order: after one stamped far ahead an
// admin confirms it (FarStampGate), anyone else is told an administrator must.

import {
	chargeableReceipts,
	previewCharge,
	recordLandedCharge,
	voidLandedCharge,
	type ChargeableReceipt,
	type LandedBasis
} from '../../commands/purchasing/landed-costs';
import { parseMoneyToCents } from '../../domain/money/money';
import {
	LANDED_CHARGE_BASES,
	LANDED_CHARGE_KINDS,
	type LandedChargeKind
} from '../../domain/purchasing/purchase-order';
import { errorMessage, fmtMoney, fmtNumber, t } from '../../i18n';
import type { RunResult, WorkspaceState } from '../workspace.svelte';
import { FarStampGate } from './far-stamp-gate.svelte';
import { toast } from './toasts.svelte';

export interface GoodsRow {
	movementId: string;
	item: string;
	qty: string;
	unitCost: string;
	goodsValue: string;
	/** Charges already on the row, in cents (summed over the receipt's charges). */
	charged: string;
	/** Unit cost with every charge (and the previewed one). */
	landedUnitCost: string;
	/** The previewed share of the charge being typed ('' when none). */
	preview: string;
}

export class LandedCostsModel {
	readonly canRecord: boolean;
	/** Recording or voiding stopped by an event stamped far ahead; an admin may confirm it. */
	readonly far: FarStampGate;
	readonly kinds = LANDED_CHARGE_KINDS;
	readonly bases = LANDED_CHARGE_BASES;
	receiptId = $state('');
	kind = $state<LandedChargeKind>('freight');
	amount = $state('');
	basis = $state<LandedBasis>('value');
	note = $state('');
	error = $state<string | null>(null);
	/** The charge whose void is being confirmed (with its reason). */
	voiding = $state<string | null>(null);
	voidReason = $state('');

	readonly receipts: ChargeableReceipt[] = $derived.by(() => {
		void this.ws.docRevision.orders;
		void this.ws.balances;
		try {
			return chargeableReceipts({ docs: this.ws.runtime.docs }, this.poId());
		} catch {
			return [];
		}
	});

	/** The receipt the form charges: the one picked, else the latest. */
	readonly selected = $derived.by(
		() => this.receipts.find((r) => r.eventId === this.receiptId) ?? this.receipts.at(-1)
	);

	readonly amountCents = $derived.by(() => {
		const cents = this.amount.trim() === '' ? null : parseMoneyToCents(this.amount);
		return cents !== null && cents > 0 ? cents : null;
	});

	constructor(
		readonly ws: WorkspaceState,
		private readonly poId: () => string,
		private readonly itemLabel: (id: string) => string
	) {
		this.canRecord = ['admin', 'purchasing'].includes(ws.role);
		this.far = new FarStampGate(ws, poId);
	}

	/** The error to show for a refused action: none for an admin offered the confirm step. */
	private refused(result: RunResult<unknown>): boolean {
		if (result.ok) return false;
		this.error = this.far.stopped?.mayConfirm ? null : errorMessage(result.error);
		return true;
	}

	/** An admin repeats the action stopped by a far-ahead event. */
	confirmFarStamp(): void {
		this.far.confirm();
	}

	receiptLabel(r: ChargeableReceipt): string {
		return t('landed.receipt', { date: r.receivedOn });
	}

	/** The goods of a receipt with what is charged on them and, for the form's receipt, the preview. */
	rows(r: ChargeableReceipt): GoodsRow[] {
		const previewing = this.canRecord && r === this.selected && this.amountCents !== null;
		const preview = previewing ? previewCharge(r, this.amountCents ?? 0, this.basis) : [];
		return r.goods.map((g, i) => {
			const charged = r.charges.reduce((s, c) => s + (c.voided ? 0 : (c.shares[i] ?? 0)), 0);
			const extra = preview[i] ?? 0;
			const goodsCents = Math.round(g.qty * g.unitCostCents);
			return {
				movementId: g.movementId,
				item: this.itemLabel(g.itemId),
				qty: fmtNumber(g.qty),
				unitCost: fmtMoney(g.unitCostCents),
				goodsValue: fmtMoney(goodsCents),
				charged: fmtMoney(charged),
				landedUnitCost: fmtMoney(Math.round((goodsCents + charged + extra) / g.qty)),
				preview: previewing ? fmtMoney(extra) : ''
			};
		});
	}

	chargedTotal(r: ChargeableReceipt): string {
		return fmtMoney(r.charges.reduce((s, c) => s + (c.voided ? 0 : c.amountCents), 0));
	}

	startVoid(chargeEventId: string): void {
		this.voiding = chargeEventId;
		this.voidReason = '';
		this.error = null;
	}

	confirmVoid(): void {
		const chargeEventId = this.voiding;
		if (!chargeEventId) return;
		const reason = this.voidReason;
		const result = this.far.run(
			(ctx) => voidLandedCharge(ctx, this.poId(), { chargeEventId, reason }),
			() => this.confirmVoid()
		);
		if (this.refused(result)) return;
		toast(t('landed.voided'));
		this.error = null;
		this.voiding = null;
	}

	record(): void {
		const r = this.selected;
		if (!r) return;
		if (this.amountCents === null) {
			this.error = t('landed.amountInvalid');
			return;
		}
		const amountCents = this.amountCents;
		const input = {
			receiptEventId: r.eventId,
			kind: this.kind,
			amountCents,
			basis: this.basis,
			note: this.note
		};
		const result = this.far.run(
			(ctx) => recordLandedCharge(ctx, this.poId(), input),
			() => this.record()
		);
		if (this.refused(result)) return;
		toast(
			t('landed.added', { kind: t(`landed.kind.${this.kind}`), amount: fmtMoney(amountCents) })
		);
		this.error = null;
		this.amount = '';
		this.note = '';
	}
}

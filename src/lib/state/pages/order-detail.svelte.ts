// View model of one order's detail on the board: which actions its status and the user's
// rights allow, the form that is open (ship, deliver, return, feedback, close short, the
// oversell question) with what was typed into each, and the order commands run through the
// workspace. The panel turns each result into a toast.

import type { Board, BoardOrder } from '../../domain/orders/board';
import { OversellError, type StockflowError } from '../../domain/errors';
import type { OrderEventType } from '../../domain/orders/order';
import { canAppendEvent } from '../../domain/auth/field-rights';
import { canCloseShort, nextStatus, type OrderStatus } from '../../domain/orders/state-machine';
import { quantityOrNull } from '../../domain/quantity/quantity';
import { resolveOverAllocation, RESOLUTIONS, type Resolution } from '../../commands/orders/resolve';
import { returnOrder } from '../../commands/orders/returns';
import {
	pickListFor,
	shipOrder,
	shippableQty,
	type PickListLine,
	type ShipInput,
	type ShipLine
} from '../../commands/orders/shipping';
import {
	cancelOrder,
	closeOrderShort,
	confirmOrder,
	deliverOrder,
	packOrder,
	recordFeedback,
	startPicking
} from '../../commands/orders/transitions';
import { t } from '../../i18n';
import { deviceLabel } from '../device-label';
import type { WorkspaceState } from '../workspace.svelte';
import { FarStampGate } from './far-stamp-gate.svelte';
import type {
	ActionResult,
	DeliverDraft,
	DetailMode,
	FeedbackDraft,
	ReturnDraft,
	ShipDraft,
	Transition
} from './order-detail-types';

export { RESOLUTIONS, type PickListLine, type Resolution, type ShipInput, type ShipLine };

export type {
	ActionResult,
	DeliverDraft,
	DetailMode,
	FeedbackDraft,
	ReturnDraft,
	ShipDraft,
	Transition
} from './order-detail-types';

/** Statuses after the first shipment: returns and feedback are possible. */
const AFTER_SHIPPING: readonly OrderStatus[] = [
	'partially-shipped',
	'shipped',
	'delivered',
	'closed-short'
];

export class OrderDetailModel {
	mode = $state<DetailMode | null>(null);
	/** Bumped on every open: a reopened form is remounted, so ship quantities, the return line
	 * and the close-short reason start afresh (the drafts below are kept). */
	opened = $state(0);
	oversell = $state<OversellError | null>(null);
	// What was typed outlives a cancelled form (reopening shows it again). After a shipment the
	// carrier stays (the next parcel usually goes the same way) but the tracking number does
	// not: every parcel has its own.
	shipDraft = $state<ShipDraft>({ carrier: '', tracking: '' });
	deliverDraft = $state<DeliverDraft>({ signedBy: '', signedAt: '' });
	returnDraft = $state<ReturnDraft>({ qty: '1', reason: 'damaged', restock: true });
	feedbackDraft = $state<FeedbackDraft>({ rating: 5, comment: '' });

	private readonly ws: WorkspaceState;
	private readonly current: () => { bo: BoardOrder; board: Board };
	/** An action stopped by an event stamped far ahead; an admin may confirm it. */
	readonly far: FarStampGate;

	readonly canOrders: boolean;
	readonly canStock: boolean;

	readonly bo: BoardOrder = $derived.by(() => this.current().bo);
	readonly status: OrderStatus = $derived(this.bo.fold.status);
	readonly closable: boolean = $derived(
		canCloseShort(this.status, this.bo.order.lines, this.bo.fold.lines)
	);
	readonly afterShipping: boolean = $derived(AFTER_SHIPPING.includes(this.status));
	readonly warehouseLabel: string = $derived.by(() => {
		const w = this.ws.warehouse(this.bo.order.warehouseId);
		return w ? `${w.code} ${w.name}` : this.bo.order.warehouseId;
	});

	constructor(ws: WorkspaceState, current: () => { bo: BoardOrder; board: Board }) {
		this.ws = ws;
		this.current = current;
		this.far = new FarStampGate(ws, () => this.current().bo.order.id);
		this.canOrders = ws.canWrite('orders');
		this.canStock = ws.canWrite('ledger');
	}

	can(type: Transition): boolean {
		return nextStatus(this.status, type) !== null && this.mayAppend(type);
	}

	/**
	 * May this role append the event (domain/auth/field-rights.ts, as the relay checks): the
	 * warehouse picks, packs, ships, delivers and takes returns; the rest is sales'.
	 */
	mayAppend(type: OrderEventType): boolean {
		return canAppendEvent(this.ws.role, 'salesOrder', type);
	}

	/** May this role edit a draft (a sales order's own fields). */
	get mayEdit(): boolean {
		return this.ws.canWriteRecord('salesOrder');
	}

	/** Whether this user's rights allow an over-allocation fix. */
	mayResolve(how: Resolution): boolean {
		return this.canOrders && (this.canStock || how === 'backorder' || how === 'cancel');
	}

	/** A device's sign-in name for the history, never its clock id. */
	deviceLabel = (deviceId: string): string => deviceLabel(deviceId);

	itemLabel = (itemId: string): string => {
		const item = this.ws.item(itemId);
		return item ? `${item.code} ${item.name}` : itemId;
	};

	locationLabel = (id: string): string =>
		id ? (this.ws.location(id)?.code ?? id) : t('orders.noBin');

	/** ATP of an item in the order's warehouse (other orders' reservations deducted). */
	available = (itemId: string): number =>
		this.current().board.atp.of(itemId, this.bo.order.warehouseId).available;

	/** Quantity per unshipped line that can ship now, as the ship form's starting values. */
	shippable(): ShipLine[] {
		return shippableQty(this.bo, this.available);
	}

	/** Bins and lots to pick `lines` from (a read: it changes nothing). */
	pickList = (lines: readonly ShipLine[]): PickListLine[] =>
		pickListFor(this.ws.runtime.context(), this.bo, lines);

	open(mode: DetailMode): void {
		this.mode = mode;
		this.opened += 1;
	}

	cancelForm = (): void => {
		this.mode = null;
	};

	/** Confirms; an oversell opens the back-order question instead of failing. */
	confirm(backorder = false): ActionResult {
		const id = this.bo.order.id;
		const r = this.far.run(
			(ctx) => confirmOrder(ctx, id, { backorder }),
			() => this.confirm(backorder)
		);
		if (!r.ok && r.error instanceof OversellError) {
			this.oversell = r.error;
			this.open('oversell');
			return { ok: false, error: null };
		}
		return this.finish(r);
	}

	resolve(how: Resolution): ActionResult {
		const id = this.bo.order.id;
		const r = this.far.run(
			(ctx) => resolveOverAllocation(ctx, id, how),
			() => this.resolve(how)
		);
		return r.ok ? { ok: true } : { ok: false, error: r.error };
	}

	startPicking(): ActionResult {
		const id = this.bo.order.id;
		return this.finish(
			this.far.run(
				(ctx) => startPicking(ctx, id),
				() => this.startPicking()
			)
		);
	}

	pack(): ActionResult {
		const id = this.bo.order.id;
		return this.finish(
			this.far.run(
				(ctx) => packOrder(ctx, id),
				() => this.pack()
			)
		);
	}

	cancel(): ActionResult {
		const id = this.bo.order.id;
		return this.finish(
			this.far.run(
				(ctx) => cancelOrder(ctx, id),
				() => this.cancel()
			)
		);
	}

	ship(lines: ShipLine[]): ActionResult {
		const id = this.bo.order.id;
		const input: ShipInput = {
			lines,
			carrier: this.shipDraft.carrier,
			tracking: this.shipDraft.tracking
		};
		const r = this.finish(
			this.far.run(
				(ctx) => shipOrder(ctx, id, input),
				() => this.ship(lines)
			)
		);
		if (r.ok) this.shipDraft.tracking = '';
		return r;
	}

	closeShort(reason: string): ActionResult {
		const id = this.bo.order.id;
		return this.finish(
			this.far.run(
				(ctx) => closeOrderShort(ctx, id, reason),
				() => this.closeShort(reason)
			)
		);
	}

	deliver(): ActionResult {
		const id = this.bo.order.id;
		const input = {
			signedBy: this.deliverDraft.signedBy.trim(),
			// Stored as local "YYYY-MM-DD HH:mm", or '' when not given.
			signedAt: this.deliverDraft.signedAt.replace('T', ' ')
		};
		return this.finish(
			this.far.run(
				(ctx) => deliverOrder(ctx, id, input),
				() => this.deliver()
			)
		);
	}

	/** Whether the return form's quantity is a positive number. */
	returnQtyValid(): boolean {
		const qty = quantityOrNull(this.returnDraft.qty);
		return qty !== null && qty > 0;
	}

	/** Returns the draft's quantity of one line (the first when none is chosen). */
	returnLine(chosenLineId: string): ActionResult {
		const id = this.bo.order.id;
		const qty = quantityOrNull(this.returnDraft.qty) ?? 0;
		const { reason, restock } = this.returnDraft;
		const lineId = chosenLineId || (this.bo.order.lines[0]?.id ?? '');
		return this.finish(
			this.far.run(
				(ctx) => returnOrder(ctx, id, [{ lineId, qty, reason, restock }]),
				() => this.returnLine(chosenLineId)
			)
		);
	}

	feedback(): ActionResult {
		const id = this.bo.order.id;
		const input = { rating: this.feedbackDraft.rating, comment: this.feedbackDraft.comment };
		return this.finish(
			this.far.run(
				(ctx) => recordFeedback(ctx, id, input),
				() => this.feedback()
			)
		);
	}

	/** An admin repeats the action stopped by a far-ahead event (the panel reports it). */
	confirmFarStamp(): ActionResult | undefined {
		return this.far.confirm<ActionResult>();
	}

	private finish(r: { ok: true } | { ok: false; error: StockflowError }): ActionResult {
		if (!r.ok) return { ok: false, error: r.error };
		this.mode = null;
		return { ok: true };
	}
}

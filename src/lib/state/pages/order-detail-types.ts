// The order detail panel's shapes: which form is open, what a button's transition is, the
// result the panel turns into a toast, and what was typed into each form (order-detail.svelte.ts).

import type { StockflowError } from '../../domain/errors';
import type { ReturnReason } from '../../domain/orders/order';

export type DetailMode = 'ship' | 'deliver' | 'return' | 'feedback' | 'oversell' | 'close-short';

/** The transitions a button runs directly, without a form. */
export type Transition = 'confirm' | 'start-picking' | 'pack' | 'ship' | 'deliver' | 'cancel';

/** ok: the order changed; error null: nothing to report (a form opened instead). */
export type ActionResult = { ok: true } | { ok: false; error: StockflowError | null };

export interface ShipDraft {
	carrier: string;
	tracking: string;
}

export interface DeliverDraft {
	signedBy: string;
	/** As the datetime-local input gives it: "YYYY-MM-DDTHH:mm", or ''. */
	signedAt: string;
}

export interface ReturnDraft {
	/** As typed; parsed with the quantity parser on submit. */
	qty: string;
	reason: ReturnReason;
	/** true: back into stock; false: scrapped. */
	restock: boolean;
}

export interface FeedbackDraft {
	rating: number;
	comment: string;
}

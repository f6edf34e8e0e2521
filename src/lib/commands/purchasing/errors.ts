// Purchasing refusals the UI can explain. They reuse the shared error codes (the page maps
// the approval refusal's own reason to words).

import type { ApprovalRefusal } from '../../domain/purchasing/approval';
import { StockflowError } from '../../domain/errors';

export class UnknownSupplierError extends StockflowError {
	constructor(supplierId: string) {
		super('invalid-field', `Unknown supplier ${supplierId}`, {
			field: 'supplierId',
			reason: 'unknown'
		});
	}
}

export class DuplicateSupplierCodeError extends StockflowError {
	constructor(code: string) {
		super('invalid-field', `Supplier code ${code} is already in use`, {
			field: 'code',
			reason: 'duplicate',
			code
		});
	}
}

export class UnknownPurchaseOrderError extends StockflowError {
	constructor(poId: string) {
		super('unknown-order', `Unknown purchase order ${poId}`, { orderId: poId });
	}
}

/** The approval rule said no; `refusal` says why (role, amount, blocked, expired qualification). */
export class ApprovalRefusedError extends StockflowError {
	constructor(readonly refusal: ApprovalRefusal) {
		super('forbidden', `Approval refused: ${refusal.code}`, {
			role: '',
			action: `approve (${refusal.code})`
		});
	}
}

/** Receiving more than the line's open quantity plus the tolerance on this device. */
export class OverReceiptError extends StockflowError {
	constructor(
		readonly lineId: string,
		readonly allowed: number
	) {
		super('invalid-field', `At most ${allowed} more may be received on this line`, {
			field: 'accepted',
			reason: 'over-receipt',
			allowed
		});
	}
}

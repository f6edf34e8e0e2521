// Errors by kind: every failure the UI or CLI can explain carries a stable `code`
// that i18n maps to a translated message. Never throw strings.

export const ERROR_CODES = [
	'unknown-item',
	'unknown-warehouse',
	'unknown-location',
	'non-positive-quantity',
	'unit-mismatch',
	'duplicate-sku-code',
	'duplicate-warehouse-code',
	'duplicate-location-code',
	'insufficient-stock',
	'invalid-field',
	'invalid-csv',
	'forbidden',
	'invalid-document-value',
	// Sales orders (issue 5)
	'oversell',
	'unknown-order',
	'invalid-transition',
	'unknown-customer',
	'duplicate-customer-code',
	// Stocktakes (issue 6)
	'unknown-count',
	'count-status',
	// Transfers between warehouses (issue 6)
	'unknown-transfer',
	'transfer-status',
	// Period close (issue 4)
	'opening-missing',
	'period-closed',
	'period-close-blocked',
	// Schema evolution (issue 13)
	'newer-schema',
	// Input that is checked (issue 14)
	'lot-required',
	'expiry-required',
	'zero-cost-unconfirmed',
	'fractional-quantity',
	// Time you can trust (issue 15)
	'far-stamp',
	'not-repairable',
	'already-repaired',
	'reentry-time'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class StockflowError extends Error {
	readonly code: ErrorCode;
	/** Values for the translated message template, e.g. `{ sku: 'A-100' }`. */
	readonly params: Record<string, string | number>;

	constructor(code: ErrorCode, message: string, params: Record<string, string | number> = {}) {
		super(message);
		this.name = new.target.name;
		this.code = code;
		this.params = params;
	}
}

export class UnknownItemError extends StockflowError {
	constructor(itemId: string) {
		super('unknown-item', `Unknown item ${itemId}`, { itemId });
	}
}

export class UnknownWarehouseError extends StockflowError {
	constructor(warehouseId: string) {
		super('unknown-warehouse', `Unknown warehouse ${warehouseId}`, { warehouseId });
	}
}

export class UnknownLocationError extends StockflowError {
	constructor(locationId: string) {
		super('unknown-location', `Unknown location ${locationId}`, { locationId });
	}
}

export class NonPositiveQuantityError extends StockflowError {
	constructor(qty: number) {
		super('non-positive-quantity', `Quantity must be greater than zero (got ${qty})`, { qty });
	}
}

export class UnitMismatchError extends StockflowError {
	constructor(expected: string, got: string) {
		super('unit-mismatch', `Unit ${got} does not match the item's base unit ${expected}`, {
			expected,
			got
		});
	}
}

export class DuplicateCodeError extends StockflowError {
	constructor(
		kind: 'duplicate-sku-code' | 'duplicate-warehouse-code' | 'duplicate-location-code',
		code: string
	) {
		super(kind, `Code ${code} is already in use`, { code });
	}
}

export class InsufficientStockError extends StockflowError {
	constructor(itemId: string, available: number, requested: number) {
		super(
			'insufficient-stock',
			`Only ${available} available for ${itemId}, ${requested} requested`,
			{ itemId, available, requested }
		);
	}
}

/**
 * `reason` is for logs and the CLI (English); the UI translates `rule` (a closed kind, with
 * `limit` where it applies) and names the field by `entity` + `field` (item.name → 品名).
 */
export class InvalidFieldError extends StockflowError {
	constructor(field: string, reason: string, detail: Record<string, string | number> = {}) {
		super('invalid-field', `${field}: ${reason}`, { field, reason, ...detail });
	}
}

export class ForbiddenError extends StockflowError {
	constructor(role: string, action: string) {
		super('forbidden', `Role ${role} may not ${action}`, { role, action });
	}
}

// Sales orders (issue 5)

/** Confirming more than is available to promise; the UI offers to back-order the rest. */
export class OversellError extends StockflowError {
	readonly shortages: readonly {
		lineId: string;
		itemId: string;
		requested: number;
		available: number;
	}[];

	constructor(
		shortages: readonly { lineId: string; itemId: string; requested: number; available: number }[]
	) {
		const first = shortages[0];
		super(
			'oversell',
			`Only ${first?.available ?? 0} available, ${first?.requested ?? 0} requested`,
			{
				itemId: first?.itemId ?? '',
				available: first?.available ?? 0,
				requested: first?.requested ?? 0,
				lines: shortages.length
			}
		);
		this.shortages = shortages;
	}
}

export class UnknownOrderError extends StockflowError {
	constructor(orderId: string) {
		super('unknown-order', `Unknown order ${orderId}`, { orderId });
	}
}

export class InvalidTransitionError extends StockflowError {
	constructor(status: string, action: string) {
		super('invalid-transition', `Cannot ${action} an order that is ${status}`, { status, action });
	}
}

export class UnknownCustomerError extends StockflowError {
	constructor(customerId: string) {
		super('unknown-customer', `Unknown customer ${customerId}`, { customerId });
	}
}

export class DuplicateCustomerCodeError extends StockflowError {
	constructor(code: string) {
		super('duplicate-customer-code', `Customer code ${code} is already in use`, { code });
	}
}

// Period close (issue 4)

/** A period is closed but the base month's opening balances have not synced yet. */
export class OpeningMissingError extends StockflowError {
	constructor(month: string) {
		super('opening-missing', `Opening balances of ${month} have not arrived yet`, { month });
	}
}

/** The document's stamps fall in a closed period, which takes no more postings. */
export class PeriodClosedError extends StockflowError {
	constructor(month: string) {
		super('period-closed', `${month} is closed`, { month });
	}
}

/** A month cannot be closed yet; `reason` says why (see commands/period-close.ts). */
export class PeriodCloseBlockedError extends StockflowError {
	constructor(month: string, reason: string) {
		super('period-close-blocked', `${month} cannot be closed: ${reason}`, { month, reason });
	}
}

// Input that is checked (issue 14)

/** A receipt of a lot-tracked item names no lot. */
export class LotRequiredError extends StockflowError {
	constructor(itemCode: string) {
		super('lot-required', `${itemCode} is lot-tracked: a lot is required`, { code: itemCode });
	}
}

/** A receipt of an item with a shelf life gives no expiry date. */
export class ExpiryRequiredError extends StockflowError {
	constructor(itemCode: string) {
		super('expiry-required', `${itemCode} has a shelf life: an expiry is required`, {
			code: itemCode
		});
	}
}

/** A receipt at zero unit cost that the user did not confirm. */
export class ZeroCostUnconfirmedError extends StockflowError {
	constructor(itemCode: string) {
		super('zero-cost-unconfirmed', `${itemCode} received at zero cost without confirmation`, {
			code: itemCode
		});
	}
}

/** A fractional quantity of a unit counted in whole numbers (2.5 boxes). */
export class FractionalQuantityError extends StockflowError {
	constructor(unit: string, qty: number, decimals: number) {
		super('fractional-quantity', `${qty} ${unit}: at most ${decimals} decimals`, {
			unit,
			qty,
			decimals
		});
	}
}

/**
 * Entries stamped far from the relay's time (a wrong device clock) bear on this approval; only
 * an admin may go ahead, and only after confirming (domain/stocktake/far-stamps.ts).
 */
export class FarStampError extends StockflowError {
	constructor(
		readonly entries: number,
		readonly mayConfirm: boolean
	) {
		super('far-stamp', `${entries} entries are stamped far from the relay's time`, {
			count: entries
		});
	}
}

/**
 * A movement the clock page cannot repair: a derived posting (count, transfer leg, shipment …),
 * repaired at its source document, or itself a repair's reversal.
 */
export class NotRepairableError extends StockflowError {
	constructor(movementId: string, why: 'reason' | 'reversal' | 'unknown') {
		super('not-repairable', `Movement ${movementId} cannot be repaired here (${why})`, {
			movementId
		});
	}
}

/** The movement already has its reversal (posted on this or another device). */
export class AlreadyRepairedError extends StockflowError {
	constructor(movementId: string) {
		super('already-repaired', `Movement ${movementId} is already reversed`, { movementId });
	}
}

/** A re-entry's time is ahead of the trusted time or before 2020. */
export class ReentryTimeError extends StockflowError {
	constructor(why: 'ahead' | 'behind') {
		super(
			'reentry-time',
			`The re-entry time is ${why === 'ahead' ? 'in the future' : 'before 2020'}`
		);
	}
}

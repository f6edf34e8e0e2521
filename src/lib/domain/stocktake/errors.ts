// Stocktake errors by kind (codes are listed in domain/errors.ts).

import { StockflowError } from '../errors';
import type { CountStatus } from './session';

export class UnknownCountError extends StockflowError {
	constructor(countId: string) {
		super('unknown-count', `Unknown stocktake ${countId}`, { countId });
	}
}

export class CountStatusError extends StockflowError {
	constructor(status: CountStatus, action: string) {
		super('count-status', `Stocktake is ${status}; cannot ${action}`, { status, action });
	}
}

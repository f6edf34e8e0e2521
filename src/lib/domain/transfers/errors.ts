// Transfer errors by kind (codes are listed in domain/errors.ts).

import { StockflowError } from '../errors';
import type { TransferStatus } from './state-machine';

export class UnknownTransferError extends StockflowError {
	constructor(transferId: string) {
		super('unknown-transfer', `Unknown transfer ${transferId}`, { transferId });
	}
}

export class TransferStatusError extends StockflowError {
	constructor(status: TransferStatus, action: string) {
		super('transfer-status', `Transfer is ${status}; cannot ${action}`, { status, action });
	}
}

// What the movement entry form says: each field's problem (after the first submit attempt) and
// the line confirming a posted movement with the new on-hand.

import type { Item } from '../../domain/catalog/entities';
import { receiptProblems } from '../../domain/ledger/receipt-rules';
import { unitDecimals } from '../../domain/quantity/unit-precision';
import { t, type MessageKey } from '../../i18n';
import type { MovementType } from './movement-form.svelte';

export type MovementField =
	'item' | 'warehouse' | 'toWarehouse' | 'qty' | 'note' | 'cost' | 'lot' | 'expiry';

/** The form's typed values the checks read (the form itself, so its runes are tracked). */
export interface MovementFields {
	type: MovementType;
	item: Item | null;
	warehouseId: string;
	locationId: string;
	toWarehouseId: string;
	toLocationId: string;
	lot: string;
	expiry: string;
	qty: number | null;
	unitCostCents: number;
	costInvalid: boolean;
	zeroCostConfirmed: boolean;
	qtyTooPrecise: boolean;
	note: string;
}

export function movementFieldErrors(f: MovementFields): Partial<Record<MovementField, string>> {
	const e: Partial<Record<MovementField, string>> = {};
	if (!f.item) e.item = t('movement.selectItem');
	if (!f.warehouseId) e.warehouse = t('movement.selectWarehouse');
	if (f.type === 'transfer') {
		if (!f.toWarehouseId) e.toWarehouse = t('movement.selectWarehouse');
		else if (f.toWarehouseId === f.warehouseId && f.toLocationId === f.locationId)
			e.toWarehouse = t('movement.sameLocation');
	}
	if (f.qtyTooPrecise && f.item)
		e.qty = t('movement.qtyDecimals', {
			unit: f.item.unit,
			decimals: unitDecimals(f.item.unit)
		});
	else if (f.qty === null) e.qty = t('validation.number');
	else if (f.type === 'adjustment' ? f.qty === 0 : f.qty <= 0)
		e.qty = t(f.type === 'adjustment' ? 'movement.qtyNonZero' : 'movement.qtyPositive');
	if (f.type === 'adjustment' && f.note.trim() === '') e.note = t('movement.reasonRequired');
	if (f.type === 'receipt' && f.costInvalid) e.cost = t('validation.money');
	if (f.type === 'receipt' && f.item) {
		const p = receiptProblems(f.item, {
			lot: f.lot,
			expiry: f.expiry,
			unitCostCents: f.costInvalid ? undefined : f.unitCostCents,
			zeroCostConfirmed: f.zeroCostConfirmed
		});
		const params = { code: f.item.code };
		if (p.lot) e.lot = t('error.lot-required', params);
		if (p.expiry) e.expiry = t('error.expiry-required', params);
		if (p.cost) e.cost = t('error.zero-cost-unconfirmed', params);
	}
	return e;
}

/**
 * The confirmation of a posted movement. The projection may update a moment later, so the new
 * balance is the one shown before plus this movement's change.
 */
export function movementSuccessText(
	type: MovementType,
	item: Item,
	qty: number,
	before: number,
	beforeTo: number
): string {
	switch (type) {
		case 'transfer':
			return t('movement.successTransfer', {
				qty,
				unit: item.unit,
				code: item.code,
				fromQty: before - qty,
				toQty: beforeTo + qty
			});
		case 'receipt':
		case 'issue':
		case 'adjustment': {
			const delta = type === 'issue' ? -qty : qty;
			const typeKey: MessageKey = `movement.${type}`;
			return t('movement.success', {
				type: t(typeKey),
				code: item.code,
				unit: item.unit,
				qty: Math.round((before + delta) * 1e6) / 1e6
			});
		}
	}
}

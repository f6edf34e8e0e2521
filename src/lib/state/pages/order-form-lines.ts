// The sales order form's lines as typed: their shape, per-field errors (parsed with the domain's
// money, quantity and percent parsers), the first thing to fix for the toast, and the typed line
// as an order line for totals and saving. Pure; the form's view model holds the state.

import type { Item } from '../../domain/catalog/entities';
import { parseMoneyToCents } from '../../domain/money/money';
import type { OrderLine } from '../../domain/orders/order';
import { percentOrNull } from '../../domain/quantity/percent';
import { parseQuantity, quantityOrNull } from '../../domain/quantity/quantity';
import { unitDecimals } from '../../domain/quantity/unit-precision';
import { t } from '../../i18n';

/** What a line needs of its item (the item picker's shape). */
export type LineItem = Pick<Item, 'id' | 'code' | 'name' | 'unit' | 'barcode' | 'category'>;

export interface OrderFormLine {
	key: number;
	/** The stored line's id when editing a draft. */
	id?: string;
	item: LineItem | null;
	/** As typed; parsed on every change. */
	qty: string;
	/** Display units (NT$ 12.50), parsed to cents. */
	price: string;
	discountPct: string;
	taxPct: string;
	/** What the list filled in (price, discount), so a later item or customer change may
	 * replace it; a value the rep typed differs and is left alone. */
	listed?: { price: string; discountPct: string };
}

export type LineField = 'item' | 'qty' | 'price' | 'discount' | 'tax';
export type LineErrors = Partial<Record<LineField, string>>;
export type HeaderErrors = Partial<Record<'customer' | 'warehouse', string>>;

export const DEFAULT_TAX_PCT = '5';

export function blankLine(key: number): OrderFormLine {
	return { key, item: null, qty: '1', price: '', discountPct: '0', taxPct: DEFAULT_TAX_PCT };
}

/** Cents of the typed price; '' (an error) or anything unparseable is null. */
export function priceCentsOf(line: OrderFormLine): number | null {
	return line.price.trim() === '' ? null : parseMoneyToCents(line.price);
}

/** The line as an order line (unparseable fields count as 0), for totals and saving. */
export function toOrderLine(l: OrderFormLine): OrderLine {
	return {
		id: l.id ?? '',
		itemId: l.item?.id ?? '',
		qty: quantityOrNull(l.qty) ?? 0,
		unitPriceCents: priceCentsOf(l) ?? 0,
		discountPct: percentOrNull(l.discountPct) ?? 0,
		taxRate: (percentOrNull(l.taxPct) ?? 0) / 100
	};
}

/** One line's field errors (empty when it is fine). */
export function lineErrorsOf(l: OrderFormLine): LineErrors {
	const e: LineErrors = {};
	if (!l.item) e.item = t('validation.required');
	const decimals = l.item ? unitDecimals(l.item.unit) : undefined;
	const qty = parseQuantity(l.qty, { decimals, allowNegative: true });
	if (!qty.ok)
		e.qty =
			qty.reason === 'too-precise' && l.item
				? t('movement.qtyDecimals', { unit: l.item.unit, decimals: decimals ?? 0 })
				: t('validation.number');
	else if (qty.qty <= 0) e.qty = t('movement.qtyPositive');
	// An empty price is a forgotten price, not a free line: a gift is typed as 0.
	if (l.price.trim() === '') e.price = t('orders.priceRequired');
	else if (priceCentsOf(l) === null) e.price = t('validation.money');
	if (percentOrNull(l.discountPct) === null) e.discount = t('validation.number');
	if (percentOrNull(l.taxPct) === null) e.tax = t('validation.number');
	return e;
}

/** The first thing to fix, named by line ("第 2 行 數量：…"), for the toast on Save. */
export function firstProblemOf(
	lines: readonly OrderFormLine[],
	headerErrors: HeaderErrors,
	lineErrors: Record<number, LineErrors>
): string | null {
	if (lines.length === 0) return t('orders.noLines');
	const header = Object.values(headerErrors)[0];
	if (header) return header;
	const labels: Record<LineField, string> = {
		item: t('orders.item'),
		qty: t('orders.qty'),
		price: t('orders.unitPrice'),
		discount: t('orders.discount'),
		tax: t('orders.taxRate')
	};
	for (const [index, l] of lines.entries()) {
		const e = lineErrors[l.key];
		if (!e) continue;
		const [field, message] = Object.entries(e)[0] as [LineField, string];
		return t('orders.lineProblem', { line: index + 1, field: labels[field], message });
	}
	return null;
}

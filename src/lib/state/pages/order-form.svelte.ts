// View model of the sales order form (new order or a draft's edit): header fields and lines
// as typed, parsed with the domain's money and quantity parsers, line and order totals from
// domain/orders/order, the ATP per line, and saving through the create / update commands.

import { normalizeCode } from '../../domain/catalog/entities';
import type { StockflowError } from '../../domain/errors';
import { formatCents } from '../../domain/money/money';
import { lineNetCents, orderTotals, type Order, type OrderLine } from '../../domain/orders/order';
import { LEVEL_DISCOUNT_PCT, linePriceFor } from '../../domain/orders/pricing';
import type { PriceLevel } from '../../domain/customers/customer';
import { quantityOrNull } from '../../domain/quantity/quantity';
import { createOrder, updateDraftOrder, type OrderDraftInput } from '../../commands/orders/create';
import { readCustomers } from '../../doc/customers-doc';
import { arrivals, availableFrom, type IncomingLine } from '../../domain/purchasing/incoming';
import { fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { addDays, localToday } from './orders-board-helpers';
import {
	blankLine,
	firstProblemOf,
	lineErrorsOf,
	toOrderLine,
	type HeaderErrors,
	type LineErrors,
	type LineField,
	type LineItem,
	type OrderFormLine
} from './order-form-lines';

export type { LineErrors, LineField, LineItem, OrderFormLine };

/** A refused save carries the command's error, or (form errors) what to fix, for the toast. */
export type SaveResult =
	{ ok: true; message: string } | { ok: false; error: StockflowError | null; message?: string };

/** Days from today a new order is requested for. */
const DEFAULT_LEAD_DAYS = 3;

export class OrderFormModel {
	customerId = $state('');
	warehouseId = $state('');
	requestedDate = $state('');
	notes = $state('');
	lines = $state<OrderFormLine[]>([]);
	/** The draft being edited; null for a new order. */
	editingId = $state<string | null>(null);
	/** Errors show after the first save attempt, then follow the input live. */
	tried = $state(false);

	private nextKey = 1;
	private readonly ws: WorkspaceState;
	/** ATP of an item in a warehouse (other orders' reservations already deducted). */
	private readonly atp: (itemId: string, warehouseId: string) => number;
	/** The number of a stored order, for the edit title and the toast. */
	private readonly numberOf: (orderId: string) => string;

	/** Open PO lines (incoming supply), for "200 arriving on the 14th" under a line. */
	private readonly incoming: () => readonly IncomingLine[];

	constructor(
		ws: WorkspaceState,
		atp: (itemId: string, warehouseId: string) => number,
		numberOf: (orderId: string) => string,
		incoming: () => readonly IncomingLine[] = () => []
	) {
		this.ws = ws;
		this.atp = atp;
		this.numberOf = numberOf;
		this.incoming = incoming;
		this.startNew();
	}

	/** The lines as order lines (unparseable fields count as 0), for totals. */
	readonly parsedLines: OrderLine[] = $derived(this.lines.map((l) => toOrderLine(l)));

	readonly totals = $derived(orderTotals(this.parsedLines));

	readonly headerErrors: HeaderErrors = $derived.by(() => {
		const e: HeaderErrors = {};
		if (!this.customerId) e.customer = t('validation.required');
		if (!this.warehouseId) e.warehouse = t('validation.required');
		return e;
	});

	/** Line key → its field errors (lines without errors are absent). */
	readonly lineErrors: Record<number, LineErrors> = $derived.by(() => {
		const out: Record<number, LineErrors> = {};
		for (const l of this.lines) {
			const e = lineErrorsOf(l);
			if (Object.keys(e).length > 0) out[l.key] = e;
		}
		return out;
	});

	readonly valid = $derived(
		Object.keys(this.headerErrors).length === 0 &&
			Object.keys(this.lineErrors).length === 0 &&
			this.lines.length > 0
	);

	readonly title: string = $derived.by(() =>
		this.editingId
			? t('orders.editDraft', { number: this.numberOf(this.editingId) })
			: t('orders.new')
	);

	/** The first thing to fix, named by line ("第 2 行 數量：…"), for the toast on Save. */
	readonly firstProblem: string | null = $derived.by(() =>
		firstProblemOf(this.lines, this.headerErrors, this.lineErrors)
	);

	/** A line's field error, shown only after a save attempt. */
	errorOf(key: number, field: LineField): string | undefined {
		return this.tried ? this.lineErrors[key]?.[field] : undefined;
	}

	/** The line's amount before tax, in cents. */
	lineNet(line: OrderFormLine): number {
		return lineNetCents(toOrderLine(line));
	}

	/** The line's quantity as a number (0 while it is not one), for the ATP comparison. */
	qtyOf(line: OrderFormLine): number {
		return quantityOrNull(line.qty) ?? 0;
	}

	/** ATP of the line's item in the chosen warehouse; null without an item. */
	available(line: OrderFormLine): number | null {
		return line.item ? this.atp(line.item.id, this.warehouseId) : null;
	}

	/**
	 * What is arriving for the line's item in the chosen warehouse: the next arrival, or, when
	 * stock now is short, the day the quantity can be promised. Null without arrivals.
	 */
	arrivalHint(line: OrderFormLine): string | null {
		if (!line.item) return null;
		const now = this.atp(line.item.id, this.warehouseId);
		const today = localToday();
		const steps = arrivals(this.incoming(), line.item.id, now, today, this.warehouseId);
		const next = steps[0];
		if (!next) return null;
		const qty = this.qtyOf(line);
		if (qty <= now)
			return t('incoming.next', { qty: fmtNumber(next.qty), date: next.date.slice(5) });
		const from = availableFrom(steps, now, qty, today);
		return from
			? t('incoming.availableFrom', { date: from.slice(5) })
			: t('incoming.notEnough', { qty: fmtNumber(steps[steps.length - 1]?.availableAfter ?? 0) });
	}

	search = (text: string): LineItem[] => this.ws.searchItems(text, 20);

	/** Exact code or barcode match, for scanners that type the code and press Enter. */
	findExact = (text: string): LineItem | undefined => {
		const code = normalizeCode(text);
		return this.ws.items.find(
			(i) => normalizeCode(i.code) === code || (i.barcode !== '' && i.barcode === text.trim())
		);
	};

	addLine(): void {
		this.lines = [...this.lines, blankLine(this.nextKey++)];
	}

	removeLine(key: number): void {
		this.lines = this.lines.filter((l) => l.key !== key);
	}

	/** A new order, optionally for a customer and with a first item (links from other pages). */
	startNew(customerId = '', itemId = ''): void {
		this.editingId = null;
		this.customerId = customerId;
		this.warehouseId = this.ws.warehouses.find((w) => w.active)?.id ?? '';
		this.requestedDate = addDays(localToday(), DEFAULT_LEAD_DAYS);
		this.notes = '';
		const first = blankLine(this.nextKey++);
		first.item = (itemId && this.ws.item(itemId)) || null;
		this.fillPrice(first);
		this.lines = [first];
		this.tried = false;
	}

	startEdit(order: Order): void {
		this.editingId = order.id;
		this.customerId = order.customerId;
		this.warehouseId = order.warehouseId;
		this.requestedDate = order.requestedDate;
		this.notes = order.notes;
		this.lines = order.lines.map((l) => ({
			key: this.nextKey++,
			id: l.id,
			item: this.ws.item(l.itemId) ?? null,
			qty: String(l.qty),
			price: formatCents(l.unitPriceCents),
			discountPct: String(l.discountPct),
			taxPct: String(Math.round(l.taxRate * 1000) / 10)
		}));
		this.tried = false;
	}

	/** The order as typed, for the create / update commands (and accepting a promise). */
	draftInput(): OrderDraftInput {
		return {
			customerId: this.customerId,
			warehouseId: this.warehouseId,
			requestedDate: this.requestedDate,
			notes: this.notes.trim(),
			// Lines without an id get a new one from the command.
			lines: this.parsedLines.map(({ id, ...line }) => (id ? { id, ...line } : line))
		};
	}

	save(): SaveResult {
		this.tried = true;
		if (!this.valid) return { ok: false, error: null, message: this.firstProblem ?? undefined };
		const input = this.draftInput();
		const editingId = this.editingId;
		const r = this.ws.run((ctx) => {
			if (!editingId) return createOrder(ctx, input).number;
			updateDraftOrder(ctx, editingId, input);
			return this.numberOf(editingId);
		});
		if (!r.ok) return { ok: false, error: r.error };
		const key = editingId ? 'orders.saved' : 'orders.created';
		return { ok: true, message: t(key, { number: r.value }) };
	}

	/** The chosen customer's price level ('standard' until one is chosen). */
	get priceLevel(): PriceLevel {
		if (!this.customerId) return 'standard';
		return (
			readCustomers(this.ws.runtime.docs.catalog).find((c) => c.id === this.customerId)
				?.priceLevel ?? 'standard'
		);
	}

	/** "批發價：定價 −10%", under the customer: where the lines' discount comes from. */
	get priceLevelHint(): string {
		const level = this.priceLevel;
		return t('orders.priceLevelHint', {
			level: t(`priceLevel.${level}`),
			pct: LEVEL_DISCOUNT_PCT[level]
		});
	}

	/**
	 * After an item is chosen: the item's selling price and the customer's level discount,
	 * unless the rep already typed a price of their own.
	 */
	fillPrice(line: OrderFormLine): void {
		const item = line.item ? this.ws.item(line.item.id) : undefined;
		const untouched = line.price.trim() === '' || line.price === line.listed?.price;
		if (!item || !untouched) return;
		const suggested = linePriceFor(item.salePriceCents, this.priceLevel);
		if (!suggested) return;
		const listed = {
			price: formatCents(suggested.unitPriceCents),
			discountPct: String(suggested.discountPct)
		};
		line.price = listed.price;
		if (line.discountPct === (line.listed?.discountPct ?? '0'))
			line.discountPct = listed.discountPct;
		line.listed = listed;
	}

	/** Another customer: listed lines take its level's discount (typed discounts stay). */
	customerChanged(): void {
		const pct = String(LEVEL_DISCOUNT_PCT[this.priceLevel]);
		for (const line of this.lines) {
			if (!line.listed || line.discountPct !== line.listed.discountPct) continue;
			line.discountPct = pct;
			line.listed = { ...line.listed, discountPct: pct };
		}
	}
}

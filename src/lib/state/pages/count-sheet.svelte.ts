// View model of one stocktake: the count sheet (bin by bin: scan a bin, scan an item, type
// the quantity), the review (book at each count's stamp vs counted) and the session's
// submit / approve / cancel. Blind counts hide the book from the sheet and the review until
// submitted. Focus moves are returned to the page, which owns the DOM.

import type { Item, Location } from '../../domain/catalog/entities';
import { stampWallMs } from '../../domain/clock/hlc';
import { STAMP_FLOOR_MS } from '../../domain/clock/stamp-trust';
import { FarStampError } from '../../domain/errors';
import { compareLocationCodes } from '../../domain/picking/walk-order';
import { parseQuantity } from '../../domain/quantity/quantity';
import { resolveScan } from '../../domain/scanning/resolve';
import { acceptsLines, type CountSession } from '../../domain/stocktake/session';
import { countSheetRows, type SheetRow } from '../../domain/stocktake/sheet';
import { errorMessage, fmtNumber, fmtStamp, t } from '../../i18n';
import { deviceLabel } from '../device-label';
import type { RunResult, WorkspaceState } from '../workspace.svelte';
import { durationText } from './clock-admin.svelte';
import { StocktakeBook, type Review } from './stocktake.svelte';

/** The field the cursor goes to next. */
export type CountFocus = 'count-scan' | 'count-qty' | 'count-lot';
export type CountAction = 'submit' | 'approve' | 'cancel';
export type ActionResult = { ok: boolean; message: string };

/** A movement stamped far from the relay's time that holds the approved count's re-check. */
export interface HeldMovement {
	id: string;
	/** Item code and signed quantity: "TEA +7". */
	what: string;
	/** The sign-in name of the device that stamped it. */
	device: string;
	/** How far off the relay's time: "10 hours ahead", "before 2020 (reset clock)". */
	off: string;
	at: string;
}

export class CountSheetPage {
	readonly book: StocktakeBook;
	readonly canCount: boolean;
	readonly canApprove: boolean;
	/** Admins repair far-stamped movements on the clock page. */
	readonly isAdmin: boolean;

	view = $state<'sheet' | 'review'>('sheet');
	locationId = $state('');
	itemId = $state('');
	lot = $state('');
	qtyText = $state('');
	scanText = $state('');
	message = $state<{ tone: 'ok' | 'error'; text: string } | null>(null);
	/**
	 * The last approval was stopped by entries stamped far from the relay's time: how many, and
	 * whether this user (an admin) may confirm it (domain/stocktake/far-stamps.ts).
	 */
	farStamps = $state<{ count: number; mayConfirm: boolean } | null>(null);

	readonly session: CountSession | undefined = $derived.by(() => this.book.session(this.id()));
	readonly bins: Location[] = $derived.by(() =>
		this.session
			? this.book.locationsOf(this.session).sort((a, b) => compareLocationCodes(a.code, b.code))
			: []
	);
	readonly item: Item | undefined = $derived.by(() =>
		this.itemId ? this.ws.item(this.itemId) : undefined
	);
	/** Lines can be recorded (open or submitted, and the user may count). */
	readonly open: boolean = $derived.by(() =>
		this.session ? acceptsLines(this.session.status) && this.canCount : false
	);
	/** A blind count shows no book until it is submitted. */
	readonly showReview: boolean = $derived.by(() =>
		this.session ? !(this.session.blind && this.session.status === 'opened') : false
	);
	readonly binCode: string = $derived.by(
		() => this.ws.location(this.locationId)?.code ?? t('common.none')
	);
	readonly sheetRows: SheetRow[] = $derived.by(() => {
		const session = this.session;
		if (!session) return [];
		return countSheetRows({
			locationId: this.locationId,
			expected: this.book.expected(session, this.locationId),
			lines: session.lines,
			codeOf: (id) => this.ws.item(id)?.code ?? ''
		});
	});
	/**
	 * The approved count's re-check is held: movements stamped far from the relay's time would
	 * change its corrections (`reconcileCount`); an admin repairs them on the clock page.
	 */
	readonly heldRecheck: HeldMovement[] = $derived.by(() => {
		const session = this.session;
		if (!session || session.status !== 'approved') return [];
		const nowMs = this.ws.runtime.timeMs();
		return this.book.heldRecheck(session, nowMs).map((m) => {
			const wallMs = stampWallMs(m.at);
			return {
				id: m.id,
				what: `${this.ws.item(m.itemId)?.code ?? m.itemId} ${m.qty > 0 ? '+' : ''}${fmtNumber(m.qty)}`,
				device: deviceLabel(m.device),
				off:
					wallMs < STAMP_FLOOR_MS
						? t('clock.behind')
						: t('clock.ahead', { amount: durationText(wallMs - nowMs) }),
				at: fmtStamp(m.at)
			};
		});
	});
	readonly review: Review | null = $derived.by(() =>
		this.session && this.view === 'review' && this.showReview
			? this.book.review(this.session)
			: null
	);

	constructor(
		private readonly ws: WorkspaceState,
		/** The count id from the URL (a getter, so navigation re-derives). */
		private readonly id: () => string
	) {
		this.book = new StocktakeBook(ws);
		this.canCount = ws.canWrite('counts');
		this.canApprove = this.canCount && ws.canWrite('ledger');
		this.isAdmin = ws.role === 'admin';
	}

	itemOf(id: string): Item | undefined {
		return this.ws.item(id);
	}

	warehouseName(id: string): string {
		const w = this.ws.warehouse(id);
		return w ? `${w.code} ${w.name}` : '';
	}

	/** From an effect: start on the first bin in walking order. */
	defaultBin(): void {
		if (this.session && !this.locationId && this.bins[0]) this.locationId = this.bins[0].id;
	}

	/** Late movements stamped before a count line correct approved counts; from an effect. */
	reconcile(): void {
		this.book.reconcileApproved();
	}

	/** A scan (wedge, camera or the scan field): a bin selects the bin, an item the item. */
	handleCode(code: string): CountFocus | null {
		const session = this.session;
		if (!session || !this.open) return null;
		const meaning = resolveScan(code, {
			items: this.ws.items,
			locations: this.ws.locations,
			warehouseId: session.warehouseId
		});
		switch (meaning.kind) {
			case 'location':
				if (
					session.scopeLocationIds.length > 0 &&
					!session.scopeLocationIds.includes(meaning.location.id)
				) {
					this.message = {
						tone: 'error',
						text: t('count.binOutOfScope', { code: meaning.location.code })
					};
					return null;
				}
				this.locationId = meaning.location.id;
				this.message = {
					tone: 'ok',
					text: t('count.binSelected', { code: meaning.location.code })
				};
				return this.itemId ? 'count-qty' : 'count-scan';
			case 'item':
				this.itemId = meaning.item.id;
				this.lot = meaning.lot ?? '';
				this.qtyText = '';
				this.message = { tone: 'ok', text: `${meaning.item.code} ${meaning.item.name}` };
				return meaning.item.lotTracked && !meaning.lot ? 'count-lot' : 'count-qty';
			case 'unknown':
				this.message = { tone: 'error', text: t('count.unknownCode', { code: meaning.code }) };
				return null;
		}
	}

	/** The scan field's Enter. */
	submitScan(): CountFocus | null {
		const code = this.scanText.trim();
		this.scanText = '';
		return code ? this.handleCode(code) : null;
	}

	/** Records the typed quantity for the current bin and item. */
	record(): CountFocus | null {
		const session = this.session;
		const item = this.item;
		if (!session || !item) return null;
		const qty = parseQuantity(this.qtyText);
		if (!qty.ok) {
			this.message = { tone: 'error', text: t('validation.nonNegative') };
			return null;
		}
		const r = this.book.record(session.id, {
			itemId: item.id,
			locationId: this.locationId,
			lot: this.lot,
			countedQty: qty.qty
		});
		if (!r.ok) {
			this.message = { tone: 'error', text: errorMessage(r.error) };
			return null;
		}
		this.message = {
			tone: 'ok',
			text: t('count.recorded', { code: item.code, qty: fmtNumber(qty.qty) })
		};
		this.itemId = '';
		this.lot = '';
		this.qtyText = '';
		return 'count-scan';
	}

	/** What the page toasts; null for none (no count, or an admin offered the confirm step). */
	act(kind: CountAction): ActionResult | null {
		const session = this.session;
		if (!session) return null;
		const r =
			kind === 'submit'
				? this.book.submit(session.id)
				: kind === 'approve'
					? this.book.approve(session.id)
					: this.book.cancel(session.id);
		if (kind === 'submit') this.view = 'review';
		if (kind === 'approve') this.farStamps = farStampsOf(r);
		// An admin stopped by far stamps gets the confirm step instead (FarStampNotice).
		if (!r.ok && this.farStamps?.mayConfirm) return null;
		if (!r.ok) return { ok: false, message: errorMessage(r.error) };
		if (kind === 'approve' && Array.isArray(r.value))
			return { ok: true, message: t('count.posted', { count: r.value.length }) };
		return { ok: true, message: t(`count.done.${kind}`) };
	}

	/** An admin approves although entries are stamped far from the relay's time. */
	confirmFarStamps(): ActionResult | null {
		const session = this.session;
		if (!session || !this.farStamps?.mayConfirm) return null;
		const r = this.book.approve(session.id, { confirmFarStamps: true });
		this.farStamps = farStampsOf(r);
		if (!r.ok) return { ok: false, message: errorMessage(r.error) };
		return { ok: true, message: t('count.posted', { count: r.value.length }) };
	}
}

function farStampsOf(r: RunResult<unknown>): CountSheetPage['farStamps'] {
	return !r.ok && r.error instanceof FarStampError
		? { count: r.error.entries, mayConfirm: r.error.mayConfirm }
		: null;
}

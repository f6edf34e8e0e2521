// View model of the planning page: runs the plan in a Web Worker (the page never freezes),
// shows planned orders with pegging and the exception messages, and converts the chosen planned
// orders in one action (requisitions through purchasing's command + planned work orders).

import { canWriteRecord } from '../../domain/auth/field-rights';
import { convertPlannedOrders } from '../../commands/production/planning';
import { observeProductionCatalog } from '../../doc/production-doc';
import type { PlannedOrderView } from '../../domain/production/planning';
import type { MrpException } from '../../domain/mrp/types';
import { errorMessage, fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PlanRunner } from './production-plan-runner.svelte';
import type { SaveResult } from './save-result';

export class ProductionPlanningModel {
	readonly runner: PlanRunner;
	/** Production may convert planned work orders; purchases need the requisition writers' right. */
	readonly canConvert: boolean;
	readonly canBuy: boolean;
	weeks = $state(12);
	warehouseId = $state('');
	/** Planned orders left out of the conversion, by key. */
	skipped = $state<Record<string, boolean>>({});

	readonly warehouses = $derived.by(() => this.ws.warehouses.filter((w) => w.active));
	readonly warehouse = $derived.by(() => this.warehouseId || this.warehouses[0]?.id || '');
	readonly orders = $derived.by(() => this.runner.plan?.plannedOrders ?? []);
	readonly chosen = $derived.by(() =>
		this.orders.filter((o) => this.selectable(o) && !this.skipped[o.key])
	);

	private catalogRevision = $state(0);
	private timer: ReturnType<typeof setTimeout> | null = null;
	private readonly stop: () => void;

	constructor(private readonly ws: WorkspaceState) {
		this.runner = new PlanRunner(ws);
		this.canConvert = ['admin', 'production'].includes(ws.role) && ws.canWrite('orders');
		this.canBuy = this.canConvert && canWriteRecord(ws.role, 'requisition');
		const stopCatalog = observeProductionCatalog(ws.runtime.docs.catalog, () => {
			this.catalogRevision++;
		});
		// The plan follows the data: stock, items, orders or BOMs changing here or on another
		// device (a fresh device syncing, a receipt, a conversion) re-plan, coalesced.
		const stopEffect = $effect.root(() => {
			$effect(() => {
				void ws.balances;
				void ws.ledgerMonths;
				void ws.items;
				void ws.docRevision.orders;
				void this.catalogRevision;
				this.schedule();
			});
		});
		this.stop = () => {
			stopCatalog();
			stopEffect();
		};
	}

	private schedule(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = null;
			void this.ws.runtime.ready.then(() => this.replan());
		}, 300);
	}

	replan(): void {
		this.runner.run(Math.min(52, Math.max(1, Math.round(this.weeks) || 12)));
	}

	selectable(o: PlannedOrderView): boolean {
		return this.canConvert && (o.kind === 'production' || this.canBuy);
	}

	isChosen(o: PlannedOrderView): boolean {
		return this.selectable(o) && !this.skipped[o.key];
	}

	toggle(o: PlannedOrderView): void {
		this.skipped = { ...this.skipped, [o.key]: !this.skipped[o.key] };
	}

	itemLabel(id: string): string {
		const item = this.ws.item(id);
		return item ? `${item.code} ${item.name}` : id;
	}

	/** A peg: a document number, the parent planned order (item @ date), or safety stock. */
	pegLabel(label: string): string {
		if (label === 'safety-stock') return t('production.pegSafety');
		if (label === 'forecast') return t('production.pegForecast');
		const [itemId, date] = label.split('@');
		return date !== undefined && itemId !== undefined
			? `${this.itemLabel(itemId)} @ ${date}`
			: label;
	}

	exceptionText(e: MrpException): string {
		const dateOf = (bucket: number): string =>
			this.runner.plan?.bucketStarts[Math.max(1, bucket) - 1] ?? '';
		const qty = fmtNumber(e.qty);
		switch (e.type) {
			case 'past-due':
				return t('production.exception.past-due', { qty, weeks: 1 - e.releaseBucket });
			case 'expedite':
			case 'defer':
				return t(`production.exception.${e.type}`, {
					qty,
					ref: e.ref ?? '—',
					date: dateOf(e.toBucket)
				});
			case 'cancel':
				return t('production.exception.cancel', { qty, ref: e.ref ?? '—' });
		}
	}

	convert(): SaveResult {
		const orders = this.chosen;
		if (orders.length === 0) return { ok: false, message: null };
		const r = this.ws.run((ctx) => convertPlannedOrders(ctx, orders, this.warehouse));
		if (!r.ok) return { ok: false, message: errorMessage(r.error) };
		this.skipped = {};
		this.replan();
		return {
			ok: true,
			message: t('production.converted', {
				requisitions: r.value.requisitions.length,
				workOrders: r.value.workOrders.length
			})
		};
	}

	close(): void {
		if (this.timer) clearTimeout(this.timer);
		this.stop();
		this.runner.close();
	}
}

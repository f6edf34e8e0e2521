// The demo plant's simulation: steps scheduled on a simulated clock and run in time order, the
// components on hand at the main warehouse (the only stock the plant's commands check), and the
// steps themselves — receiving materials, creating work orders, and one order's shop floor
// (release, progress per step, completion, close) — all through the production commands.

import { createHlc } from '../domain/clock/hlc';
import { createIdGenerator } from '../domain/ids';
import type { Balance } from '../domain/ledger/fold';
import { stockKeyString } from '../domain/ledger/movement';
import type { WorkOrderHeader } from '../domain/production/work-order';
import type { CommandContext, WorkspaceDocs } from '../commands/context';
import { recordMovementsBatch } from '../commands/movements';
import {
	closeWorkOrder,
	createWorkOrders,
	releaseWorkOrder,
	type WorkOrderInput
} from '../commands/production/work-orders';
import { completeWorkOrder, reportProgress } from '../commands/production/shop-floor';
import type { PlantCatalog } from './production-plant';

interface Action {
	ms: number;
	seq: number;
	run: () => void;
}

/** One order's shop floor: when it is released, progress reports, completion and close. */
export interface ShopFloorPlan {
	release: number;
	reports: { ms: number; share: number }[];
	complete?: number;
	close?: number;
	scrapPct: number;
}

export class PlantSim {
	readonly ctx: CommandContext;
	movements = 0;
	workOrders = 0;
	private simMs: number;
	/** On hand per component item at the main warehouse (no location, no lot). */
	private readonly onHand = new Map<string, number>();
	private readonly actions: Action[] = [];
	private seq = 0;

	constructor(
		docs: WorkspaceDocs,
		private readonly warehouseId: string,
		startMs: number,
		random: () => number
	) {
		this.simMs = startMs;
		const ctx: CommandContext = {
			docs,
			// Each clock read moves the simulated time on a second, as a person works through a form.
			clock: createHlc('demo.plant', () => (this.simMs += 1000)),
			ids: createIdGenerator({ nowMs: () => this.simMs, random }),
			user: 'demo',
			role: 'admin',
			// Only the plant's own components are checked out here, and only from this fold.
			balances: () => {
				const out = new Map<string, Balance>();
				const lastAt = ctx.clock.now();
				for (const [itemId, qty] of this.onHand) {
					const key = { itemId, warehouseId, locationId: '', lot: '' };
					out.set(stockKeyString(key), { ...key, qty, lastAt });
				}
				return out;
			}
		};
		this.ctx = ctx;
	}

	have(id: string): number {
		return this.onHand.get(id) ?? 0;
	}

	private add(id: string, qty: number): void {
		this.onHand.set(id, Math.round((this.have(id) + qty) * 1000) / 1000);
	}

	/** Schedules `run` at `ms` (same-time steps keep the order they were scheduled in). */
	at(ms: number, run: () => void): void {
		this.actions.push({ ms, seq: this.seq++, run });
	}

	/** Runs every scheduled step in time order. */
	runAll(): void {
		this.actions.sort((a, b) => a.ms - b.ms || a.seq - b.seq);
		for (const a of this.actions) {
			this.simMs = Math.max(this.simMs, a.ms);
			a.run();
		}
	}

	/** Receives `cover` × the needs at `ms` (open orders: that share less what is on hand). */
	receive(
		ms: number,
		needs: Map<string, number>,
		ref: string,
		cover: number,
		plant: Pick<PlantCatalog, 'units' | 'costs' | 'suppliers'>
	): void {
		this.at(ms, () => {
			const requests = [...needs]
				.map(([itemId, need]) => {
					const unit = plant.units.get(itemId) ?? '';
					// History buys what the campaign needs; open orders find part of it on hand.
					const missing = cover >= 1 ? need * cover : need * cover - this.have(itemId);
					const qty = unit === '公斤' ? Math.ceil(missing * 10) / 10 : Math.ceil(missing);
					return { itemId, unit, qty };
				})
				.filter((r) => r.qty > 0)
				.map(({ itemId, unit, qty }) => ({
					kind: 'receipt' as const,
					input: {
						itemId,
						warehouseId: this.warehouseId,
						qty,
						unit,
						unitCostCents: plant.costs.get(itemId),
						ref,
						note: plant.suppliers.get(itemId) ?? ''
					}
				}));
			if (requests.length === 0) return;
			this.movements += recordMovementsBatch(this.ctx, requests, {
				command: 'seedDemoProduction'
			}).flat().length;
			for (const r of requests) this.add(r.input.itemId, r.input.qty);
		});
	}

	/** Creates the orders at `ms`; `then` receives their headers in the same order. */
	create(ms: number, inputs: WorkOrderInput[], then: (headers: WorkOrderHeader[]) => void): void {
		this.at(ms, () => {
			const headers = createWorkOrders(this.ctx, inputs);
			this.workOrders += headers.length;
			then(headers);
		});
	}

	/** Shop floor for one order: release, progress per step, and optionally completion. */
	run(wo: () => WorkOrderHeader | undefined, plan: ShopFloorPlan): void {
		const { ctx } = this;
		this.at(plan.release, () => {
			const h = wo();
			if (h) releaseWorkOrder(ctx, h.id);
		});
		let reported = 0;
		let completed = false;
		for (const { ms, share } of plan.reports)
			this.at(ms, () => {
				const h = wo();
				if (!h) return;
				const total = Math.min(h.qty, Math.round(h.qty * share));
				const units = total - reported;
				if (units <= 0) return;
				reported = total;
				const scrap = Math.floor((units * plan.scrapPct) / 100);
				for (const step of h.steps)
					reportProgress(ctx, h.id, { stepId: step.id, good: units - scrap, scrap });
			});
		if (plan.complete !== undefined)
			this.at(plan.complete, () => {
				const h = wo();
				if (!h) return;
				const reportedGood = reported - Math.floor((reported * plan.scrapPct) / 100);
				// Never more than the issued components allow (they were received to cover it).
				const affordable = Math.min(
					...h.materials.map((m) => Math.floor((this.have(m.itemId) + 1e-9) / m.qtyPer))
				);
				const good = Math.min(reportedGood > 0 ? reportedGood : h.qty, affordable);
				if (good <= 0) return;
				const event = completeWorkOrder(ctx, h.id, { good });
				completed = true;
				if (event.type === 'complete') {
					for (const l of event.payload.backflushed) this.add(l.itemId, -l.qty);
					this.add(h.itemId, event.payload.lot ? 0 : event.payload.good);
					this.movements += event.payload.backflushed.length + 1;
				}
			});
		if (plan.close !== undefined)
			this.at(plan.close, () => {
				const h = wo();
				if (h && completed) closeWorkOrder(ctx, h.id);
			});
	}
}

// The clock page's repair of a movement stamped by a wrong clock: what it will post (the
// reversal, stamped now; optionally the same movement re-entered at the right time), said in
// quantities and warehouse before the admin confirms, then the repairStamp command.

import type { Movement } from '../../domain/ledger/movement';
import { likelyTimeMs, reentryIdOf, repairRefusal } from '../../domain/ledger/repair';
import { stampWallMs } from '../../domain/clock/hlc';
import { repairStamp } from '../../commands/repair-stamp';
import { errorMessage, fmtDateTime, fmtNumber, t } from '../../i18n';
import { deviceOffsets } from '../device-offsets.svelte';
import type { WorkspaceState } from '../workspace.svelte';
import { fromLocalInput, toLocalInput } from './clock-repair-input';

/** Whether a flagged movement can be repaired here, or already was. */
export type RepairState = 'open' | 'repaired' | 'none';

export interface RepairPlan {
	movementId: string;
	/** "−7 個 BOLT-M6 六角螺栓 M6 · TY 桃園總倉" */
	reversal: string;
	reentry: string;
}

export class ClockRepair {
	/** The movement whose repair is being confirmed. */
	plan = $state<RepairPlan | null>(null);
	reenter = $state(true);
	reenterAt = $state('');
	message = $state<{ tone: 'ok' | 'error'; text: string } | null>(null);

	constructor(
		private readonly ws: WorkspaceState,
		private readonly movements: () => ReadonlyMap<string, Movement>,
		private readonly nowMs: () => number
	) {}

	stateOf(movementId: string): RepairState {
		const m = this.movements().get(movementId);
		if (!m || !this.ws.canWrite('ledger')) return 'none';
		const refusal = repairRefusal(m, this.movements().values());
		return refusal === null ? 'open' : refusal === 'repaired' ? 'repaired' : 'none';
	}

	/** "Reversed; re-entered at 12/7 09:00" for a repaired movement. */
	repairedText(movementId: string): string {
		const reentryId = reentryIdOf(movementId);
		const reentry = reentryId === null ? undefined : this.movements().get(reentryId);
		return reentry
			? t('clock.repair.doneReentered', { at: fmtDateTime(stampWallMs(reentry.at)) })
			: t('clock.repair.doneReversed');
	}

	start(movementId: string): void {
		const m = this.movements().get(movementId);
		if (!m) return;
		const fastMs = deviceOffsets.byId[m.device]?.offsetMs;
		// Presence carries relay − device: a device running ahead reports a negative offset.
		const likely = likelyTimeMs(
			stampWallMs(m.at),
			fastMs === undefined ? undefined : -fastMs,
			this.nowMs()
		);
		this.plan = {
			movementId,
			reversal: this.describe(m, -m.qty),
			reentry: this.describe(m, m.qty)
		};
		this.reenter = true;
		this.reenterAt = toLocalInput(likely);
		this.message = null;
	}

	cancel(): void {
		this.plan = null;
	}

	confirm(): boolean {
		const plan = this.plan;
		if (!plan) return false;
		const reenterAtMs = this.reenter ? fromLocalInput(this.reenterAt) : undefined;
		const r = this.ws.run((ctx) =>
			repairStamp(
				ctx,
				reenterAtMs === undefined
					? { movementId: plan.movementId }
					: { movementId: plan.movementId, reenterAtMs }
			)
		);
		if (!r.ok) {
			this.message = { tone: 'error', text: errorMessage(r.error) };
			return false;
		}
		this.plan = null;
		this.message = {
			tone: 'ok',
			text: t(r.value.reentry ? 'clock.repair.okReentered' : 'clock.repair.okReversed')
		};
		return true;
	}

	private describe(m: Movement, qty: number): string {
		const item = this.ws.item(m.itemId);
		const wh = this.ws.warehouse(m.warehouseId);
		const loc = m.locationId ? this.ws.location(m.locationId) : undefined;
		const sign = qty > 0 ? '+' : '−';
		return [
			`${sign}${fmtNumber(Math.abs(qty))} ${item?.unit ?? ''} ${item ? `${item.code} ${item.name}` : m.itemId}`,
			wh ? `${wh.code} ${wh.name}` : m.warehouseId,
			loc?.code,
			m.lot ? t('clock.repair.lot', { lot: m.lot }) : undefined
		]
			.filter(Boolean)
			.join(' · ');
	}
}

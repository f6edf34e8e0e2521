// View model of the clock page (admins): entries stamped far from the relay's time — more than
// 5 minutes ahead, or before 2020 (a reset clock) — with the device that stamped them and how
// far that device's clock was off the relay's when it last reported it (presence). The relay
// already refuses what is more than a day ahead; these are the entries it kept.

import { flaggedEntries, type FlaggedEntry } from '../../domain/clock/flagged';
import type { Movement } from '../../domain/ledger/movement';
import { stampedEntries } from '../../doc/stamped-entries';
import { fmtDateTime, fmtStamp, t } from '../../i18n';
import { deviceLabel } from '../device-label';
import { deviceOffsets } from '../device-offsets.svelte';
import type { WorkspaceState } from '../workspace.svelte';
import { ClockRepair, type RepairState } from './clock-repair.svelte';
import { movementsById } from './clock-repair-input';

export interface FlaggedRow {
	key: string;
	trust: FlaggedEntry['trust'];
	at: string;
	off: string;
	kind: string;
	ref: string;
	user: string;
	device: string;
	offset: string;
	/** A movement's id (the repair acts on it), '' for other entries. */
	movementId: string;
	repair: RepairState;
	/** What the repair did, for a repaired movement. */
	repaired: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in its largest whole unit ("400 days", "6 hours"). */
export function durationText(ms: number): string {
	const abs = Math.abs(ms);
	if (abs >= DAY) return t('clock.days', { count: Math.floor(abs / DAY) });
	if (abs >= HOUR) return t('clock.hours', { count: Math.floor(abs / HOUR) });
	if (abs >= MINUTE) return t('clock.minutes', { count: Math.floor(abs / MINUTE) });
	return t('clock.seconds', { count: Math.floor(abs / SECOND) });
}

/** A device clock's offset from the relay's: "3 days fast", "on time" (within a second). */
export function offsetText(offsetMs: number | undefined): string {
	if (offsetMs === undefined) return t('clock.offset.unknown');
	if (Math.abs(offsetMs) < SECOND) return t('clock.exact');
	return t(offsetMs > 0 ? 'clock.fast' : 'clock.slow', { amount: durationText(offsetMs) });
}

export class ClockAdminPage {
	readonly isAdmin: boolean;
	/** The relay's time as this device knows it; `tick()` moves it. */
	nowMs = $state(0);

	/** Every movement of the open ledgers by id (the repair reads and checks them). */
	private movements: Map<string, Movement> = $derived.by(() => {
		void this.ws.balances;
		return movementsById(this.ws.runtime.docs.ledgers());
	});

	readonly repair: ClockRepair;

	rows: FlaggedRow[] = $derived.by(() => {
		void this.ws.balances;
		void this.ws.docRevision.orders;
		void this.ws.docRevision.counts;
		void this.ws.items;
		const docs = this.ws.runtime.docs;
		const entries = stampedEntries({
			ledgers: docs.ledgers(),
			counts: docs.shared('counts'),
			orders: docs.shared('orders'),
			catalog: docs.catalog
		});
		return flaggedEntries(entries, this.nowMs).map((e) => this.row(e));
	});

	constructor(private readonly ws: WorkspaceState) {
		this.isAdmin = ws.session.role === 'admin';
		this.nowMs = ws.runtime.timeMs();
		this.repair = new ClockRepair(
			ws,
			() => this.movements,
			() => this.nowMs
		);
	}

	get serverTime(): string {
		return fmtDateTime(this.nowMs);
	}

	/** This device's own offset (what it reports to others). */
	get thisOffset(): string {
		// Device clock − relay clock is the negative of the relay clock's offset.
		return offsetText(-this.ws.runtime.relayClock.offsetMs());
	}

	tick(): void {
		this.nowMs = this.ws.runtime.timeMs();
	}

	private row(e: FlaggedEntry): FlaggedRow {
		const reported = deviceOffsets.byId[e.device]?.offsetMs;
		const movementId = e.kind === 'movement' ? e.id : '';
		const repair = movementId && this.isAdmin ? this.repair.stateOf(movementId) : 'none';
		return {
			movementId,
			repair,
			repaired: repair === 'repaired' ? this.repair.repairedText(movementId) : '',
			key: `${e.kind}:${e.id}`,
			trust: e.trust,
			at: fmtStamp(e.at),
			off:
				e.trust === 'behind'
					? t('clock.behind')
					: t('clock.ahead', { amount: durationText(e.offByMs) }),
			kind: t(`clock.kind.${e.kind}`),
			ref: [e.itemId ? (this.ws.item(e.itemId)?.code ?? '') : '', e.ref]
				.filter(Boolean)
				.join(' · '),
			user: e.user,
			device: deviceLabel(e.device),
			// Presence carries the relay clock's offset (relay − device): the device's is its negative.
			offset: offsetText(reported === undefined ? undefined : -reported)
		};
	}
}

// Relay counters and gauges, rendered as Prometheus text for GET /metrics.

import { REFUSAL_REASONS, type RefusalReason } from '../src/lib/sync/protocol';
import { createHistogram, type Histogram } from './histogram';

export interface Metrics {
	bytesIn: number;
	bytesOut: number;
	updatesPersisted: number;
	rejectedWrites: number;
	protocolErrors: number;
	refusedConnections: number;
	/** Connections closed (4426) because the app's protocol version is not served. */
	outdatedClients: number;
	slowConsumersDropped: number;
	rateLimited: number;
	docTooLarge: number;
	/** Group commits (transactions) that stored at least one update. */
	persistBatches: number;
	/** WAL fsyncs of `split` mode, each making every commit before it power-loss durable. */
	walSyncs: number;
	/** Compactions that folded rows into a snapshot, the rows they folded, and failed ones. */
	compactions: number;
	compactedRows: number;
	compactionFailures: number;
	/** Updates the integrity check refused, by reason (sync-server/integrity). */
	refusedUpdates: Record<RefusalReason, number>;
	/** Large updates checked on the relay's thread because its check thread failed. */
	integrityCheckFallbacks: number;
	/** Store appends tried again after the store failed (a database restarting). */
	storeRetries: number;
	/** From an update's arrival to its append resolving (stored), group-commit wait included. */
	storeAppend: Histogram;
	/** From another relay starting the batch that stored an update to this relay applying it. */
	fanoutLag: Histogram;
	/** Updates received from other relays through the shared store. */
	fanoutUpdates: number;
}

export function createMetrics(): Metrics {
	return {
		bytesIn: 0,
		bytesOut: 0,
		updatesPersisted: 0,
		rejectedWrites: 0,
		protocolErrors: 0,
		refusedConnections: 0,
		outdatedClients: 0,
		slowConsumersDropped: 0,
		rateLimited: 0,
		docTooLarge: 0,
		persistBatches: 0,
		walSyncs: 0,
		compactions: 0,
		compactedRows: 0,
		compactionFailures: 0,
		refusedUpdates: Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<
			RefusalReason,
			number
		>,
		integrityCheckFallbacks: 0,
		storeRetries: 0,
		storeAppend: createHistogram(),
		fanoutLag: createHistogram(),
		fanoutUpdates: 0
	};
}

export interface Gauges {
	rooms: number;
	connections: number;
}

interface Series {
	name: string;
	type: 'gauge' | 'counter';
	help: string;
	value: number;
}

export function renderMetrics(metrics: Metrics, gauges: Gauges): string {
	const series: Series[] = [
		{
			name: 'stockflow_rooms',
			type: 'gauge',
			help: 'Rooms (docs) loaded in memory',
			value: gauges.rooms
		},
		{
			name: 'stockflow_connections',
			type: 'gauge',
			help: 'Open WebSocket connections',
			value: gauges.connections
		},
		{
			name: 'stockflow_bytes_in_total',
			type: 'counter',
			help: 'Bytes received on WebSockets',
			value: metrics.bytesIn
		},
		{
			name: 'stockflow_bytes_out_total',
			type: 'counter',
			help: 'Bytes sent on WebSockets',
			value: metrics.bytesOut
		},
		{
			name: 'stockflow_updates_persisted_total',
			type: 'counter',
			help: 'Yjs updates stored',
			value: metrics.updatesPersisted
		},
		{
			name: 'stockflow_rejected_writes_total',
			type: 'counter',
			help: 'Updates dropped from connections without write rights',
			value: metrics.rejectedWrites
		},
		{
			name: 'stockflow_protocol_errors_total',
			type: 'counter',
			help: 'Connections closed for malformed, oversized or text frames',
			value: metrics.protocolErrors
		},
		{
			name: 'stockflow_refused_connections_total',
			type: 'counter',
			help: 'WebSocket upgrades refused (auth, workspace, doc)',
			value: metrics.refusedConnections
		},
		{
			name: 'stockflow_outdated_clients_total',
			type: 'counter',
			help: 'Connections closed (4426) because the app speaks a protocol version not served',
			value: metrics.outdatedClients
		},
		{
			name: 'stockflow_slow_consumers_dropped_total',
			type: 'counter',
			help: 'Connections closed (4408) because their send buffer passed the limit',
			value: metrics.slowConsumersDropped
		},
		{
			name: 'stockflow_rate_limited_total',
			type: 'counter',
			help: 'Connections closed (4429) for sending messages faster than allowed',
			value: metrics.rateLimited
		},
		{
			name: 'stockflow_doc_too_large_total',
			type: 'counter',
			help: 'Connections closed (4413) by an update that would pass the document size limit',
			value: metrics.docTooLarge
		},
		{
			name: 'stockflow_persist_batches_total',
			type: 'counter',
			help: 'Transactions that stored updates (group commit: several updates per transaction)',
			value: metrics.persistBatches
		},
		{
			name: 'stockflow_wal_syncs_total',
			type: 'counter',
			help: 'WAL fsyncs that made earlier commits survive power loss (split mode: one per group)',
			value: metrics.walSyncs
		},
		{
			name: 'stockflow_compactions_total',
			type: 'counter',
			help: 'Compactions that folded a room’s stored rows into one snapshot',
			value: metrics.compactions
		},
		{
			name: 'stockflow_compacted_rows_total',
			type: 'counter',
			help: 'Stored rows folded into snapshots by compaction',
			value: metrics.compactedRows
		},
		{
			name: 'stockflow_compaction_failures_total',
			type: 'counter',
			help: 'Compactions that failed (the rows stay; the next write retries)',
			value: metrics.compactionFailures
		},
		{
			name: 'stockflow_integrity_check_fallbacks_total',
			type: 'counter',
			help: 'Large updates checked on the relay thread because the integrity check thread failed',
			value: metrics.integrityCheckFallbacks
		},
		{
			name: 'stockflow_store_retries_total',
			type: 'counter',
			help: 'Appends tried again while the store was failing (the writer is not confirmed meanwhile)',
			value: metrics.storeRetries
		},
		{
			name: 'stockflow_fanout_updates_total',
			type: 'counter',
			help: 'Updates other relays stored that this relay applied to its rooms',
			value: metrics.fanoutUpdates
		}
	];
	const histograms = [
		metrics.storeAppend.render(
			'stockflow_store_append_seconds',
			'From receiving an update to the store confirming it stored (group commit wait included)'
		),
		metrics.fanoutLag.render(
			'stockflow_fanout_lag_seconds',
			'From another relay starting to store an update to this relay applying it'
		)
	].join('\n');
	const refused = [
		'# HELP stockflow_refused_updates_total Updates refused by the integrity check, by reason',
		'# TYPE stockflow_refused_updates_total counter',
		...REFUSAL_REASONS.map(
			(reason) =>
				`stockflow_refused_updates_total{reason="${reason}"} ${metrics.refusedUpdates[reason]}`
		)
	].join('\n');
	return (
		series
			.map((s) => `# HELP ${s.name} ${s.help}\n# TYPE ${s.name} ${s.type}\n${s.name} ${s.value}`)
			.join('\n') +
		'\n' +
		refused +
		'\n' +
		histograms +
		'\n'
	);
}

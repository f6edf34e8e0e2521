// Bench child: the Stockflow relay as shipped (SQLite with group commit, the default
// STOCKFLOW_SQLITE_SYNC=split, default limits), on 127.0.0.1 with a temp DATA_DIR.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '../../sync-server/persistence/memory';
import { SQLITE_SYNCHRONOUS_MODES } from '../../sync-server/persistence/sqlite-writer';
import { startServer } from '../../sync-server/server';
import { BENCH_SECRET } from './shared';
import { procStats, serveRpc } from './rpc';

// BENCH_SQLITE_SYNC=full|split|normal: another STOCKFLOW_SQLITE_SYNC; unset = the default.
const sqliteSynchronous = SQLITE_SYNCHRONOUS_MODES.find((m) => m === process.env.BENCH_SQLITE_SYNC);
const dataDir = mkdtempSync(join(tmpdir(), 'stockflow-bench-'));
const server = await startServer({
	port: 0,
	host: '127.0.0.1',
	dataDir,
	secret: BENCH_SECRET,
	roomGraceMs: Number(process.env.BENCH_GRACE_MS ?? 30_000),
	sqliteSynchronous,
	// The bench's entries are not domain movements yet (shared.ts `Entry`), so the integrity
	// checks would refuse them: off unless BENCH_INTEGRITY_CHECKS=on.
	integrityChecks: process.env.BENCH_INTEGRITY_CHECKS === 'on',
	// BENCH_STORE=memory isolates the cost of durable storage (not what ships).
	...(process.env.BENCH_STORE === 'memory' ? { store: createMemoryStore() } : {})
});
process.on('SIGTERM', () => {
	void server.close().finally(() => {
		rmSync(dataDir, { recursive: true, force: true });
		process.exit(0);
	});
});

serveRpc(
	{
		stats: (args) => procStats(server.rooms(), args === 'gc')
	},
	{ port: server.port }
);

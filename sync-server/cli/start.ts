// `stockflow start` (= `npm start`): build the PWA if needed, run the relay, print the links
// for the two-browser story, and shut down cleanly on SIGINT/SIGTERM.

import { join } from 'node:path';
import { issueToken } from '../auth';
import { resolveSecret } from '../secret';
import { createLogger } from '../logger';
import { startServer } from '../server';
import { noPositionals, parseFlags } from './args';
import { needsBuild, runBuild } from './build';
import { storeFromEnv } from './store-env';
import {
	PACKAGE_ROOT,
	dataDirFromEnv,
	hostFromEnv,
	integrityChecksFromEnv,
	portFromEnv,
	sqliteSyncFromEnv
} from './env';

const DEMO_WORKSPACE = 'demo';

export async function startCommand(argv: string[]): Promise<void> {
	const { positionals } = parseFlags(argv, {});
	noPositionals(positionals);
	const port = portFromEnv();
	const host = hostFromEnv();
	const dataDir = dataDirFromEnv();
	const sqliteSynchronous = sqliteSyncFromEnv();
	const logger = createLogger();
	const selected = storeFromEnv({ dataDir, logger });

	if (process.env.STOCKFLOW_SKIP_BUILD !== '1' && needsBuild(PACKAGE_ROOT)) {
		console.log('Building the app (first start or sources changed)…');
		await runBuild(PACKAGE_ROOT);
	}

	const secret = resolveSecret(dataDir);
	const server = await startServer({
		port,
		host,
		dataDir,
		secret,
		staticDir: join(PACKAGE_ROOT, 'build'),
		sqliteSynchronous,
		store: selected.store,
		integrityChecks: integrityChecksFromEnv(),
		logger
	});

	const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const origin = `http://${shownHost}:${server.port}`;
	const link = async (role: 'admin' | 'warehouse' | 'sales'): Promise<string> =>
		`${origin}/signin?token=${await issueToken({ secret, workspace: DEMO_WORKSPACE, role, user: role, ttl: '30d' })}`;

	console.log(`Stockflow is running at ${origin}`);
	console.log('');
	console.log(`Sign in as the demo admin:\n  ${await link('admin')}`);
	console.log(`Sign in as a warehouse user:\n  ${await link('warehouse')}`);
	console.log(`Sign in as a sales user:\n  ${await link('sales')}`);
	console.log('');
	console.log(
		`Fill the workspace with a demo company: npx stockflow demo --workspace ${DEMO_WORKSPACE}`
	);
	console.log(`Data: ${selected.where}   Stop: Ctrl+C`);

	let stopping = false;
	const stop = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		logger.info({ signal }, 'shutting down');
		server.close().then(
			() => process.exit(0),
			(err: unknown) => {
				logger.error({ err }, 'shutdown failed');
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

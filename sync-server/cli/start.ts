// `stockflow start` (= `npm start`): build the PWA if needed, run the relay, print its URL and,
// while the workspace has no admin yet, one single-use link for its first admin; shut down
// cleanly on SIGINT/SIGTERM.

import { join } from 'node:path';
import { resolveSecret } from '../secret';
import { createLogger } from '../logger';
import { startServer } from '../server';
import { createAdjustableClock, testClockFromEnv } from '../test-clock';
import { metricsAccessFromEnv } from '../metrics-access';
import { previousSecretFromEnv } from '../secret-rotation';
import { firstAdminLink } from '../sessions/first-admin';
import { openSessionStore } from '../sessions/store';
import { noPositionals, parseFlags } from './args';
import { needsBuild, runBuild } from './build';
import { databaseUrlFromEnv, storeFromEnv } from './store-env';
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
	const selected = await storeFromEnv({ dataDir, logger });

	if (process.env.STOCKFLOW_SKIP_BUILD !== '1' && needsBuild(PACKAGE_ROOT)) {
		console.log('Building the app (first start or sources changed)…');
		await runBuild(PACKAGE_ROOT);
	}

	const secret = resolveSecret(dataDir);
	// With Postgres, who may connect is shared too: a device signed in through any relay.
	const sessions = openSessionStore({
		dataDir,
		databaseUrl: databaseUrlFromEnv(),
		onError: (err) => logger.warn({ err }, 'Postgres connection lost (sessions)')
	});
	const testClock = testClockFromEnv(process.env) ? createAdjustableClock() : null;
	const server = await startServer({
		port,
		host,
		dataDir,
		secret,
		staticDir: join(PACKAGE_ROOT, 'build'),
		sqliteSynchronous,
		store: selected.store,
		sessions,
		integrityChecks: integrityChecksFromEnv(),
		metricsAccess: metricsAccessFromEnv(process.env),
		previousSecret: previousSecretFromEnv(process.env),
		...(testClock ? { testClock } : {}),
		logger
	});
	if (testClock) logger.warn('STOCKFLOW_TEST_CLOCK=1: the relay clock can be moved (tests only)');

	const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const origin = `http://${shownHost}:${server.port}`;

	console.log(`Stockflow is running at ${origin}`);
	console.log('');
	// The relay's own session store (it closes it on shutdown).
	const first = await firstAdminLink({ secret, sessions, workspace: DEMO_WORKSPACE, origin });
	if (first) {
		console.log(
			`No administrator yet. Open this link once to set up the company (single use, until ${new Date(first.expiresAtMs).toISOString().slice(0, 16)}Z):`
		);
		console.log(`  ${first.link}`);
	} else {
		console.log(
			`Workspace "${DEMO_WORKSPACE}" has an administrator: invite people from "People and devices" in the app.`
		);
	}
	console.log('');
	// The CLI finds this relay by PORT and its secret by DATA_DIR: say them when not the defaults.
	const cliEnv = [
		process.env.PORT ? `PORT=${process.env.PORT}` : '',
		process.env.DATA_DIR ? `DATA_DIR=${process.env.DATA_DIR}` : ''
	]
		.filter(Boolean)
		.join(' ');
	console.log(
		`Fill the workspace with a demo company: ${cliEnv ? `${cliEnv} ` : ''}npx stockflow demo --workspace ${DEMO_WORKSPACE}`
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

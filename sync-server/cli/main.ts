// `stockflow <command>`: dispatch, one-line errors, exit codes (2 = bad arguments).

import { UsageError } from './args';

const USAGE = `Usage: stockflow <command> [options]

Commands:
  start                                   serve the app and the relay (PORT, HOST, DATA_DIR)
  token --workspace W --role R [--user U] [--ttl 8h]
                                          print a sign-in token (JWT)
  users --workspace W [--json]            people and their devices (role, last seen, app version)
  revoke --workspace W (--user U | --device D)
                                          end a person's or a device's sessions
  demo --workspace W [--seed N]           fill a workspace with a demo company
  report stock --workspace W [--json]     on-hand stock per item and warehouse
  backup --out FILE                       consistent copy of the database (relay may run)
  restore FILE [--force]                  replace the database with a backup (relay stopped)
  migrate-store --from sqlite:PATH --to postgres://…
                                          copy every document from SQLite to Postgres
  valuate --method fifo|moving-average [--precision N] [--per-warehouse]
                                          value movements (JSON lines on stdin), one line out each
  mrp [--pegging] [--pretty]              MRP records and exceptions for one JSON problem on stdin
  plan --workspace W [--json] [--today D] [--weeks N]
                                          MRP on the stored documents (same plan as the UI)`;

type Command = (argv: string[]) => Promise<void>;

const COMMANDS: Record<string, () => Promise<Command>> = {
	start: async () => (await import('./start')).startCommand,
	token: async () => (await import('./token')).tokenCommand,
	users: async () => (await import('./users')).usersCommand,
	revoke: async () => (await import('./revoke')).revokeCommand,
	demo: async () => (await import('./demo')).demoCommand,
	report: async () => (await import('./report')).reportCommand,
	backup: async () => (await import('./backup')).backupCommand,
	restore: async () => (await import('./restore')).restoreCommand,
	'migrate-store': async () => (await import('./migrate-store')).migrateStoreCommand,
	valuate: async () => (await import('./valuate')).valuateCommand,
	mrp: async () => (await import('./mrp')).mrpCommand,
	plan: async () => (await import('./plan')).planCommand
};

async function main(argv: string[]): Promise<void> {
	const [name, ...rest] = argv;
	if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
		console.log(USAGE);
		if (name === undefined) process.exitCode = 2;
		return;
	}
	const load = COMMANDS[name];
	if (!load) throw new UsageError(`unknown command "${name}" (try: stockflow help)`);
	await (
		await load()
	)(rest);
}

// `stockflow report stock | head` closes stdout early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
	if (err.code === 'EPIPE') process.exit(0);
	throw err;
});

main(process.argv.slice(2)).catch((err: unknown) => {
	if (err instanceof UsageError) {
		console.error(`stockflow: ${err.message}`);
		process.exit(2);
	}
	console.error(`stockflow: ${err instanceof Error ? err.message : String(err)}`);
	if (process.env.LOG_LEVEL === 'debug' && err instanceof Error) console.error(err.stack);
	process.exit(1);
});

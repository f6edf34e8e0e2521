// `stockflow revoke --workspace W (--user U | --device D)`: ends a person's or one device's
// sessions in DATA_DIR (or the Postgres database of STOCKFLOW_DATABASE_URL, where every relay
// sharing it sees the revocation). A running relay reads the revocation on its next poll (about a second)
// and closes the open connections; the revoked device is refused from then on. Like the People
// page, it writes the people trail (people_changes), by `cli`.

import { USER_PATTERN } from '../auth';
import { currentRole } from '../sessions/people-changes';
import { openSessionStore } from '../sessions/store';
import { UsageError, noPositionals, parseFlags, requireWorkspace } from './args';
import { dataDirFromEnv } from './env';
import { databaseUrlFromEnv } from './store-env';

/** The `by` of a change made on the command line (people-changes.ts). */
export const CLI_AUTHOR = 'cli';

export async function revokeCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, {
		workspace: { type: 'string', short: 'w' },
		user: { type: 'string', short: 'u' },
		device: { type: 'string', short: 'd' }
	});
	noPositionals(positionals);
	const workspace = requireWorkspace(values.workspace);
	const { user, device } = values;
	if ((user === undefined) === (device === undefined)) {
		throw new UsageError('give exactly one of --user U or --device D');
	}
	if (user !== undefined && (typeof user !== 'string' || !USER_PATTERN.test(user))) {
		throw new UsageError(`invalid --user "${String(user)}"`);
	}
	if (device !== undefined && (typeof device !== 'string' || !/^[A-Za-z0-9_-]{16}$/.test(device))) {
		throw new UsageError(
			`invalid --device "${String(device)}" (ids are listed by stockflow users)`
		);
	}
	const sessions = openSessionStore({
		dataDir: dataDirFromEnv(),
		databaseUrl: databaseUrlFromEnv()
	});
	try {
		const nowMs = Date.now();
		const change = { workspace, atMs: nowMs, by: CLI_AUTHOR, newRole: null };
		if (typeof user === 'string') {
			const oldRole = await currentRole(sessions, workspace, user);
			const ended = await sessions.revokeUser(workspace, user, 'revoked', nowMs);
			await sessions.recordPeopleChange({
				...change,
				...{ action: 'revoke', user, oldRole, device: null }
			});
			process.stdout.write(
				`revoked ${user} in ${workspace}: ${ended} device session(s) ended, older tokens refused\n`
			);
			return;
		}
		const session = typeof device === 'string' ? await sessions.session(device) : null;
		if (!session || session.workspace !== workspace) {
			throw new Error(`no device ${String(device)} in workspace ${workspace}`);
		}
		const ended = await sessions.endSession(session.id, 'revoked', nowMs);
		if (ended)
			await sessions.recordPeopleChange({
				...change,
				...{
					action: 'revoke-device',
					user: session.user,
					oldRole: session.role,
					device: session.id
				}
			});
		process.stdout.write(
			ended
				? `revoked device ${session.id} (${session.deviceName}, ${session.user})\n`
				: `device ${session.id} (${session.deviceName}) was already ${session.endReason ?? 'ended'}\n`
		);
	} finally {
		await sessions.close();
	}
}

// `stockflow users --workspace W [--json]`: the people of a workspace and the devices they
// signed in on (name, role, status, last seen, app version), read from DATA_DIR (or the
// Postgres database of STOCKFLOW_DATABASE_URL).

import { existsSync } from 'node:fs';
import { sqliteFilePath } from '../persistence/sqlite';
import { peopleOf, type PersonView } from '../sessions/people';
import { openSessionStore } from '../sessions/store';
import { noPositionals, parseFlags, requireWorkspace } from './args';
import { dataDirFromEnv } from './env';
import { databaseUrlFromEnv } from './store-env';

export async function usersCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, {
		workspace: { type: 'string', short: 'w' },
		json: { type: 'boolean' }
	});
	noPositionals(positionals);
	const workspace = requireWorkspace(values.workspace);
	const people = await readPeople(dataDirFromEnv(), databaseUrlFromEnv(), workspace);
	if (values.json) {
		process.stdout.write(JSON.stringify({ workspace, people }, null, 2) + '\n');
		return;
	}
	process.stdout.write(formatPeople(people));
}

async function readPeople(
	dataDir: string,
	databaseUrl: string | null,
	workspace: string
): Promise<PersonView[]> {
	// No database yet: nobody ever signed in (do not create one just to say so).
	if (databaseUrl === null && !existsSync(sqliteFilePath(dataDir))) return [];
	const sessions = openSessionStore({ dataDir, databaseUrl });
	try {
		return peopleOf(await sessions.list(workspace));
	} finally {
		await sessions.close();
	}
}

function formatPeople(people: readonly PersonView[]): string {
	if (people.length === 0) return 'No one has signed in to this workspace yet.\n';
	const lines: string[] = [];
	for (const person of people) {
		lines.push(
			`${person.user}  ${person.role}  ${person.activeDevices} active device(s), last seen ${iso(person.lastSeenAtMs)}`
		);
		for (const device of person.devices) {
			lines.push(
				`  ${device.id}  ${device.name}  ${device.role}  ${device.status}  last seen ${iso(
					device.lastSeenAtMs
				)}  app ${device.appVersion ?? 'unknown'}`
			);
		}
	}
	return lines.join('\n') + '\n';
}

function iso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

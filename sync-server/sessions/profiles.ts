// The company behind a workspace as its people see it: a display name and whether its first
// admin finished the first-run setup. It belongs to the installation, not to any document, so
// the relay keeps it in `${DATA_DIR}/workspaces.json` (600, replaced atomically); only the
// relay writes it. (A table in stockflow.sqlite would also need the persistence layer's list of
// allowed tables; see docs/DECISIONS.md, "People and devices".)

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export interface WorkspaceProfile {
	readonly workspace: string;
	/** The company name shown in the app; null until the first admin names it. */
	readonly name: string | null;
	/** When the first-run setup was finished; null while it is to do. */
	readonly setupDoneAtMs: number | null;
}

export interface ProfileStore {
	profile(workspace: string): Promise<WorkspaceProfile>;
	/** Sets the fields given; the others stay. */
	updateProfile(
		workspace: string,
		update: { name?: string; setupDoneAtMs?: number }
	): Promise<void>;
}

const Stored = z.record(
	z.string(),
	z.object({ name: z.string().nullable(), setupDoneAtMs: z.number().nullable() })
);
type Stored = z.infer<typeof Stored>;

export const PROFILES_FILE = 'workspaces.json';

export function profileStore(dataDir: string): ProfileStore {
	const file = join(dataDir, PROFILES_FILE);
	function read(): Stored {
		if (!existsSync(file)) return {};
		const parsed = Stored.safeParse(JSON.parse(readFileSync(file, 'utf8')));
		// A damaged file is refused loudly rather than silently replaced by an empty one.
		if (!parsed.success) throw new Error(`${file} is not a workspace profile file`);
		return parsed.data;
	}
	return {
		async profile(workspace) {
			const row = read()[workspace];
			return {
				workspace,
				name: row?.name ?? null,
				setupDoneAtMs: row?.setupDoneAtMs ?? null
			};
		},
		async updateProfile(workspace, update) {
			const all = read();
			const row = all[workspace] ?? { name: null, setupDoneAtMs: null };
			all[workspace] = {
				name: update.name ?? row.name,
				setupDoneAtMs: update.setupDoneAtMs ?? row.setupDoneAtMs
			};
			const temp = `${file}.${process.pid}.tmp`;
			writeFileSync(temp, JSON.stringify(all, null, '\t') + '\n', { mode: 0o600 });
			renameSync(temp, file);
		}
	};
}

// `stockflow token --workspace W --role R [--user U] [--ttl 8h]`: prints only the JWT.

import { issueToken } from '../auth';
import { resolveSecret } from '../secret';
import {
	noPositionals,
	optionalTtl,
	optionalUser,
	parseFlags,
	requireRole,
	requireWorkspace
} from './args';
import { dataDirFromEnv } from './env';

export async function tokenCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, {
		workspace: { type: 'string', short: 'w' },
		role: { type: 'string', short: 'r' },
		user: { type: 'string', short: 'u' },
		ttl: { type: 'string' }
	});
	noPositionals(positionals);
	const workspace = requireWorkspace(values.workspace);
	const role = requireRole(values.role);
	const user = optionalUser(values.user, role);
	const ttl = optionalTtl(values.ttl, '8h');
	const secret = resolveSecret(dataDirFromEnv());
	process.stdout.write((await issueToken({ secret, workspace, role, user, ttl })) + '\n');
}

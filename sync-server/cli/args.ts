// Argument parsing for the CLI: strict flags, one-line errors, exit code 2 on misuse.

import { parseArgs } from 'node:util';
import { ROLES, isRole, type Role } from '../../src/lib/domain/auth/roles';
import { USER_PATTERN, WORKSPACE_PATTERN, parseTtl } from '../auth';

/** Bad command line: printed as one line, exit code 2. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export function parseFlags<T extends FlagSpec>(argv: string[], spec: T) {
	try {
		return parseArgs({
			args: attachDashValues(argv, spec),
			options: spec,
			strict: true,
			allowPositionals: true
		});
	} catch (err) {
		throw new UsageError(
			err instanceof Error
				? (err.message.split('\n')[0] ?? 'invalid arguments')
				: 'invalid arguments'
		);
	}
}

/**
 * Device and link ids are base64url and so may start with "-" (1 in 64 does): node's parseArgs
 * reads `--device -xfcLGZ…` as a missing value. A value that follows a string flag and is not
 * itself one of the command's flags is attached (`--device=-xfcLGZ…`), so an id pasted from
 * `stockflow users` works as printed. `--device --user` still reads as a missing value.
 */
function attachDashValues(argv: string[], spec: FlagSpec): string[] {
	const flags = new Set<string>();
	/** `--name` and `-n` of each string flag, to the long name its value is attached to. */
	const takesValue = new Map<string, string>();
	for (const [name, option] of Object.entries(spec)) {
		const forms = option.short ? [`--${name}`, `-${option.short}`] : [`--${name}`];
		for (const form of forms) {
			flags.add(form);
			if (option.type === 'string') takesValue.set(form, name);
		}
	}
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		if (arg === '--') return [...out, ...argv.slice(i)];
		const name = takesValue.get(arg);
		const next = argv[i + 1];
		if (
			name !== undefined &&
			next?.startsWith('-') &&
			next !== '--' &&
			!flags.has(next.split('=')[0] as string)
		) {
			out.push(`--${name}=${next}`);
			i++;
		} else out.push(arg);
	}
	return out;
}

export function requireWorkspace(value: string | boolean | undefined): string {
	if (typeof value !== 'string' || value === '') throw new UsageError('--workspace is required');
	if (!WORKSPACE_PATTERN.test(value)) {
		throw new UsageError(
			`invalid --workspace "${value}": use a-z, 0-9 and -, at most 63 characters`
		);
	}
	return value;
}

export function requireRole(value: string | boolean | undefined): Role {
	if (typeof value !== 'string' || value === '') throw new UsageError('--role is required');
	if (!isRole(value)) throw new UsageError(`unknown --role "${value}": one of ${ROLES.join(', ')}`);
	return value;
}

export function optionalUser(value: string | boolean | undefined, fallback: string): string {
	if (value === undefined) return fallback;
	if (typeof value !== 'string' || !USER_PATTERN.test(value))
		throw new UsageError(`invalid --user "${String(value)}"`);
	return value;
}

export function optionalTtl(value: string | boolean | undefined, fallback: string): string {
	if (value === undefined) return fallback;
	if (typeof value !== 'string' || parseTtl(value) === null) {
		throw new UsageError(`invalid --ttl "${String(value)}": use e.g. 15m, 8h, 30d`);
	}
	return value;
}

export function optionalInt(
	name: string,
	value: string | boolean | undefined,
	fallback: number
): number {
	if (value === undefined) return fallback;
	const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
	if (!Number.isInteger(n))
		throw new UsageError(`invalid --${name} "${String(value)}": expected a non-negative integer`);
	return n;
}

export function noPositionals(positionals: string[]): void {
	if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
}

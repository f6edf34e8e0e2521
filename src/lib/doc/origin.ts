// The origin every command's transaction carries (made by commands/context.ts), so observers
// tell this device's own commands from local loading and remote changes.

export interface CommandOrigin {
	readonly kind: 'command';
	readonly command: string;
	readonly user: string;
	readonly device: string;
}

/** Whether a transaction was made by a command on this device. */
export function isCommandOrigin(origin: unknown): boolean {
	return (
		typeof origin === 'object' && origin !== null && 'kind' in origin && origin.kind === 'command'
	);
}

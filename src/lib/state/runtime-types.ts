// The runtime's session, options and events (workspace-runtime.ts), apart so the modules it is
// built from (runtime-docs.ts, runtime-sync.ts) share them without importing the runtime.

import type { SharedDocName } from '../commands/context';
import type { Role } from '../domain/auth/roles';
import type { KeyValueStore } from '../storage/kv';
import type { CorruptDocReport } from '../storage/local-doc';
import type { ChangeOrigin } from '../storage/projector';
import type { TokenCheck } from '../sync/token-check';

export interface RuntimeSession {
	workspace: string;
	token: string;
	role: Role;
	user: string;
	expMs: number;
}

export type RuntimeEvent =
	| { kind: 'catalog' }
	| { kind: 'doc'; name: SharedDocName }
	| { kind: 'balances'; origin: ChangeOrigin }
	| { kind: 'connection' }
	| { kind: 'usable' }
	| { kind: 'ready' }
	| { kind: 'corrupt-doc'; report: CorruptDocReport };

export interface RuntimeOptions {
	session: RuntimeSession;
	kv: KeyValueStore;
	/** `${wsOrigin}/sync/${workspace}`; null runs local-only (tests, or no relay). */
	serverUrl: string | null;
	onEvent?: (event: RuntimeEvent) => void;
	WebSocketPolyfill?: typeof WebSocket;
	checkToken?: () => Promise<TokenCheck>;
	isBrowserOnline?: () => boolean;
	/** The device's own clock (default Date.now); stamps use it plus the relay's offset. */
	nowMs?: () => number;
	random?: () => number;
	/** Local database namespace (default: the workspace); lets tests run two devices in one process. */
	storageNamespace?: string;
}

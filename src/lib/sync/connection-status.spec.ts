import { describe, expect, it } from 'vitest';
import { computeConnectionStatus, type ProviderSnapshot } from './connection-status';

const up: ProviderSnapshot = { connected: true, synced: true, settled: true };
const syncing: ProviderSnapshot = { connected: true, synced: false, settled: true };
const down: ProviderSnapshot = { connected: false, synced: false, settled: true };
const fresh: ProviderSnapshot = { connected: false, synced: false, settled: false };

describe('connection status', () => {
	it.each([
		[
			'unauthorized wins',
			{ browserOnline: true, unauthorized: true, providers: [up], pending: 0 },
			'unauthorized'
		],
		[
			'browser offline',
			{ browserOnline: false, unauthorized: false, providers: [up], pending: 0 },
			'offline'
		],
		[
			'nothing connected yet',
			{ browserOnline: true, unauthorized: false, providers: [fresh], pending: 0 },
			'connecting'
		],
		[
			'nothing connected',
			{ browserOnline: true, unauthorized: false, providers: [down], pending: 2 },
			'offline'
		],
		[
			'not yet synced',
			{ browserOnline: true, unauthorized: false, providers: [up, syncing], pending: 0 },
			'syncing'
		],
		[
			'unconfirmed changes',
			{ browserOnline: true, unauthorized: false, providers: [up], pending: 1 },
			'syncing'
		],
		[
			'one doc still down',
			{ browserOnline: true, unauthorized: false, providers: [up, down], pending: 0 },
			'syncing'
		],
		[
			'all synced and confirmed',
			{ browserOnline: true, unauthorized: false, providers: [up, up], pending: 0 },
			'online'
		]
	] as const)('%s', (_label, input, expected) => {
		expect(computeConnectionStatus(input)).toBe(expected);
	});
});

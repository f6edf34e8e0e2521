import { describe, expect, it } from 'vitest';
import { computeConnectionStatus, type ProviderSnapshot } from './connection-status';

const up: ProviderSnapshot = { connected: true, synced: true, settled: true };
const syncing: ProviderSnapshot = { connected: true, synced: false, settled: true };
const down: ProviderSnapshot = { connected: false, synced: false, settled: true };
const fresh: ProviderSnapshot = { connected: false, synced: false, settled: false };

describe('connection status', () => {
	it.each([
		[
			'outdated wins: only an update helps',
			{ browserOnline: false, outdated: true, unauthorized: true, providers: [down], pending: 3 },
			'outdated'
		],
		[
			'unauthorized wins',
			{ browserOnline: true, outdated: false, unauthorized: true, providers: [up], pending: 0 },
			'unauthorized'
		],
		[
			'browser offline',
			{ browserOnline: false, outdated: false, unauthorized: false, providers: [up], pending: 0 },
			'offline'
		],
		[
			'nothing connected yet',
			{ browserOnline: true, outdated: false, unauthorized: false, providers: [fresh], pending: 0 },
			'connecting'
		],
		[
			'nothing connected',
			{ browserOnline: true, outdated: false, unauthorized: false, providers: [down], pending: 2 },
			'offline'
		],
		[
			'not yet synced',
			{
				browserOnline: true,
				outdated: false,
				unauthorized: false,
				providers: [up, syncing],
				pending: 0
			},
			'syncing'
		],
		[
			'unconfirmed changes',
			{ browserOnline: true, outdated: false, unauthorized: false, providers: [up], pending: 1 },
			'syncing'
		],
		[
			'one doc still down',
			{
				browserOnline: true,
				outdated: false,
				unauthorized: false,
				providers: [up, down],
				pending: 0
			},
			'syncing'
		],
		[
			'all synced and confirmed',
			{
				browserOnline: true,
				outdated: false,
				unauthorized: false,
				providers: [up, up],
				pending: 0
			},
			'online'
		]
	] as const)('%s', (_label, input, expected) => {
		expect(computeConnectionStatus(input)).toBe(expected);
	});
});

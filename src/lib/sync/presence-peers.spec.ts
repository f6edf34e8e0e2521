import { describe, expect, it } from 'vitest';
import { peersFromAwareness } from './presence-peers';

describe('peersFromAwareness', () => {
	it('carries the device clock id and its sign-in name; old peers without them still show', () => {
		const states = new Map<number, unknown>([
			[1, { user: 'kim', role: 'warehouse', device: 'fpULSeGR', deviceName: 'iPad · 倉管' }],
			[2, { user: 'lin', role: 'sales' }],
			[3, { user: 'eve', role: 'sales', deviceName: 'x'.repeat(81) }]
		]);
		const peers = peersFromAwareness(states, 9);
		expect(peers.map((p) => [p.user, p.device, p.deviceName])).toEqual([
			['kim', 'fpULSeGR', 'iPad · 倉管'],
			['lin', '', '']
		]);
	});
});

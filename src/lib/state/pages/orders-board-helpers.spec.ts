import { describe, expect, it } from 'vitest';
import { addDays, viewersByOrder } from './orders-board-helpers';

const peer = (clientId: number, user: string, page: string, self = false) => ({
	clientId,
	user,
	role: 'sales' as const,
	department: 'sales',
	page,
	color: '#2563eb',
	device: '',
	deviceName: '',
	self
});

describe('viewersByOrder', () => {
	it('lists other people per order, once each, and ignores other pages and myself', () => {
		const map = viewersByOrder([
			peer(1, 'lin', 'order:o1'),
			peer(2, 'lin', 'order:o1'),
			peer(3, 'chen', 'order:o1'),
			peer(4, 'wang', 'sales-board'),
			peer(5, 'me', 'order:o1', true)
		]);
		expect(map.get('o1')?.map((p) => p.user)).toEqual(['lin', 'chen']);
		expect(map.size).toBe(1);
	});
});

describe('addDays', () => {
	it('crosses month ends on the local calendar', () => {
		expect(addDays('2026-11-29', 3)).toBe('2026-12-02');
	});
});

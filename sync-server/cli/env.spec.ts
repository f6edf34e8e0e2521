import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { sqliteSyncFromEnv } from './env';

describe('sqliteSyncFromEnv', () => {
	it('defaults to split and keeps the existing values', () => {
		expect(sqliteSyncFromEnv({})).toBe('split');
		expect(sqliteSyncFromEnv({ STOCKFLOW_SQLITE_SYNC: '' })).toBe('split');
		expect(sqliteSyncFromEnv({ STOCKFLOW_SQLITE_SYNC: 'split' })).toBe('split');
		expect(sqliteSyncFromEnv({ STOCKFLOW_SQLITE_SYNC: 'full' })).toBe('full');
		expect(sqliteSyncFromEnv({ STOCKFLOW_SQLITE_SYNC: 'normal' })).toBe('normal');
	});

	it('refuses anything else with a usage error naming the values', () => {
		expect(() => sqliteSyncFromEnv({ STOCKFLOW_SQLITE_SYNC: 'FULL' })).toThrow(UsageError);
		expect(() => sqliteSyncFromEnv({ STOCKFLOW_SQLITE_SYNC: 'off' })).toThrow(
			/full, split, normal/
		);
	});
});

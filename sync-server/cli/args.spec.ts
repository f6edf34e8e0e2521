import { describe, expect, it } from 'vitest';
import { UsageError, parseFlags } from './args';

const spec = {
	workspace: { type: 'string' },
	device: { type: 'string', short: 'd' },
	user: { type: 'string' },
	json: { type: 'boolean' }
} as const;

describe('parseFlags', () => {
	it('takes an id that starts with "-" as the value of the flag before it', () => {
		// The id CI drew: base64url ids start with "-" one time in 64.
		const { values } = parseFlags(['--workspace', 'acme', '--device', '-xfcLGZojvXSY3_Q'], spec);
		expect(values).toEqual({ workspace: 'acme', device: '-xfcLGZojvXSY3_Q' });
		expect(parseFlags(['-d', '-xfcLGZojvXSY3_Q'], spec).values).toEqual({
			device: '-xfcLGZojvXSY3_Q'
		});
		expect(parseFlags(['--device=-xfcLGZojvXSY3_Q'], spec).values).toEqual({
			device: '-xfcLGZojvXSY3_Q'
		});
	});

	it('still reads a known flag after a string flag as a missing value', () => {
		expect(() => parseFlags(['--device', '--user', 'wu'], spec)).toThrow(UsageError);
		expect(() => parseFlags(['--device', '--json'], spec)).toThrow(UsageError);
		expect(() => parseFlags(['--device', '-d'], spec)).toThrow(UsageError);
	});

	it('does not attach a dash value to a boolean flag', () => {
		expect(() => parseFlags(['--json', '-xfcLGZojvXSY3_Q'], spec)).toThrow(UsageError);
	});
});

// `stockflow mrp [--pegging] [--pretty]`: one MRP problem as JSON on stdin, its MRP records and
// exception messages as JSON on stdout (the engine in src/lib/domain/mrp, nothing stored).

import { planMrp } from '../../src/lib/domain/mrp/engine';
import { parseMrpProblem } from '../../src/lib/domain/mrp/schema';
import type { MrpResult } from '../../src/lib/domain/mrp/types';
import { InvalidFieldError } from '../../src/lib/domain/errors';
import { noPositionals, parseFlags, UsageError } from './args';

export async function mrpCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, {
		pegging: { type: 'boolean' },
		pretty: { type: 'boolean' }
	});
	noPositionals(positionals);
	if (process.stdin.isTTY)
		throw new UsageError('pipe one JSON problem on stdin: stockflow mrp < problem.json');
	const text = await readStdin();
	let input: unknown;
	try {
		input = JSON.parse(text);
	} catch (err) {
		throw new InvalidFieldError('stdin', `not JSON (${err instanceof Error ? err.message : err})`);
	}
	const result = planMrp(parseMrpProblem(input));
	const output = values.pegging ? result : withoutPegging(result);
	process.stdout.write((values.pretty ? pretty(output) : JSON.stringify(output)) + '\n');
}

/** Indented, but each per-bucket array on one line so a record reads like the textbook table. */
function pretty(value: unknown): string {
	return JSON.stringify(value, null, 2).replace(
		/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g,
		(_whole, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`
	);
}

/** The documented output: records and exceptions; planned orders with pegging on request. */
function withoutPegging(result: MrpResult): Omit<MrpResult, 'plannedOrders'> {
	return { items: result.items, exceptions: result.exceptions };
}

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

// `stockflow valuate --method fifo|moving-average [--precision N] [--per-warehouse]`: movements
// as JSON lines on stdin, valued in stamp order by the domain engine, one JSON line out per
// input line in input order. The whole input is checked before anything is printed.

import { createValuationEngine } from '../../src/lib/domain/valuation/engine';
import {
	MAX_DECIMALS,
	decimalNumber,
	formatMicro,
	formatRatio,
	toMicro
} from '../../src/lib/domain/valuation/fixed';
import {
	isValuationMethod,
	VALUATION_METHODS,
	type MovementValue,
	type ValuationMethod,
	type ValuationMovement
} from '../../src/lib/domain/valuation/types';
import { noPositionals, parseFlags, UsageError } from './args';

export interface ValuateOptions {
	method: ValuationMethod;
	/** Decimals for money (values and unit costs), rounded half away from zero; default 6. */
	precision?: number;
	/** Value each item per warehouse instead of company-wide. */
	perWarehouse?: boolean;
}

export interface ValuateLine {
	id: string;
	qtyAfter: number;
	valueAfter: number;
	valueChange: number;
	unitCost: number;
	/** FIFO: layers left after the movement, oldest first, as [qty, unit cost]. */
	queue?: [number, number][];
}

/** A line of input that cannot be valued; `line` is 1-based. */
export class ValuateInputError extends Error {
	readonly line: number;
	constructor(line: number, message: string) {
		super(`line ${line}: ${message}`);
		this.name = 'ValuateInputError';
		this.line = line;
	}
}

/**
 * Values JSON lines (blank lines are skipped) and returns one result per movement line, in
 * input order. A movement delivered twice (same id, same content) is valued once and reported
 * on both lines; the same id with different content is an error.
 */
export function valuateLines(lines: readonly string[], options: ValuateOptions): ValuateLine[] {
	const precision = options.precision ?? MAX_DECIMALS;
	const order: string[] = [];
	const seen = new Map<string, { line: number; canonical: string }>();
	const movements: ValuationMovement[] = [];
	lines.forEach((text, index) => {
		if (text.trim() === '') return;
		const line = index + 1;
		const m = parseMovementLine(text, line);
		const canonical = JSON.stringify(m);
		const earlier = seen.get(m.id);
		if (earlier && earlier.canonical !== canonical)
			throw new ValuateInputError(
				line,
				`id "${m.id}" was already used on line ${earlier.line} for a different movement`
			);
		if (!earlier) {
			seen.set(m.id, { line, canonical });
			movements.push(m);
		}
		order.push(m.id);
	});
	const engine = createValuationEngine({
		method: options.method,
		scope: options.perWarehouse ? 'warehouse' : 'item',
		keepQueues: options.method === 'fifo'
	});
	engine.add(movements);
	return order.map((id) => formatLine(engine.get(id) as MovementValue, options.method, precision));
}

function formatLine(r: MovementValue, method: ValuationMethod, precision: number): ValuateLine {
	const money = (micro: number) => decimalNumber(formatMicro(micro, precision));
	const rate = (value: number, qty: number) => decimalNumber(formatRatio(value, qty, precision));
	const out: ValuateLine = {
		id: r.id,
		qtyAfter: decimalNumber(formatMicro(r.qtyAfterMicro)),
		valueAfter: money(r.valueAfterMicro),
		valueChange: money(r.valueChangeMicro),
		unitCost: rate(r.movedValueMicro, r.movedQtyMicro)
	};
	if (method === 'fifo') {
		// Adjacent layers at the same printed cost read as one, as ERPNext shows its queue.
		const queue: [number, number][] = [];
		let last: { qty: number; value: number; rate: number } | undefined;
		for (const [qty, value] of r.queue ?? []) {
			const layerRate = rate(value, qty);
			if (last && last.rate === layerRate) {
				last.qty += qty;
				last.value += value;
				queue[queue.length - 1] = [decimalNumber(formatMicro(last.qty)), layerRate];
			} else {
				last = { qty, value, rate: layerRate };
				queue.push([decimalNumber(formatMicro(qty)), layerRate]);
			}
		}
		out.queue = queue;
	}
	return out;
}

/** One input line → a movement, or a ValuateInputError saying what is wrong with it. */
export function parseMovementLine(text: string, line: number): ValuationMovement {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		throw new ValuateInputError(line, 'not valid JSON');
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		throw new ValuateInputError(line, 'expected a JSON object');
	const record = raw as Record<string, unknown>; // a non-null, non-array object (checked above)
	const text_ = (
		name: 'id' | 'at' | 'itemId' | 'warehouseId' | 'reverses',
		required: boolean
	): string | undefined => {
		const value = record[name];
		if (value === undefined || value === null) {
			if (required) throw new ValuateInputError(line, `missing field "${name}"`);
			return undefined;
		}
		if (typeof value !== 'string' || value === '')
			throw new ValuateInputError(line, `"${name}" must be a non-empty string`);
		return value;
	};
	const decimal = (name: 'qty' | 'unitCost', required: boolean): number | undefined => {
		const value = record[name];
		if (value === undefined || value === null) {
			if (required) throw new ValuateInputError(line, `missing field "${name}"`);
			return undefined;
		}
		const micro = typeof value === 'number' || typeof value === 'string' ? toMicro(value) : null;
		if (micro === null)
			throw new ValuateInputError(
				line,
				`"${name}" must be a decimal number with at most ${MAX_DECIMALS} decimals`
			);
		return micro;
	};
	const m: ValuationMovement = {
		id: text_('id', true) as string,
		at: text_('at', true) as string,
		itemId: text_('itemId', true) as string,
		qtyMicro: decimal('qty', true) as number
	};
	const warehouseId = text_('warehouseId', false);
	if (warehouseId !== undefined) m.warehouseId = warehouseId;
	const unitCost = decimal('unitCost', false);
	if (unitCost !== undefined) {
		if (unitCost < 0) throw new ValuateInputError(line, '"unitCost" must not be negative');
		m.unitCostMicro = unitCost;
	}
	const reverses = text_('reverses', false);
	if (reverses !== undefined) m.reverses = reverses;
	return m;
}

function parsePrecision(value: string | boolean | undefined): number | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || !/^\d$/.test(value) || Number(value) > MAX_DECIMALS)
		throw new UsageError(`invalid --precision "${String(value)}": expected 0 to ${MAX_DECIMALS}`);
	return Number(value);
}

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export async function valuateCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, {
		method: { type: 'string', short: 'm' },
		precision: { type: 'string' },
		'per-warehouse': { type: 'boolean' }
	});
	noPositionals(positionals);
	const method = values.method;
	if (typeof method !== 'string' || method === '')
		throw new UsageError(`--method is required: ${VALUATION_METHODS.join(' or ')}`);
	if (!isValuationMethod(method))
		throw new UsageError(`unknown --method "${method}": ${VALUATION_METHODS.join(' or ')}`);
	const precision = parsePrecision(values.precision);
	const input = await readStdin();
	const lines = valuateLines(input.split(/\r?\n/), {
		method,
		precision,
		perWarehouse: values['per-warehouse'] === true
	});
	// One write after everything was valued: an error never leaves half an answer on stdout.
	process.stdout.write(lines.map((l) => JSON.stringify(l) + '\n').join(''));
}

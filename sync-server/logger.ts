// pino JSON logs on stderr (stdout carries command output: URLs, tokens, reports).

import pino from 'pino';
import type { Logger } from 'pino';

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
	return pino({ level, base: { service: 'stockflow' } }, pino.destination(2));
}

export function silentLogger(): Logger {
	return pino({ level: 'silent' });
}

import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout; one logger for the process, children carry request ids. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'attribution-graph' } });
}

import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON lines on stdout; one logger for the process, children carry request ids. Written
 * asynchronously: a request does not wait for its log line's system call, and lines logged while a
 * write is under way go out together in the next one (under load, many per call). pino flushes
 * what is left when the process exits.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'attribution-graph' } }, pino.destination({ dest: 1, sync: false }));
}

import { LRUCache } from 'lru-cache';

/**
 * Slows down a client that guesses API keys. Secrets are 256-bit random, so guessing is hopeless; what
 * this stops is a client hammering the key lookup (one database read per attempt) and filling the
 * log. After `failuresBeforeBackoff` refused keys in a row, a client must wait before presenting a key
 * again, twice as long after each further refusal, up to `maxDelayMs`. A key that is accepted, or a
 * quiet period without refusals, forgives the past. At most `maxClients` clients are remembered; when
 * more arrive the one seen longest ago is forgotten, so a flood of addresses costs bounded memory.
 */

export interface KeyBackoffConfig {
  failuresBeforeBackoff: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Time after the end of the last wait, without refusals, after which a client starts afresh. */
  resetAfterMs: number;
  maxClients: number;
}

interface Failures {
  count: number;
  /** When the client may present a key again (0: it may now). */
  blockedUntil: number;
  lastFailureAt: number;
}

export class KeyBackoff {
  private readonly clients: LRUCache<string, Failures>;

  constructor(
    private readonly config: KeyBackoffConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.clients = new LRUCache({ max: config.maxClients });
  }

  /** Milliseconds the client must still wait before presenting a key; 0 when it may. */
  waitMs(client: string): number {
    const failures = this.current(client);
    return failures === undefined ? 0 : Math.max(0, failures.blockedUntil - this.now());
  }

  /** Records a refused key; returns how long the client must now wait (0 while it is within its allowance). */
  failed(client: string): number {
    const now = this.now();
    const count = (this.current(client)?.count ?? 0) + 1;
    const beyond = count - this.config.failuresBeforeBackoff;
    const delay = beyond < 0 ? 0 : Math.min(this.config.maxDelayMs, this.config.baseDelayMs * 2 ** Math.min(beyond, 40));
    this.clients.set(client, { count, blockedUntil: delay > 0 ? now + delay : 0, lastFailureAt: now });
    return delay;
  }

  succeeded(client: string): void {
    this.clients.delete(client);
  }

  /** How many clients are remembered (for tests and diagnostics). */
  get size(): number {
    return this.clients.size;
  }

  private current(client: string): Failures | undefined {
    const failures = this.clients.get(client);
    if (failures === undefined) return undefined;
    const quietSince = Math.max(failures.blockedUntil, failures.lastFailureAt);
    if (this.now() - quietSince >= this.config.resetAfterMs) {
      this.clients.delete(client);
      return undefined;
    }
    return failures;
  }
}

import { describe, expect, it } from 'vitest';
import { KeyBackoff, type KeyBackoffConfig } from '../../src/auth/keyBackoff.js';

const CONFIG: KeyBackoffConfig = {
  failuresBeforeBackoff: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  resetAfterMs: 60_000,
  maxClients: 3,
};

function withClock(config: Partial<KeyBackoffConfig> = {}): { backoff: KeyBackoff; advance(ms: number): void } {
  let now = 1_000_000;
  return { backoff: new KeyBackoff({ ...CONFIG, ...config }, () => now), advance: (ms) => (now += ms) };
}

describe('KeyBackoff', () => {
  it('lets a client fail a few times, then doubles its wait after each further refusal, up to the cap', () => {
    const { backoff, advance } = withClock();
    expect([backoff.failed('a'), backoff.failed('a')]).toEqual([0, 0]);
    expect(backoff.waitMs('a')).toBe(0);
    const delays = [];
    for (let i = 0; i < 6; i += 1) {
      const delay = backoff.failed('a');
      delays.push(delay);
      expect(backoff.waitMs('a')).toBe(delay);
      advance(delay);
      expect(backoff.waitMs('a')).toBe(0);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('holds back only the client that failed', () => {
    const { backoff } = withClock();
    for (let i = 0; i < 3; i += 1) backoff.failed('a');
    expect(backoff.waitMs('a')).toBe(1000);
    expect(backoff.waitMs('b')).toBe(0);
  });

  it('forgives a client whose key is accepted', () => {
    const { backoff, advance } = withClock();
    for (let i = 0; i < 4; i += 1) backoff.failed('a');
    advance(2000);
    backoff.succeeded('a');
    expect(backoff.waitMs('a')).toBe(0);
    expect(backoff.failed('a')).toBe(0);
  });

  it('forgives a client that stayed quiet for the reset period after its last wait', () => {
    const { backoff, advance } = withClock();
    for (let i = 0; i < 5; i += 1) backoff.failed('a');
    expect(backoff.waitMs('a')).toBe(4000);
    advance(4000 + 59_000);
    expect(backoff.failed('a')).toBe(8000);
    advance(8000 + 60_000);
    expect(backoff.failed('a')).toBe(0);
  });

  it('remembers a bounded number of clients, forgetting the one seen longest ago', () => {
    const { backoff } = withClock();
    for (const client of ['a', 'b', 'c']) for (let i = 0; i < 3; i += 1) backoff.failed(client);
    backoff.waitMs('a');
    for (let i = 0; i < 3; i += 1) backoff.failed('d');
    expect(backoff.size).toBe(3);
    expect(backoff.waitMs('b')).toBe(0);
    expect([backoff.waitMs('a'), backoff.waitMs('c'), backoff.waitMs('d')]).toEqual([1000, 1000, 1000]);
  });
});

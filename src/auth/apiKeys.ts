import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database.js';
import { apiError } from '../errors.js';
import { ANONYMOUS, ROLES, type Principal, type Role } from './principal.js';

/**
 * API keys look like `agk_<id>_<secret>`. The id finds the stored key; only a SHA-256 hash of the
 * 32-byte random secret is stored. A slow password hash is not needed: the secret is random, not chosen.
 */

const KEY_PATTERN = /^agk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt?: string | null;
}

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export async function createApiKey(db: Database, name: string, role: Role): Promise<{ key: string; info: ApiKeyInfo }> {
  if (!ROLES.includes(role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  if (name.trim() === '' || name.length > 200) throw new Error('name must be 1 to 200 characters');
  const id = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  const [info] = await db.write<ApiKeyInfo>('auth/create-key', { id, name, role, hash: hash(secret) });
  return { key: `agk_${id}_${secret}`, info: info! };
}

export function listApiKeys(db: Database): Promise<ApiKeyInfo[]> {
  return db.read<ApiKeyInfo>('auth/list-keys');
}

export async function revokeApiKey(db: Database, id: string): Promise<boolean> {
  return (await db.write('auth/revoke-key', { id })).length > 0;
}

/** The key in `Authorization: Bearer …` (or `x-api-key`), if any. */
export function presentedKey(authorization: string | undefined, apiKeyHeader: string | undefined): string | undefined {
  if (apiKeyHeader) return apiKeyHeader.trim();
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

/** The principal a presented key stands for; a malformed, unknown or revoked key is refused outright. */
export async function authenticate(db: Database, key: string | undefined): Promise<Principal> {
  if (key === undefined) return ANONYMOUS;
  const refused = apiError('UNAUTHENTICATED', 'The API key is not valid (unknown, revoked or malformed).', {
    http: { status: 401 },
  });
  const match = KEY_PATTERN.exec(key);
  if (!match) throw refused;
  const [row] = await db.read<{ id: string; name: string; role: Role; hash: string }>('auth/find-key', { id: match[1] });
  if (row === undefined) throw refused;
  const expected = Buffer.from(row.hash, 'hex');
  const actual = Buffer.from(hash(match[2]!), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw refused;
  return { keyId: row.id, name: row.name, role: row.role };
}

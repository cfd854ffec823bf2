import { apiError } from '../errors.js';

/** Who is calling: an API key's holder, or an anonymous client. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The API key's id, or null for a client that presented none. */
  keyId: string | null;
  name: string;
  role: Role | null;
}

export const ANONYMOUS: Principal = { keyId: null, name: 'anonymous', role: null };

export function hasRole(principal: Principal, needed: Role): boolean {
  return principal.role !== null && ROLES.indexOf(principal.role) >= ROLES.indexOf(needed);
}

/** UNAUTHENTICATED without a key, FORBIDDEN with a key whose role is too low. */
export function requireRole(principal: Principal, needed: Role, what: string): void {
  if (hasRole(principal, needed)) return;
  if (principal.role === null) {
    throw apiError('UNAUTHENTICATED', `${what} needs an API key with the ${needed} role (Authorization: Bearer <key>).`);
  }
  throw apiError('FORBIDDEN', `${what} needs the ${needed} role; this key has the ${principal.role} role.`);
}

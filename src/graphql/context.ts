import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Loaders } from './loaders.js';

/** Built per request; resolvers reach the database only through it. */
export interface Context {
  db: Database;
  logger: Logger;
  requestId: string;
  loaders: Loaders;
  /** Who is calling (an API key's holder or anonymous). */
  principal: Principal;
}

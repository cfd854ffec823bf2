import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, {
  Neo4jError,
  isRetryableError,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import { apiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { loadStatements, schemaStatements, wireText, type StatementCatalog } from './statements.js';
import { toPlain } from './values.js';

/**
 * The one place that talks to Neo4j. Callers name a statement from cypher/ and pass parameters;
 * they get plain objects back. Reads go to readers and writes to the leader, so that a cluster
 * (neo4j:// URIs) routes them. A single read runs as an auto-commit query (one round trip instead
 * of BEGIN, RUN, COMMIT), retried here on transient errors; several reads that must agree, and
 * every write, run in managed transactions, which the driver retries.
 */

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  transactionTimeoutMs: number;
  logger: Logger;
  statements?: StatementCatalog;
}

/** A transaction that runs named statements; one per unit of work that must apply wholly or not at all. */
export interface Transaction {
  run<T extends object = Row>(statement: string, params?: Params): Promise<T[]>;
}

export interface ServerInfo {
  version: string;
  edition: string;
  address: string;
}

/**
 * The driver sends every JS number as a float; Cypher needs integers for LIMIT, SKIP and ranges,
 * and stored whole numbers should stay integers. Convert whole numbers to Neo4j integers.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const result: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) result[key] = toParams(inner);
    }
    return result;
  }
  return value;
}

/** How long a single read keeps retrying transient errors, as maxTransactionRetryTime does for transactions. */
const READ_RETRY_MS = 2000;

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/**
 * The server refused to let one transaction hold more memory (db.memory.transaction.max, or all
 * transactions together db.memory.transaction.total.max). Transient by Neo4j's account, but the same
 * transaction run again needs the same memory: it is reported, not retried.
 */
function isTransactionMemoryError(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (error.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' ||
      error.code === 'Neo.TransientError.General.TransactionMemoryLimit' ||
      error.code === 'Neo.TransientError.General.OutOfMemoryError')
  );
}

/** A write refused by a uniqueness constraint (an id another write took first). */
export function isUniquenessViolation(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

/** Maps a driver or server error to the API's error model; internals stay in `cause` for the log. */
export function mapDatabaseError(error: unknown, statement: string, timeoutMs: number): Error {
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) {
      return apiError('SERVICE_UNAVAILABLE', 'The database is not reachable right now; try again shortly.', {}, error);
    }
    if (TIMEOUT_CODES.has(error.code)) {
      return apiError(
        'SERVICE_UNAVAILABLE',
        `The query took longer than the ${timeoutMs} ms limit and was stopped; narrow it (fewer hops, a smaller limit).`,
        { reason: 'TIMEOUT' },
        error,
      );
    }
    if (isTransactionMemoryError(error)) {
      return apiError(
        'SERVICE_UNAVAILABLE',
        `${statement} needs more memory in one transaction than the database allows (${error.message}). ` +
          'An import larger than IMPORT_STAGE_ABOVE objects and links is written in batches: lower that setting, ' +
          'or give Neo4j more heap or a higher db.memory.transaction.max; a query: narrow it.',
        { reason: 'MEMORY' },
        error,
      );
    }
    if (isUniquenessViolation(error)) {
      return apiError('CONFLICT', 'The change conflicts with an existing entity (a unique key is taken).', {}, error);
    }
    if (error.code.startsWith('Neo.ClientError.Security.')) {
      return apiError('SERVICE_UNAVAILABLE', 'The API cannot sign in to its database.', {}, error);
    }
  }
  return apiError('INTERNAL_SERVER_ERROR', `Statement ${statement} failed.`, {}, error);
}

/**
 * Driver settings every connection to the graph's Neo4j shares, the benchmark's floor too.
 * Notifications off: Neo4j otherwise attaches its warnings to every result of a statement, each
 * with a position and a GQL status for the driver to decode (read/entity-with-links carries five
 * "unknown property key" warnings on a graph without EuRepoC's properties). Nothing reads them at
 * run time; the statements are checked by the tests.
 */
export const DRIVER_NOTIFICATIONS = { notificationFilter: { minimumSeverityLevel: 'OFF' } } as const;

/**
 * Starts a query with stack capture off. The driver captures and formats a stack trace for every
 * query it starts, to put on an error the query might raise; that was a fortieth of the API's CPU
 * on a list of links. Errors raised here name their statement, so the trace tells nothing more.
 */
export function startQuery<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function rows<T extends object>(result: QueryResult<RecordShape>): T[] {
  return result.records.map((record) => toPlain(record.toObject()) as T);
}

export class Database {
  readonly statements: StatementCatalog;
  /** What is sent for each statement (statements.ts, wireText). */
  private readonly wire: ReadonlyMap<string, string>;
  /** Statements run so far; lets tests prove that nested fields are batched (no N+1). */
  statementsRun = 0;
  private readonly driver: Driver;
  private readonly databaseName: string | undefined;
  private readonly timeoutMs: number;
  private readonly logger: Logger;

  constructor(options: DatabaseOptions) {
    this.statements = options.statements ?? loadStatements();
    this.wire = new Map([...this.statements].map(([name, text]) => [name, wireText(text)]));
    this.databaseName = options.database;
    this.timeoutMs = options.transactionTimeoutMs;
    this.logger = options.logger;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      // Fail fast when the server is gone, so clients get SERVICE_UNAVAILABLE rather than a hang.
      connectionTimeout: 2000,
      connectionAcquisitionTimeout: 3000,
      maxTransactionRetryTime: 2000,
      ...DRIVER_NOTIFICATIONS,
      logging: {
        level: 'warn',
        logger: (level, message) => this.logger[level === 'error' ? 'error' : 'warn']({ driver: true }, message),
      },
    });
  }

  private text(statement: string): string {
    const text = this.wire.get(statement);
    if (text === undefined) throw new Error(`No Cypher statement named ${statement} in cypher/`);
    return text;
  }

  private wrap(tx: ManagedTransaction, label: string, timeoutMs: number): Transaction {
    return {
      run: async <T extends object>(statement: string, params: Params = {}) => {
        this.statementsRun += 1;
        try {
          const text = this.text(statement);
          return rows<T>(await startQuery(() => tx.run(text, toParams(params) as Params)));
        } catch (error) {
          // Mapped here, so that the driver's retry of transient errors does not run it again.
          if (isTransactionMemoryError(error)) throw mapDatabaseError(error, label, timeoutMs);
          throw error;
        }
      },
    };
  }

  private async execute<R>(
    mode: 'READ' | 'WRITE',
    label: string,
    work: (tx: Transaction) => Promise<R>,
    timeoutMs: number = this.timeoutMs,
  ): Promise<R> {
    const session = this.driver.session({
      database: this.databaseName,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: timeoutMs };
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(this.wrap(tx, label, timeoutMs)), config)
        : await session.executeWrite((tx) => work(this.wrap(tx, label, timeoutMs)), config);
    } catch (error) {
      // Errors the work itself raised (a refused changeset, an API error) are the caller's to report.
      if (!(error instanceof Neo4jError)) throw error;
      throw mapDatabaseError(error, label, timeoutMs);
    } finally {
      await session.close();
    }
  }

  /**
   * One statement as an auto-commit read, retried with backoff while the error is transient (a
   * leader switch, a deadlock, a lost connection). `timeoutMs` stops it sooner than the configured
   * transaction timeout (never later).
   */
  async read<T extends object = Row>(statement: string, params: Params = {}, options: { timeoutMs?: number } = {}): Promise<T[]> {
    const timeoutMs = options.timeoutMs === undefined ? this.timeoutMs : Math.min(options.timeoutMs, this.timeoutMs);
    const text = this.text(statement);
    const parameters = toParams(params) as Params;
    const giveUpAt = Date.now() + READ_RETRY_MS;
    this.statementsRun += 1;
    for (let attempt = 0; ; attempt += 1) {
      const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.READ });
      try {
        return rows<T>(await startQuery(() => session.run(text, parameters, { timeout: timeoutMs })));
      } catch (error) {
        if (!isRetryableError(error) || Date.now() >= giveUpAt) throw mapDatabaseError(error, statement, timeoutMs);
        await sleep(Math.min(1000, 50 * 2 ** attempt) * (0.8 + Math.random() * 0.4));
      } finally {
        await session.close();
      }
    }
  }

  write<T extends object = Row>(statement: string, params: Params = {}): Promise<T[]> {
    return this.execute('WRITE', statement, (tx) => tx.run<T>(statement, params));
  }

  /** Several statements in one read transaction: a consistent snapshot. */
  readTransaction<R>(label: string, work: (tx: Transaction) => Promise<R>, timeoutMs?: number): Promise<R> {
    return this.execute('READ', label, work, timeoutMs);
  }

  /** Several statements that apply wholly or not at all. */
  writeTransaction<R>(label: string, work: (tx: Transaction) => Promise<R>, timeoutMs?: number): Promise<R> {
    return this.execute('WRITE', label, work, timeoutMs);
  }

  /**
   * An auto-commit statement, for the few that manage their own transactions
   * (CALL { … } IN TRANSACTIONS: bulk deletes too large for one transaction). Not retried.
   */
  async autoCommit<T extends object = Row>(statement: string, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.WRITE });
    try {
      const text = this.text(statement);
      return rows<T>(await startQuery(() => session.run(text, toParams(params) as Params)));
    } catch (error) {
      throw mapDatabaseError(error, statement, this.timeoutMs);
    } finally {
      await session.close();
    }
  }

  /** Asks the server to plan a statement without running it: proves it parses and its parameters are named. */
  async explain(statement: string): Promise<void> {
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(`EXPLAIN ${this.text(statement)}`);
    } finally {
      await session.close();
    }
  }

  async serverInfo(): Promise<ServerInfo> {
    const [component] = await this.read<{ version: string; edition: string }>('health/components');
    const info = await this.driver.getServerInfo({ database: this.databaseName });
    return {
      version: component?.version ?? 'unknown',
      edition: component?.edition ?? 'unknown',
      address: info.address ?? 'unknown',
    };
  }

  /** Quick reachability probe for readiness checks. */
  async ping(): Promise<boolean> {
    try {
      await this.read('health/ping');
      return true;
    } catch {
      return false;
    }
  }

  /** Applies cypher/schema/*: idempotent constraint and index statements. */
  async migrate(): Promise<string[]> {
    const applied: string[] = [];
    for (const [name] of schemaStatements(this.statements)) {
      // Schema changes cannot share a transaction with each other or with data writes.
      await this.write(name);
      applied.push(name);
    }
    await this.read('health/await-indexes');
    return applied;
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

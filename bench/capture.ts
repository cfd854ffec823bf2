import neo4j from 'neo4j-driver';
import { Database, type DatabaseOptions, type Params, type Row, type Transaction } from '../src/db/database.js';
import { toNeo4jDate } from '../src/db/values.js';
import type { Context } from '../src/graphql/context.js';
import { createLoaders } from '../src/graphql/loaders.js';
import { ANONYMOUS } from '../src/auth/principal.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createApollo } from '../src/server.js';

/**
 * What a GraphQL operation costs the database: the Cypher statements the API runs for it, found by
 * running the operation once through the real resolvers (in this process) over a Database that
 * records every statement. The floor replays exactly these statements with the driver alone, with
 * the same parallelism: a step waits only for the steps that had finished when the API started it.
 */

/** Parameters as JSON: Neo4j dates become {"$date": "YYYY-MM-DD"} (bench/load.ts turns them back). */
export type EncodedParams = Record<string, unknown>;

export interface FloorStep {
  /** One transaction: usually one statement (Database.read), several for Database.readTransaction. */
  statements: Array<{ statement: string; params: EncodedParams }>;
  /** Steps that had finished when this one started. */
  after: number[];
  /** Database.read: one auto-commit query, not a managed transaction. */
  autoCommit?: boolean;
}

export type FloorPlan = FloorStep[];

export function encodeParams(value: unknown): unknown {
  if (neo4j.isDate(value)) return { $date: value.toString() };
  if (Array.isArray(value)) return value.map(encodeParams);
  if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) {
      throw new Error(`the benchmark cannot replay a parameter of type ${value.constructor.name}`);
    }
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, encodeParams(v)]),
    );
  }
  return value;
}

export function decodeParams(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeParams);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$date === 'string' && Object.keys(record).length === 1) return toNeo4jDate(record.$date);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeParams(v)]));
  }
  return value;
}

/** A Database that notes the statements it runs, and which had finished before each started. */
class RecordingDatabase extends Database {
  private steps: FloorStep[] = [];
  private finished: number[] = [];

  startRecording(): void {
    this.steps = [];
    this.finished = [];
  }

  stopRecording(): FloorPlan {
    return this.steps;
  }

  private begin(autoCommit: boolean): { step: FloorStep; index: number } {
    const step: FloorStep = { statements: [], after: [...this.finished], autoCommit };
    return { step, index: this.steps.push(step) - 1 };
  }

  override async read<T extends object = Row>(
    statement: string,
    params: Params = {},
    options: { timeoutMs?: number } = {},
  ): Promise<T[]> {
    const { step, index } = this.begin(true);
    step.statements.push({ statement, params: encodeParams(params) as EncodedParams });
    try {
      return await super.read<T>(statement, params, options);
    } finally {
      this.finished.push(index);
    }
  }

  override async readTransaction<R>(label: string, work: (tx: Transaction) => Promise<R>): Promise<R> {
    const { step, index } = this.begin(false);
    try {
      return await super.readTransaction(label, (tx) =>
        work({
          run: <T extends object>(statement: string, params: Params = {}) => {
            step.statements.push({ statement, params: encodeParams(params) as EncodedParams });
            return tx.run<T>(statement, params);
          },
        }),
      );
    } finally {
      this.finished.push(index);
    }
  }
}

export interface Captured {
  plan: FloorPlan;
  /** First GraphQL error, when the operation failed. */
  error: string | null;
  data: unknown;
}

/** Runs operations through the API's own schema and resolvers, recording their statements. */
export class OperationCapture {
  private readonly db: RecordingDatabase;
  private readonly apollo = createApollo(undefined, loadConfig({}).api);
  private readonly logger = createLogger('silent');

  constructor(options: Omit<DatabaseOptions, 'logger'>) {
    this.db = new RecordingDatabase({ ...options, logger: this.logger });
  }

  async start(): Promise<void> {
    await this.apollo.start();
  }

  async capture(query: string, variables: Record<string, unknown>): Promise<Captured> {
    this.db.startRecording();
    const contextValue: Context = {
      db: this.db,
      logger: this.logger,
      requestId: 'bench-capture',
      principal: ANONYMOUS,
      loaders: createLoaders(this.db),
    };
    const response = await this.apollo.executeOperation({ query, variables }, { contextValue });
    const plan = this.db.stopRecording();
    if (response.body.kind !== 'single') return { plan, error: 'incremental delivery is not benchmarked', data: null };
    const first = response.body.singleResult.errors?.[0];
    return { plan, error: first === undefined ? null : first.message, data: response.body.singleResult.data ?? null };
  }

  async close(): Promise<void> {
    await this.apollo.stop();
    await this.db.close();
  }
}

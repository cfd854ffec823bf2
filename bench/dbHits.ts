import neo4j, { type Driver } from 'neo4j-driver';
import { toParams, type Params } from '../src/db/database.js';
import type { StatementCatalog } from '../src/db/statements.js';
import { decodeParams, type FloorPlan } from './capture.js';
import { median } from './stats.js';

/**
 * Database hits of the statements an operation runs: each statement is run under PROFILE with the
 * operation's own parameters, and the dbHits of every operator of its plan are summed.
 */

interface PlanNode {
  dbHits?: number;
  children?: PlanNode[];
  operatorType?: string;
}

export function sumDbHits(plan: PlanNode | null | undefined): number {
  if (plan === null || plan === undefined) return 0;
  return (plan.dbHits ?? 0) + (plan.children ?? []).reduce((sum, child) => sum + sumDbHits(child), 0);
}

export interface DbHits {
  /** Median over the sampled requests of the operation's total. */
  perRequest: number;
  /** Median dbHits of each statement (summed when a request runs it several times). */
  byStatement: Record<string, number>;
}

export async function profilePlans(
  driver: Driver,
  database: string | undefined,
  catalog: StatementCatalog,
  plans: FloorPlan[],
): Promise<DbHits> {
  const totals: number[] = [];
  const byStatement = new Map<string, number[]>();
  for (const plan of plans) {
    let total = 0;
    const perStatement = new Map<string, number>();
    for (const step of plan) {
      for (const { statement, params } of step.statements) {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
        try {
          const result = await session.run(`PROFILE ${catalog.get(statement)!}`, toParams(decodeParams(params)) as Params);
          const hits = sumDbHits((result.summary.profile as PlanNode | false) || null);
          total += hits;
          perStatement.set(statement, (perStatement.get(statement) ?? 0) + hits);
        } finally {
          await session.close();
        }
      }
    }
    totals.push(total);
    for (const [statement, hits] of perStatement) byStatement.set(statement, [...(byStatement.get(statement) ?? []), hits]);
  }
  return {
    perRequest: median(totals),
    byStatement: Object.fromEntries([...byStatement].map(([statement, hits]) => [statement, median(hits)])),
  };
}

export interface PlanOperator {
  depth: number;
  operator: string;
  details: string;
  rows: number;
  dbHits: number;
}

/** The PROFILE plan of one statement, operator by operator (for docs/performance.md). */
export async function profileOperators(
  driver: Driver,
  database: string | undefined,
  text: string,
  params: Params,
): Promise<PlanOperator[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`PROFILE ${text}`, toParams(decodeParams(params)) as Params);
    const operators: PlanOperator[] = [];
    const walk = (node: PlanNode & { rows?: number; arguments?: Record<string, unknown> }, depth: number): void => {
      operators.push({
        depth,
        operator: String(node.operatorType ?? '?').replace(/@.*$/, ''),
        details: String(node.arguments?.Details ?? '').slice(0, 160),
        rows: Number(node.rows ?? 0),
        dbHits: Number(node.dbHits ?? 0),
      });
      for (const child of node.children ?? []) walk(child, depth + 1);
    };
    if (result.summary.profile) walk(result.summary.profile as PlanNode, 0);
    return operators;
  } finally {
    await session.close();
  }
}

import { requireRole } from '../../auth/principal.js';
import { exportStixPage } from '../../export/stix.js';
import type { ImportOutcome, Resolvers } from '../../generated/graphql.js';
import type { OutcomeCounts } from '../../write/apply.js';
import { importData } from '../../ingest/importData.js';
import { checkFirst } from './shared.js';

/**
 * importBundle and exportStix: the GraphQL face of src/ingest/importData.ts and src/export/stix.ts
 * (their refusals become BAD_USER_INPUT in src/graphql/errors.ts).
 */

function outcomes(counts: Record<string, OutcomeCounts>): ImportOutcome[] {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, c]) => ({ name, created: c.created, updated: c.updated, unchanged: c.unchanged }));
}

function named(counts: Record<string, number>): Array<{ name: string; count: number }> {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => ({ name, count }));
}

export const importResolvers: Resolvers = {
  Mutation: {
    importBundle: async (_parent, { content, format }, context) => {
      requireRole(context.principal, 'editor', 'importBundle');
      const report = await importData(
        context.db,
        { name: `importBundle (${context.principal.name})`, bytes: Buffer.from(content, 'utf8') },
        { format: format === 'STIX' ? 'stix' : format === 'MISP' ? 'misp' : format === 'EUREPOC' ? 'eurepoc' : undefined },
      );
      return {
        unchanged: report.unchanged,
        format: report.format,
        objects: report.objects,
        source: report.source,
        entities: outcomes(report.apply.entities),
        relationships: outcomes(report.apply.relationships),
        merges: report.merges,
        ambiguities: report.ambiguities,
        absorbed: report.absorbed.map(({ from, into, why }) => ({ from, into, reason: why })),
        splits: report.splits.map(({ from, into, statements, why }) => ({ from, into, statements, reason: why })),
        possiblySameAsAdded: report.possiblySameAs.added,
        possiblySameAsRemoved: report.possiblySameAs.removed,
        olderVersionsKept: report.olderVersionsKept,
        restored: report.restored,
        unknownTypes: named(report.unknownTypes),
        unknownProperties: named(report.unknownProperties),
        warnings: report.warnings,
        anomalies: report.anomalies,
      };
    },
  },
  Query: {
    // Like every read: open, or a key of any role when AUTH_REQUIRE_KEY_FOR_READS is set (the
    // context enforces that before any resolver runs).
    exportStix: async (_parent, { ids, neighborhoodOf, depth, first, after }, context) => {
      // ExportError (an unknown id) becomes BAD_USER_INPUT in src/graphql/errors.ts.
      const page = await exportStixPage(
        context.db,
        { ids: ids ?? undefined, neighborhoodOf: neighborhoodOf ?? undefined, depth: depth ?? undefined },
        { first: checkFirst(first ?? 200, 1000), after: after ?? null },
      );
      return {
        bundle: JSON.stringify(page.bundle),
        entityCount: page.entityCount,
        // Exports page forward only: no cursor before the first entity is given.
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor, hasPreviousPage: after != null, startCursor: null },
      };
    },
  },
};

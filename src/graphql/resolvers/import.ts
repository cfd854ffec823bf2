import { requireRole } from '../../auth/principal.js';
import { ExportError, exportStixPage } from '../../export/stix.js';
import { apiError } from '../../errors.js';
import type { ImportOutcome, Resolvers } from '../../generated/graphql.js';
import type { OutcomeCounts } from '../../write/apply.js';
import { ChangesetError } from '../../write/changeset.js';
import { importData } from '../../ingest/importData.js';
import { checkFirst } from './shared.js';

/** importBundle and exportStix: the GraphQL face of src/ingest/importData.ts and src/export/stix.ts. */

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
      try {
        const report = await importData(
          context.db,
          { name: `importBundle (${context.principal.name})`, bytes: Buffer.from(content, 'utf8') },
          { format: format === 'STIX' ? 'stix' : format === 'MISP' ? 'misp' : undefined },
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
          olderVersionsKept: report.olderVersionsKept,
          restored: report.restored,
          unknownTypes: named(report.unknownTypes),
          unknownProperties: named(report.unknownProperties),
          warnings: report.warnings,
        };
      } catch (error) {
        if (error instanceof ChangesetError) {
          throw apiError('BAD_USER_INPUT', error.message, { argument: 'content', problems: error.problems.slice(0, 100) });
        }
        throw error;
      }
    },
  },
  Query: {
    exportStix: async (_parent, { ids, neighborhoodOf, depth, first, after }, context) => {
      requireRole(context.principal, 'reader', 'exportStix');
      const size = checkFirst(first ?? 200, 1000);
      try {
        const page = await exportStixPage(
          context.db,
          { ids: ids ?? undefined, neighborhoodOf: neighborhoodOf ?? undefined, depth: depth ?? undefined },
          { first: size, after: after ?? null },
        );
        return {
          bundle: JSON.stringify(page.bundle),
          entityCount: page.entityCount,
          pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
        };
      } catch (error) {
        if (error instanceof ExportError) throw apiError('BAD_USER_INPUT', error.message);
        throw error;
      }
    },
  },
};

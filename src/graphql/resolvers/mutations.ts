import { requireRole } from '../../auth/principal.js';
import {
  createEntity,
  deleteEntity,
  history,
  idPrefix,
  linkEntities,
  mergeEntities,
  undoMerge,
  updateEntity,
} from '../../editing/editor.js';
import {
  LIMITS,
  citations,
  confidence,
  entityId,
  isoCode,
  newId,
  partialDate,
  positive,
  text,
  url,
  type CitationArg,
} from '../../editing/inputs.js';
import { badUserInput } from '../../errors.js';
import type { Raw } from '../../ingest/seed.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { ChangeRow } from '../../editing/audit.js';
import { checkFirst } from './shared.js';

/** Resolvers of schema/mutations.graphql: input checks here, the writing in src/editing/editor.ts. */

interface AliasArg {
  name: string;
  givenBy?: string | null;
  citations: readonly CitationArg[];
}

function aliases(field: string, list: readonly AliasArg[] | null | undefined): Raw[] {
  return (list ?? []).map((alias, index) => ({
    name: text(`${field}[${index}].name`, alias.name, LIMITS.name, true),
    givenBy: text(`${field}[${index}].givenBy`, alias.givenBy, LIMITS.short),
    cite: citations(`${field}[${index}].citations`, alias.citations, true),
  }));
}

/** Kind-specific fields, checked; only those given are returned. */
function kindFields(field: string, input: Record<string, unknown>): Raw {
  const fields: Raw = {
    isoCode: isoCode(`${field}.isoCode`, input.isoCode as string | null | undefined),
    orgType: input.orgType ?? null,
    size: positive(`${field}.size`, input.size as number | null | undefined, 1_000_000),
    nationality: isoCode(`${field}.nationality`, input.nationality as string | null | undefined),
    started: partialDate(`${field}.started`, input.started as string | null | undefined),
    disclosed: partialDate(`${field}.disclosed`, input.disclosed as string | null | undefined),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
}

export const mutationResolvers: Resolvers = {
  Query: {
    history: (_root, { id, first }, context) => history(context.db, id, checkFirst(first, 500)),
  },
  Change: {
    by: (change: ChangeRow) => ({ keyId: change.actorKeyId ?? null, name: change.actorName }),
    reason: (change: ChangeRow) => change.reason ?? null,
    before: (change: ChangeRow) => change.before ?? null,
    after: (change: ChangeRow) => change.after ?? null,
    undoneAt: (change: ChangeRow) => change.undoneAt ?? null,
  },
  Mutation: {
    createEntity: (_root, { kind, input }, context) => {
      const name = text('input.name', input.name, LIMITS.name, true)!;
      const raw: Raw = {
        id: entityId('input.id', input.id) ?? newId(idPrefix(kind), name),
        kind,
        name,
        description: text('input.description', input.description, LIMITS.description),
        aliases: aliases('input.aliases', input.aliases),
        cite: citations('input.citations', input.citations, true),
        ...kindFields('input', input),
      };
      return createEntity(context.db, context.principal, kind, raw, `mutation createEntity(${kind})`);
    },
    createSource: (_root, { input }, context) => {
      const title = text('input.title', input.title, LIMITS.name, true)!;
      const raw: Raw = {
        id: entityId('input.id', input.id) ?? newId('source', title),
        title,
        titleIsDescriptive: input.titleIsDescriptive ?? false,
        publisher: text('input.publisher', input.publisher, LIMITS.short),
        url: url('input.url', input.url),
        published: partialDate('input.published', input.published),
        sourceType: input.sourceType ?? 'OTHER',
      };
      return createEntity(context.db, context.principal, 'Source', raw, 'mutation createSource');
    },
    updateEntity: (_root, { id, input }, context) => {
      const changes: Raw = {
        ...(input.name !== undefined && input.name !== null ? { name: text('input.name', input.name, LIMITS.name, true) } : {}),
        ...(input.description !== undefined
          ? { description: text('input.description', input.description, LIMITS.description) }
          : {}),
        ...kindFields('input', input),
      };
      return updateEntity(
        context.db,
        context.principal,
        id,
        changes,
        aliases('input.addAliases', input.addAliases),
        citations('input.addCitations', input.addCitations, false),
      );
    },
    deleteEntity: (_root, { id, reason }, context) =>
      deleteEntity(context.db, context.principal, id, text('reason', reason, LIMITS.reason, true)!),
    recordResponse: (_root, { input }, context) => {
      const name = text('input.name', input.name, LIMITS.name, true)!;
      if (input.types.length === 0) throw badUserInput('input.types', 'must list at least one response type');
      const raw: Raw = {
        id: entityId('input.id', input.id) ?? newId('response', name),
        types: [...input.types],
        name,
        description: text('input.description', input.description, LIMITS.description),
        date: partialDate('input.date', input.date, true),
        issuedBy: input.issuerId,
        ...(input.onBehalfOfId ? { onBehalfOf: input.onBehalfOfId } : {}),
        concerns: [...(input.concernsIds ?? [])],
        acknowledges: [...(input.acknowledgesIds ?? [])],
        refersTo: (input.stances ?? []).map((stance, index) => ({
          target: stance.targetId,
          stance: stance.stance,
          ...(stance.basis ? { basis: stance.basis } : {}),
          ...(stance.reportedById ? { reportedBy: stance.reportedById } : {}),
          cite: citations(`input.stances[${index}].citations`, stance.citations, true),
        })),
        ...(input.confidence !== undefined && input.confidence !== null
          ? { confidence: confidence('input.confidence', input.confidence) }
          : {}),
        ...(input.confidenceText ? { confidenceText: text('input.confidenceText', input.confidenceText, LIMITS.short) } : {}),
        ...(input.basis ? { basis: text('input.basis', input.basis, LIMITS.short) } : {}),
        cite: citations('input.citations', input.citations, true),
      };
      return createEntity(context.db, context.principal, 'Response', raw, 'mutation recordResponse');
    },
    link: async (_root, { input }, context) => {
      const raw: Raw = {
        type: input.type,
        from: input.from,
        to: input.to,
        key: input.claimedById ?? '',
        ...(input.confidence !== undefined && input.confidence !== null
          ? { confidence: confidence('input.confidence', input.confidence) }
          : {}),
        ...(input.confidenceText ? { confidenceText: text('input.confidenceText', input.confidenceText, LIMITS.short) } : {}),
        ...(input.claimedById ? { claimedBy: input.claimedById } : {}),
        ...(input.asset ? { asset: text('input.asset', input.asset, LIMITS.short) } : {}),
        ...(input.title ? { title: text('input.title', input.title, LIMITS.short) } : {}),
        cite: citations('input.citations', input.citations, true),
      };
      await linkEntities(context.db, context.principal, raw);
      const links = await context.loaders.links.load({ id: input.from, types: [input.type], direction: 'OUT', limit: 500 });
      const link = links.find((row) => row.node.id === input.to && String(row.props.key ?? '') === raw.key);
      if (link === undefined) throw new Error(`link ${input.from} -> ${input.to} was written but cannot be read back`);
      return link;
    },
    mergeEntities: (_root, { keepId, mergeId, reason }, context) => {
      // Merging rewrites two entities' identities: editors may link, only admins may merge.
      requireRole(context.principal, 'admin', 'mergeEntities');
      return mergeEntities(context.db, context.principal, keepId, mergeId, text('reason', reason, LIMITS.reason, true)!);
    },
    undoMerge: (_root, { changeId }, context) => {
      requireRole(context.principal, 'admin', 'undoMerge');
      return undoMerge(context.db, context.principal, changeId);
    },
  },
};

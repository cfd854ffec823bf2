import type { Database } from '../../src/db/database.js';

/**
 * A canonical dump of what entity resolution decides, for comparing two imports of the same files
 * in different orders: every actor with its external ids, aliases (with who gives them and the
 * sources citing them) and sources; every claim (relationship) from an actor or a campaign with its
 * key and sources. Timestamps, ordering of lists and which statement an entity shows are left out.
 */
export async function resolutionDump(db: Database): Promise<string[]> {
  const ids = (await db.read<{ id: string }>('export/entity-ids-page', { after: null, limit: null })).map((row) => row.id);
  const lines: string[] = [];
  const entities = await db.read<{ id: string; props: Record<string, unknown> }>('export/entities-by-id', { ids });
  const sorted = (value: unknown): string => (Array.isArray(value) ? [...new Set(value.map(String))].sort().join(',') : '');
  const chosen = entities.filter((row) => row.props.kind === 'ThreatActor' || row.props.kind === 'Campaign');
  for (const { id, props } of entities) {
    if (props.kind !== 'ThreatActor') continue;
    lines.push(
      `actor ${id} stix[${sorted(props.stixIds)}] attack[${sorted(props.attackIds)}] misp[${sorted(props.mispUuids)}] merged[${sorted(props.mergedExternalIds)}] cites[${sorted(props.citeSources)}]`,
    );
  }
  const actorIds = chosen.map((row) => row.id);
  for (const alias of await db.read<{ id: string; name: string; givenBy: string; citeSources: string[] }>(
    'export/aliases-by-id',
    { ids: actorIds },
  )) {
    lines.push(`alias ${alias.id} "${alias.name}" by "${alias.givenBy}" cites[${sorted(alias.citeSources)}]`);
  }
  for (const rel of await db.read<{ type: string; from: string; to: string; props: Record<string, unknown> }>(
    'export/relationships-from',
    { ids: actorIds },
  )) {
    lines.push(`claim ${rel.from} ${rel.type} ${rel.to} key=${String(rel.props.key)} cites[${sorted(rel.props.citeSources)}]`);
  }
  return lines.sort();
}

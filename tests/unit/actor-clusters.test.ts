import { describe, expect, it } from 'vitest';
import { clusterActors, type ActorClustering, type ActorStatement } from '../../src/ingest/actorClusters.js';
import { nameKey } from '../../src/model/names.js';

// Resolution from all statements at once: the result must not depend on the order the statements
// (that is, the files) come in, and must keep apart what must stay apart.

function statement(source: string, ownId: string, names: string[], identifiers: string[] = []): ActorStatement {
  return { key: `${source}|${ownId}`, source, ownId, name: names[0]!, curated: false, names, identifiers };
}

const curated = (id: string, names: string[]): ActorStatement => ({
  key: `curated|${id}`,
  source: null,
  ownId: id,
  name: names[0]!,
  curated: true,
  names,
  identifiers: [],
});

const STATEMENTS: ActorStatement[] = [
  curated('actor:apt31', ['APT31']),
  statement('attack', 'intrusion-set--4283', ['ZIRCONIUM', 'APT31', 'Violet Typhoon'], ['attack:G0128', 'uuid:4283']),
  statement('tidal', 'misp:5e34', ['ZIRCONIUM'], ['attack:G0128', 'uuid:5e34']),
  statement('misp', 'misp:6bf7', ['APT31', 'JUDGMENT PANDA', 'TA412'], ['uuid:6bf7']),
  // One source's two actors that another source names as one (REvil): they compete, neither joins.
  statement('attack', 'intrusion-set--c77c', ['REvil', 'GOLD SOUTHFIELD', 'Pinchy Spider'], ['attack:G0115']),
  statement('misp', 'misp:2620', ['GOLD SOUTHFIELD']),
  statement('misp', 'misp:80f0', ['PINCHY SPIDER']),
  // An umbrella: joins none of the actors it covers.
  statement('misp', 'misp:lazarus', ['Lazarus Group', 'APT38'], ['attack:G0032', 'attack:G0082']),
  statement('attack', 'intrusion-set--g0032', ['Lazarus Group'], ['attack:G0032']),
  statement('attack', 'intrusion-set--g0082', ['APT38'], ['attack:G0082']),
  // Two ATT&CK ids meet by a name: apart.
  statement('attack', 'intrusion-set--g1001', ['Shared Name'], ['attack:G1001']),
  statement('attack', 'intrusion-set--g1002', ['Other', 'Shared Name'], ['attack:G1002']),
  // The same id stated by two releases: one actor.
  statement('mobile', 'intrusion-set--4283', ['ZIRCONIUM']),
];

/** A comparable form: each cluster's id and members, and the pairs kept apart. */
function shape(result: ActorClustering): unknown {
  return {
    clusters: result.clusters.map(
      (cluster) =>
        `${cluster.keptId}: ${cluster.statements
          .map((s) => s.key)
          .sort()
          .join(' ')}`,
    ),
    apart: result.apart,
  };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('clusterActors', () => {
  const result = clusterActors(STATEMENTS, nameKey);
  const clusterOf = (key: string): string => result.clusters.find((c) => c.statements.some((s) => s.key === key))!.keptId;

  it('gives the same clusters and the same pairs kept apart in any order of the statements', () => {
    const expected = shape(result);
    for (let seed = 1; seed <= 25; seed += 1) expect(shape(clusterActors(shuffled(STATEMENTS, seed), nameKey))).toEqual(expected);
  });

  it('joins APT31 by ATT&CK id, the same id and names, under the curated id', () => {
    for (const key of ['attack|intrusion-set--4283', 'tidal|misp:5e34', 'misp|misp:6bf7', 'mobile|intrusion-set--4283']) {
      expect(clusterOf(key), key).toBe('actor:apt31');
    }
    const apt31 = result.clusters.find((c) => c.keptId === 'actor:apt31')!;
    expect(apt31.joinedBy).toEqual(expect.arrayContaining(['the same id', 'ATT&CK id G0128', 'name "APT31"']));
  });

  it('joins neither of one source’s two actors that compete for one actor by name', () => {
    expect(clusterOf('misp|misp:2620')).toBe('misp:2620');
    expect(clusterOf('misp|misp:80f0')).toBe('misp:80f0');
    expect(clusterOf('attack|intrusion-set--c77c')).toBe('intrusion-set--c77c');
    expect(result.apart).toEqual(
      expect.arrayContaining([
        {
          from: 'intrusion-set--c77c',
          to: 'misp:2620',
          reason: 'misp states them as different actors',
          matchedNames: ['GOLD SOUTHFIELD'],
          sources: ['attack', 'misp'],
        },
        expect.objectContaining({ from: 'intrusion-set--c77c', to: 'misp:80f0', matchedNames: ['PINCHY SPIDER'] }),
      ]),
    );
  });

  it('joins an umbrella to none of the actors it covers, and points it at them', () => {
    expect(clusterOf('misp|misp:lazarus')).toBe('misp:lazarus');
    expect(clusterOf('attack|intrusion-set--g0032')).toBe('intrusion-set--g0032');
    const umbrella = result.apart.filter((pair) => pair.to === 'misp:lazarus');
    expect(umbrella.map((pair) => pair.from).sort()).toEqual(['intrusion-set--g0032', 'intrusion-set--g0082']);
    expect(umbrella[0]!.reason).toBe('misp:lazarus is given several ATT&CK ids (G0032, G0082): an umbrella of several actors');
  });

  it('keeps two ATT&CK ids apart, and two curated actors', () => {
    expect(clusterOf('attack|intrusion-set--g1001')).not.toBe(clusterOf('attack|intrusion-set--g1002'));
    expect(result.apart).toContainEqual(
      expect.objectContaining({
        from: 'intrusion-set--g1001',
        to: 'intrusion-set--g1002',
        reason: 'different ATT&CK ids (G1001 and G1002)',
      }),
    );
    const two = clusterActors([curated('actor:a', ['Same']), curated('actor:b', ['Same'])], nameKey);
    expect(two.clusters.map((c) => c.keptId)).toEqual(['actor:a', 'actor:b']);
    // Nothing an import stated: no POSSIBLY_SAME_AS to cite.
    expect(two.apart).toEqual([]);
  });
});

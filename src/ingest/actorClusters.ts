/**
 * Which statements about threat actors are one actor, decided from all the statements at once, so
 * that the same files in any order give the same actors (docs/import-export.md, "Entity
 * resolution"). An import places its objects first (src/ingest/resolveAliases.ts, against the graph
 * as it is); src/ingest/reconcileActors.ts then brings the graph to what this function decides,
 * splitting out what a later file showed to be apart and joining what it showed to be one.
 *
 * The rules, each applied in a canonical order (sorted keys), never in the order of the imports:
 * 0. What an editor merged stays together; what an editor separated (undoMerge) stays apart.
 * 1. Statements about one id (ATT&CK Enterprise's and Mobile's APT28) are one actor.
 * 2. Strong identifiers (an ATT&CK id, a STIX or MISP UUID) join the statements that carry them,
 *    unless that joins what must stay apart (`conflict`).
 * 3. Then each name (by name key) joins every actor that carries it, or none: a name whose actors
 *    must stay apart joins none of them, and they get POSSIBLY_SAME_AS. Names carried by fewer
 *    actors go first.
 * 4. An umbrella (a statement giving several ATT&CK ids, MISP's "Lazarus Group") joins nothing; it
 *    gets POSSIBLY_SAME_AS to the actors its ids and names point at.
 * 5. An actor keeps the best id of its statements: a curated id first, then STIX ids, then others,
 *    the smallest of a class.
 */

/** What resolution knows of an actor, or of a group of statements joined so far. */
export interface ActorFacts {
  id: string;
  name: string;
  curated: boolean;
  attackIds: Set<string>;
  sources: Set<string>;
  /** The ids of its statements, and the actors an editor keeps apart from them (undoMerge). */
  ownIds?: Set<string>;
  apartFrom?: Set<string>;
}

/** One source's statement about an actor, or the curated facts of a curated actor. */
export interface ActorStatement {
  /** <source id>|<the id the source gives the object>, or curated|<entity id>. */
  key: string;
  /** The import source stating it; null for a curated actor's own facts. */
  source: string | null;
  /** The id the statement's object has when it stands alone (a STIX id, misp:<uuid>, a curated id). */
  ownId: string;
  name: string;
  curated: boolean;
  /** Every name it gives the actor, its own name included. */
  names: string[];
  /** attack:G0128, uuid:<uuid>. */
  identifiers: string[];
  /** Set when an editor merged into the actor holding it: its statements stay together (that actor's id). */
  pinnedTo?: string | null;
  /** Actors an editor separated from the one holding it (undoMerge): it never joins them. */
  apartFrom?: string[];
}

export interface ActorCluster {
  keptId: string;
  statements: ActorStatement[];
  /** Which keys joined its statements ("ATT&CK id G0128", "name \"APT31\""), in the order applied. */
  joinedBy: string[];
}

/** Two actors that share a name or an identifier but must stay apart. */
export interface KeptApart {
  from: string;
  to: string;
  reason: string;
  matchedNames: string[];
  /** The import sources whose statements carry what they share. */
  sources: string[];
}

export interface ActorClustering {
  clusters: ActorCluster[];
  apart: KeptApart[];
}

/** Curated ids first, then STIX ids, then the rest; the smallest of a class. */
export function preferred(a: { id: string; curated: boolean }, b: { id: string; curated: boolean }): number {
  const rank = (x: { id: string; curated: boolean }): number => (x.curated ? 0 : x.id.includes('--') ? 1 : 2);
  return rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * An actor one source gives several ATT&CK ids (MISP's "Lazarus Group" is G0032 and G0082) covers
 * several of ATT&CK's actors: an umbrella, joined to none of them and never a merge target.
 */
export function isUmbrella(facts: ActorFacts): boolean {
  return facts.attackIds.size > 1;
}

export function umbrellaReason(umbrella: ActorFacts): string {
  return `${umbrella.id} is given several ATT&CK ids (${[...umbrella.attackIds].sort().join(', ')}): an umbrella of several actors`;
}

function editorApart(group: ActorFacts, other: ActorFacts): string | undefined {
  const found = (a: ActorFacts, b: ActorFacts): string | undefined => [...(a.ownIds ?? [])].find((id) => b.apartFrom?.has(id));
  return found(other, group) ?? found(group, other);
}

/** Why two groups of actors must stay apart, or null when they may be one. */
export function conflict(group: ActorFacts, other: ActorFacts, fileName: string): string | null {
  const separated = editorApart(group, other);
  if (separated !== undefined) return `an editor separated ${separated} from them (undoMerge)`;
  if (group.curated && other.curated) return `${other.id} is a curated actor too: curated actors are merged by an editor only`;
  if (isUmbrella(group) || isUmbrella(other)) {
    return umbrellaReason(isUmbrella(group) ? group : other);
  }
  // A joined actor carries at most one ATT&CK id, so that no chain of names unites two of ATT&CK's actors.
  const union = new Set([...group.attackIds, ...other.attackIds]);
  if (union.size > 1) {
    return `different ATT&CK ids (${[...group.attackIds].sort().join(', ')} and ${[...other.attackIds].sort().join(', ')})`;
  }
  const shared = [...other.sources].sort().find((source) => group.sources.has(source));
  if (shared !== undefined) return `${shared === 'this file' ? fileName : shared} states them as different actors`;
  return null;
}

export function joinFacts(a: ActorFacts, b: ActorFacts): ActorFacts {
  return {
    id: a.id,
    name: a.name,
    curated: a.curated || b.curated,
    attackIds: new Set([...a.attackIds, ...b.attackIds]),
    sources: new Set([...a.sources, ...b.sources]),
    ownIds: new Set([...(a.ownIds ?? []), ...(b.ownIds ?? [])]),
    apartFrom: new Set([...(a.apartFrom ?? []), ...(b.apartFrom ?? [])]),
  };
}

export function describeIdentifier(identifier: string): string {
  return identifier.startsWith('attack:') ? `ATT&CK id ${identifier.slice(7)}` : `UUID ${identifier.slice(5)}`;
}

export function attackIdsOf(identifiers: string[]): Set<string> {
  return new Set(identifiers.filter((key) => key.startsWith('attack:')).map((key) => key.slice('attack:'.length)));
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Union-find over statement keys, each root carrying the facts of its group. */
class Groups {
  private readonly parent = new Map<string, string>();
  readonly facts = new Map<string, ActorFacts>();
  readonly joinedBy = new Map<string, string[]>();

  constructor(statements: ActorStatement[]) {
    for (const statement of statements) {
      this.parent.set(statement.key, statement.key);
      this.facts.set(statement.key, {
        id: statement.ownId,
        name: statement.name,
        curated: statement.curated,
        attackIds: attackIdsOf(statement.identifiers),
        sources: new Set(statement.source === null ? [] : [statement.source]),
        ownIds: new Set([statement.ownId]),
        apartFrom: new Set(statement.apartFrom ?? []),
      });
      this.joinedBy.set(statement.key, []);
    }
  }

  find(key: string): string {
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let current = key;
    while (current !== root) {
      const next = this.parent.get(current)!;
      this.parent.set(current, root);
      current = next;
    }
    return root;
  }

  /** Joins two groups; the smaller root key stays the root, so the result does not depend on call order. */
  union(a: string, b: string, why: string): void {
    const [root, child] = [this.find(a), this.find(b)].sort(byString) as [string, string];
    if (root === child) return;
    this.parent.set(child, root);
    this.facts.set(root, joinFacts(this.facts.get(root)!, this.facts.get(child)!));
    const reasons = [...this.joinedBy.get(root)!, ...this.joinedBy.get(child)!];
    if (!reasons.includes(why)) reasons.push(why);
    this.joinedBy.set(root, reasons);
    this.facts.delete(child);
    this.joinedBy.delete(child);
  }

  /** The distinct roots of some keys, in key order. */
  roots(keys: Iterable<string>): string[] {
    return [...new Set([...keys].map((key) => this.find(key)))].sort(byString);
  }
}

interface Rejection {
  keys: string[];
  reason: string;
  name: string | null;
}

/** Why the groups `roots` may not all be one, or null when they may. */
function conflictAmong(groups: Groups, roots: string[]): string | null {
  let acc = groups.facts.get(roots[0]!)!;
  for (const root of roots.slice(1)) {
    const facts = groups.facts.get(root)!;
    const reason = conflict(acc, facts, '');
    if (reason !== null) return reason;
    acc = joinFacts(acc, facts);
  }
  return null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export function clusterActors(statements: ActorStatement[], nameKey: (name: string) => string): ActorClustering {
  const sorted = [...statements].sort((a, b) => byString(a.key, b.key));
  const groups = new Groups(sorted);
  const byKey = new Map(sorted.map((statement) => [statement.key, statement]));
  const umbrella = (statement: ActorStatement): boolean => attackIdsOf(statement.identifiers).size > 1;
  const rejections: Rejection[] = [];

  // 0. What an editor merged stays together.
  const byPin = new Map<string, string[]>();
  for (const statement of sorted) if (statement.pinnedTo) push(byPin, statement.pinnedTo, statement.key);
  for (const keys of byPin.values()) for (const key of keys.slice(1)) groups.union(keys[0]!, key, 'an editor');

  // 1. One id, one actor.
  const byOwnId = new Map<string, string[]>();
  for (const statement of sorted) push(byOwnId, statement.ownId, statement.key);
  for (const keys of byOwnId.values()) for (const key of keys.slice(1)) groups.union(keys[0]!, key, 'the same id');

  // 2. Strong identifiers.
  const byIdentifier = new Map<string, string[]>();
  for (const statement of sorted) {
    if (umbrella(statement)) continue;
    for (const identifier of statement.identifiers) push(byIdentifier, identifier, statement.key);
  }
  for (const identifier of [...byIdentifier.keys()].sort(byString)) {
    const keys = byIdentifier.get(identifier)!;
    const roots = groups.roots(keys);
    if (roots.length < 2) continue;
    // Identifiers join pairwise, in key order: one clashing statement does not keep the others apart.
    let pivot = roots[0]!;
    for (const root of roots.slice(1)) {
      const reason = conflict(groups.facts.get(groups.find(pivot))!, groups.facts.get(groups.find(root))!, '');
      if (reason === null) groups.union(pivot, root, describeIdentifier(identifier));
      else rejections.push({ keys, reason, name: null });
      pivot = groups.find(pivot);
    }
  }

  // 3. Names: all the actors that carry one, or none of them.
  const byName = new Map<string, string[]>();
  const display = new Map<string, string>();
  for (const statement of sorted) {
    if (umbrella(statement)) continue;
    for (const name of statement.names) {
      const key = nameKey(name);
      if (key === '') continue;
      push(byName, key, statement.key);
      if (!display.has(key) || byString(name, display.get(key)!) < 0) display.set(key, name);
    }
  }
  const carriersOf = new Map<string, string[]>();
  for (const [key, keys] of byName) {
    const roots = groups.roots(keys);
    if (roots.length > 1) carriersOf.set(key, roots);
  }
  const rejected = new Map<string, string>();
  for (const [key, roots] of carriersOf) {
    const reason = conflictAmong(groups, roots);
    if (reason !== null) rejected.set(key, reason);
  }
  // Names that compete for one actor: two names pointing one actor at two that must stay apart (one
  // source's GOLD SOUTHFIELD and PINCHY SPIDER, both ATT&CK's G0115) join neither, whichever sorts first.
  const touching = new Map<string, string[]>();
  for (const [key, roots] of carriersOf) if (!rejected.has(key)) for (const root of roots) push(touching, root, key);
  for (const keys of touching.values()) {
    for (let i = 0; i < keys.length; i += 1) {
      for (let j = i + 1; j < keys.length; j += 1) {
        const reason = conflictAmong(groups, [...new Set([...carriersOf.get(keys[i]!)!, ...carriersOf.get(keys[j]!)!])]);
        if (reason === null) continue;
        if (!rejected.has(keys[i]!)) rejected.set(keys[i]!, reason);
        if (!rejected.has(keys[j]!)) rejected.set(keys[j]!, reason);
      }
    }
  }
  // What is left joins in a canonical order (names carried by fewer actors first); a chain of names
  // that would still join what must stay apart stops at the first name that would.
  const nameOrder = [...carriersOf.keys()].sort(
    (a, b) => carriersOf.get(a)!.length - carriersOf.get(b)!.length || byString(a, b),
  );
  for (const key of nameOrder) {
    const keys = byName.get(key)!;
    const name = display.get(key)!;
    let reason = rejected.get(key) ?? null;
    if (reason === null) {
      const roots = groups.roots(keys);
      reason = roots.length > 1 ? conflictAmong(groups, roots) : null;
      if (reason === null) for (const root of roots.slice(1)) groups.union(roots[0]!, root, `name "${name}"`);
    }
    if (reason !== null) rejections.push({ keys, reason, name });
  }

  // 4. Umbrellas point at the actors their ATT&CK ids and names name.
  for (const statement of sorted.filter(umbrella)) {
    const reason = umbrellaReason({ ...groups.facts.get(groups.find(statement.key))!, id: statement.ownId });
    for (const identifier of statement.identifiers) {
      const keys = byIdentifier.get(identifier) ?? [];
      if (keys.length > 0) rejections.push({ keys: [statement.key, ...keys], reason, name: null });
    }
    for (const name of statement.names) {
      const keys = byName.get(nameKey(name)) ?? [];
      if (keys.length > 0) rejections.push({ keys: [statement.key, ...keys], reason, name });
    }
  }

  // 5. The clusters, each under its best id.
  const members = new Map<string, ActorStatement[]>();
  for (const statement of sorted) push(members, groups.find(statement.key), statement);
  const keptIdOf = new Map<string, string>();
  const clusters: ActorCluster[] = [];
  for (const [root, list] of members) {
    const best = list.map((s) => ({ id: s.ownId, curated: s.curated })).sort(preferred)[0]!;
    keptIdOf.set(root, best.id);
    clusters.push({ keptId: best.id, statements: list, joinedBy: groups.joinedBy.get(root)! });
  }
  clusters.sort((a, b) => byString(a.keptId, b.keptId));

  // 6. What stays apart, per pair of actors: the first reason found, every name they share.
  const apart = new Map<string, KeptApart>();
  for (const rejection of rejections) {
    const sides = new Map<string, string[]>();
    for (const key of rejection.keys) push(sides, keptIdOf.get(groups.find(key))!, key);
    const ids = [...sides.keys()].sort(byString);
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const [from, to] = [ids[i]!, ids[j]!];
        const sources = [...sides.get(from)!, ...sides.get(to)!]
          .map((key) => byKey.get(key)!.source)
          .filter((source): source is string => source !== null);
        const pair = `${from}|${to}`;
        const found = apart.get(pair);
        if (found === undefined) {
          apart.set(pair, {
            from,
            to,
            reason: rejection.reason,
            matchedNames: rejection.name === null ? [] : [rejection.name],
            sources: [...new Set(sources)].sort(byString),
          });
        } else {
          if (rejection.name !== null && !found.matchedNames.includes(rejection.name)) found.matchedNames.push(rejection.name);
          found.sources = [...new Set([...found.sources, ...sources])].sort(byString);
        }
      }
    }
  }
  const kept = [...apart.values()].filter((pair) => pair.sources.length > 0);
  for (const pair of kept) pair.matchedNames.sort(byString);
  return { clusters, apart: kept.sort((a, b) => byString(`${a.from}|${a.to}`, `${b.from}|${b.to}`)) };
}

import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { placeNewNodes } from './layout.js';
import type { Entity, GraphEdge } from './queries.js';
import { edgePhrase } from './vocabulary.js';

/**
 * Keeps what cytoscape draws equal to what the view should show, changing only the difference, so
 * that nodes already drawn keep their places. Relationships between the same two entities are drawn
 * as one line (a "bundle") whose label lists what they say: a response that expresses concern about
 * the PRC and does not name it is one line reading "expresses concern about · does not name".
 */

export interface Bundle {
  /** Drawn edge id: the two entity ids in order. */
  id: string;
  source: string;
  target: string;
  members: GraphEdge[];
}

function bundleId(edge: GraphEdge): string {
  const [a, b] = [edge.source, edge.target].sort();
  return `pair:${a}|${b}`;
}

export function bundleEdges(edges: Iterable<GraphEdge>): Map<string, Bundle> {
  const bundles = new Map<string, Bundle>();
  for (const edge of edges) {
    const id = bundleId(edge);
    const bundle = bundles.get(id);
    if (bundle) bundle.members.push(edge);
    else bundles.set(id, { id, source: edge.source, target: edge.target, members: [edge] });
  }
  for (const bundle of bundles.values()) bundle.members.sort((a, b) => a.id.localeCompare(b.id));
  return bundles;
}

function bundleData(bundle: Bundle): Record<string, unknown> {
  const phrases = [...new Set(bundle.members.map(edgePhrase))];
  return {
    id: bundle.id,
    source: bundle.source,
    target: bundle.target,
    label: phrases.join(' · '),
    // Arrows at both ends when the bundle holds relationships of both directions.
    both: bundle.members.some((edge) => edge.source !== bundle.source),
    kinds: bundle.members.some((edge) => edge.type === 'REFERS_TO') ? 'stance' : 'plain',
    members: bundle.members.map((edge) => edge.id).join('\n'),
  };
}

const MAX_LABEL = 60;

/** A node's label: names are cut to a readable length (the tooltip has the whole); a response adds its date. */
export function nodeLabel(entity: Entity): string {
  const name = entity.name.length > MAX_LABEL ? `${entity.name.slice(0, MAX_LABEL - 1).trimEnd()}…` : entity.name;
  return entity.kind === 'Response' && entity.date ? `${name}\n${entity.date.text}` : name;
}

/** Makes cytoscape draw exactly these nodes and bundles; new nodes are placed around the others. */
export function syncGraph(
  cy: Core,
  nodes: Map<string, Entity>,
  bundles: Map<string, Bundle>,
): { added: number; removed: number } {
  let addedCount = 0;
  let removedCount = 0;
  cy.batch(() => {
    const stale = cy.elements().filter((element) => (element.isNode() ? !nodes.has(element.id()) : !bundles.has(element.id())));
    removedCount = stale.nodes().length;
    cy.remove(stale);
    // Bundles whose members changed are redrawn: data of source/target cannot change in place.
    for (const bundle of bundles.values()) {
      const drawn = cy.getElementById(bundle.id);
      if (drawn.nonempty() && drawn.data('members') !== bundleData(bundle).members) cy.remove(drawn);
    }
  });
  const definitions: ElementDefinition[] = [];
  for (const entity of nodes.values()) {
    if (cy.getElementById(entity.id).empty()) {
      definitions.push({ group: 'nodes', data: { id: entity.id, kind: entity.kind, label: nodeLabel(entity) } });
    }
  }
  for (const bundle of bundles.values()) {
    if (cy.getElementById(bundle.id).empty()) definitions.push({ group: 'edges', data: bundleData(bundle) });
  }
  const added = cy.add(definitions).nodes();
  addedCount = added.length;
  placeNewNodes(cy, added);
  return { added: addedCount, removed: removedCount };
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A node label's box in model coordinates, or null for a node without a label. */
export function labelBox(node: NodeSingular): Box | null {
  if (!node.data('label')) return null;
  const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
  return box.w > 0 && box.h > 0 ? box : null;
}

/**
 * Hides the labels that would overlap a label already kept or another node, most important first
 * (selected, expanded, responses, then by degree); hovering a node shows its label again. Label and
 * node sizes scale with zoom alike, so the result holds at every zoom: run after each layout only.
 */
export function declutterLabels(cy: Core, priority: (node: NodeSingular) => number): void {
  const cell = 150;
  const grid = new Map<string, Box[]>();
  const keys = (box: Box): string[] => {
    const result: string[] = [];
    for (let x = Math.floor(box.x1 / cell); x <= Math.floor(box.x2 / cell); x += 1) {
      for (let y = Math.floor(box.y1 / cell); y <= Math.floor(box.y2 / cell); y += 1) result.push(`${x},${y}`);
    }
    return result;
  };
  const collides = (box: Box, own?: Box): boolean =>
    keys(box).some((key) => (grid.get(key) ?? []).some((other) => other !== own && overlaps(box, other)));
  const insert = (box: Box): void => {
    for (const key of keys(box)) grid.set(key, [...(grid.get(key) ?? []), box]);
  };
  cy.batch(() => {
    const nodes = cy.nodes().toArray() as NodeSingular[];
    nodes.forEach((node) => node.removeClass('label-hidden'));
    const bodies = new Map<string, Box>();
    for (const node of nodes) {
      const body = node.boundingBox({ includeLabels: false, includeOverlays: false });
      bodies.set(node.id(), body);
      insert(body);
    }
    nodes.sort((a, b) => priority(b) - priority(a));
    for (const node of nodes) {
      const box = labelBox(node);
      if (box === null) continue;
      if (collides(box, bodies.get(node.id()))) node.addClass('label-hidden');
      else insert(box);
    }
  });
}

/** Pairs of drawn (not hidden) node labels that overlap: what the browser test checks is zero. */
export function labelCollisions(cy: Core): Array<[string, string]> {
  const shown = (cy.nodes().toArray() as NodeSingular[])
    .filter((node) => !node.hasClass('label-hidden'))
    .map((node) => ({ id: node.id(), box: labelBox(node) }))
    .filter((entry): entry is { id: string; box: Box } => entry.box !== null);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < shown.length; i += 1) {
    for (let j = i + 1; j < shown.length; j += 1) {
      if (overlaps(shown[i]!.box, shown[j]!.box)) pairs.push([shown[i]!.id, shown[j]!.id]);
    }
  }
  return pairs;
}

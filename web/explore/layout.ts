import type { Core, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';

/**
 * Incremental layout: what is drawn stays where it is, and new nodes are laid out around it.
 *
 * cytoscape-fcose (spectral start + force-directed refinement, with constraints) places the new
 * nodes with every node already drawn fixed in place (fixedNodeConstraint). It was chosen over cola
 * (a constraint solver that iterates in the browser and slows down well before 2,000 nodes) and
 * cose (no constraints: everything moves at each step); sigma.js + graphology would draw 10,000s of
 * nodes in WebGL, but without a headless GPU here, and with cytoscape's styling, selection and
 * export to rewrite. A force layout costs too much for a hub's hundreds of neighbours at once
 * (expanding a technique used by 1,000 actors), so beyond FORCE_LIMIT new nodes, or around a node
 * that already has that many, they are placed on a sunflower (Vogel) spiral around the node they
 * hang from, continuing the spiral where earlier ones stopped: evenly spaced, no overlaps, O(n), and
 * "load more" extends the disc outward without moving what is drawn.
 */

/** New nodes at most placed by fcose at once; above it, the spiral. */
export const FORCE_LIMIT = 120;

/** Drawn nodes at most for which the whole graph takes part (fixed) when fcose places new ones. */
const WHOLE_GRAPH_LIMIT = 600;

const FCOSE_COMMON = {
  name: 'fcose',
  animate: false,
  fit: false,
  nodeDimensionsIncludeLabels: true,
  packComponents: false,
  idealEdgeLength: () => 110,
  nodeRepulsion: () => 9000,
  nodeSeparation: 110,
  gravity: 0.2,
};

/** Distance between neighbouring spiral places. */
const SPIRAL_SPACING = 34;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The n-th place of a sunflower spiral around a centre; place 0 is one step out. */
function spiralPlace(centre: Position, n: number): Position {
  const radius = SPIRAL_SPACING * Math.sqrt(n + 4);
  const angle = (n + 4) * GOLDEN_ANGLE;
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}

/** Where a node hangs from: its drawn neighbour that is not new and has the most links, or null. */
function anchorOf(node: NodeSingular, isNew: Set<string>): NodeSingular | null {
  let best: NodeSingular | null = null;
  for (const other of node.neighborhood().nodes().toArray() as NodeSingular[]) {
    if (isNew.has(other.id())) continue;
    if (best === null || other.degree(false) > best.degree(false)) best = other;
  }
  return best;
}

/**
 * Starting places: each new node near the node it hangs from, on that node's spiral after the
 * neighbours it already has. Final for large groups; fcose refines small ones.
 */
function placeAroundAnchors(cy: Core, added: NodeCollection, placed: NodeCollection): void {
  const isNew = new Set(added.map((node) => node.id()));
  const groups = new Map<string, NodeSingular[]>();
  const loose: NodeSingular[] = [];
  for (const node of added.toArray() as NodeSingular[]) {
    const anchor = anchorOf(node, isNew);
    if (anchor === null) loose.push(node);
    else if (groups.has(anchor.id())) groups.get(anchor.id())!.push(node);
    else groups.set(anchor.id(), [node]);
  }
  cy.batch(() => {
    for (const [anchorId, nodes] of groups) {
      const anchor = cy.getElementById(anchorId) as NodeSingular;
      // Its neighbours drawn before: the spiral continues after them.
      const before = anchor.degree(false) - nodes.length;
      const centre = anchor.position();
      nodes.forEach((node, i) => node.position(spiralPlace(centre, Math.max(0, before) + i)));
    }
    // Entities linked to nothing drawn (a second search result) go to the right of the graph.
    if (loose.length > 0) {
      const box = placed.nonempty() ? placed.boundingBox({ includeLabels: true }) : { x2: -200, y1: 0 };
      loose.forEach((node, i) => node.position({ x: box.x2 + 200, y: box.y1 + i * 90 }));
    }
  });
}

/**
 * Places `newNodes` (already in cy) without moving anything else; a first drawing of few nodes is
 * laid out whole. Runs synchronously: when it returns, every node has its place.
 */
export function placeNewNodes(cy: Core, newNodes: NodeCollection): void {
  if (newNodes.empty()) return;
  let added = newNodes;
  let placed = cy.nodes().difference(added);
  if (placed.empty() && added.length <= FORCE_LIMIT) {
    cy.layout({ ...FCOSE_COMMON, randomize: true, quality: 'default', fit: true, padding: 40 } as LayoutOptions).run();
    return;
  }
  if (placed.empty()) {
    // A hub drawn first: it goes in the middle, its neighbours on the spiral around it.
    const hub = added.max((node) => node.degree(false)).ele as NodeSingular;
    hub.position({ x: 0, y: 0 });
    placed = cy.collection().merge(hub);
    added = added.difference(hub);
  }
  placeAroundAnchors(cy, added, placed);
  if (added.length > FORCE_LIMIT) return;
  // Up to WHOLE_GRAPH_LIMIT nodes, everything drawn takes part (fixed), so that new nodes are also
  // kept off nodes they are not linked to; beyond, only their anchors do, to stay within a second.
  const scope = cy.nodes().length <= WHOLE_GRAPH_LIMIT ? cy.nodes() : added.union(added.neighborhood().nodes());
  const fixed = scope.difference(added).nodes();
  const kept = new Map(fixed.map((node: NodeSingular) => [node.id(), { ...node.position() }]));
  scope
    .union(scope.edgesWith(scope))
    .layout({
      ...FCOSE_COMMON,
      randomize: false,
      quality: 'default',
      numIter: 1500,
      fixedNodeConstraint: [...kept].map(([nodeId, position]) => ({ nodeId, position })),
    } as LayoutOptions)
    .run();
  // fcose fixes a node's box with its label, whose centre is a few pixels below the node's own:
  // put each fixed node back exactly where it was.
  cy.batch(() => fixed.forEach((node) => void node.position(kept.get(node.id())!)));
}

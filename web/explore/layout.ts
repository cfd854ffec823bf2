import type { Core, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';

/**
 * Incremental layout: what is drawn stays where it is, and new nodes are laid out around it.
 *
 * cytoscape-fcose (spectral start + force-directed refinement, with constraints) places the new
 * nodes with every node already drawn fixed in place (fixedNodeConstraint). It was chosen over cola
 * (constraint solver, slows down well before 2,000 nodes) and cose (no constraints, so everything
 * moves): fcose lays out 2,000 nodes in about a second and supports fixed nodes. Beyond
 * FORCE_LIMIT new nodes at once (expanding a hub: a technique used by 1,000 actors) a force layout
 * would take seconds, so those are placed by cytoscape's concentric layout in rings around the node
 * they hang from, away from the rest of the graph; fcose is used again for the next, smaller steps.
 */

/** New nodes at most placed by fcose; above it, rings (see above). */
export const FORCE_LIMIT = 250;

/** Drawn nodes at most for which the whole graph takes part in placing new ones. */
const WHOLE_GRAPH_LIMIT = 800;

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

/** Where a node hangs from: its first drawn neighbour that is not new, or null. */
function anchorOf(node: NodeSingular, isNew: Set<string>): NodeSingular | null {
  const neighbours = node.neighborhood().nodes();
  for (const other of neighbours.toArray() as NodeSingular[]) {
    if (!isNew.has(other.id())) return other;
  }
  return null;
}

function centroid(nodes: NodeCollection): Position {
  if (nodes.empty()) return { x: 0, y: 0 };
  const box = nodes.boundingBox({ includeLabels: false });
  return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
}

/**
 * Rings around each anchor, pushed out from the centre of the drawn graph so that they fall beside
 * it rather than on it. Used as fcose's starting point, and as the final placement for hubs.
 */
function ringsAroundAnchors(cy: Core, added: NodeCollection, placed: NodeCollection): NodeCollection {
  const isNew = new Set(added.map((node) => node.id()));
  const groups = new Map<string, NodeCollection>();
  const loose: NodeSingular[] = [];
  for (const node of added.toArray() as NodeSingular[]) {
    const anchor = anchorOf(node, isNew);
    if (anchor === null) loose.push(node);
    else if (groups.has(anchor.id())) groups.get(anchor.id())!.merge(node);
    else groups.set(anchor.id(), cy.collection().merge(node));
  }
  const middle = centroid(placed);
  const box = placed.boundingBox({ includeLabels: false });
  for (const [anchorId, nodes] of groups) {
    const anchor = cy.getElementById(anchorId).position();
    const spacing = 70;
    const radius = Math.max(120, Math.sqrt(nodes.length) * spacing * 0.6);
    let dx = anchor.x - middle.x;
    let dy = anchor.y - middle.y;
    const length = Math.hypot(dx, dy);
    if (length < 1) {
      dx = 1;
      dy = 0;
    } else {
      dx /= length;
      dy /= length;
    }
    // A large group goes beside the graph; a small one stays close to its anchor.
    const shift = nodes.length > 20 ? radius + 60 : 0;
    const centre = { x: anchor.x + dx * shift, y: anchor.y + dy * shift };
    nodes
      .layout({
        name: 'concentric',
        animate: false,
        fit: false,
        avoidOverlap: true,
        minNodeSpacing: 18,
        startAngle: Math.atan2(dy, dx) + Math.PI,
        concentric: () => 1,
        levelWidth: () => 1,
        boundingBox: { x1: centre.x - radius, y1: centre.y - radius, w: radius * 2, h: radius * 2 },
      } as LayoutOptions)
      .run();
  }
  // Entities with no drawn neighbour (a second search result) go to the right of the graph.
  if (loose.length > 0) {
    const x = placed.nonempty() ? box.x2 + 200 : 0;
    loose.forEach((node, i) => node.position({ x, y: (placed.nonempty() ? box.y1 : 0) + i * 90 }));
  }
  return added;
}

/**
 * Places `added` (already in cy) without moving anything else; the first drawing is laid out whole.
 * Runs synchronously: when it returns, every node has its place.
 */
export function placeNewNodes(cy: Core, added: NodeCollection): void {
  if (added.empty()) return;
  const placed = cy.nodes().difference(added);
  if (placed.empty()) {
    cy.layout({
      ...FCOSE_COMMON,
      randomize: true,
      quality: added.length > FORCE_LIMIT * 2 ? 'draft' : 'default',
      numIter: added.length > FORCE_LIMIT ? 600 : 2500,
      fit: true,
      padding: 40,
    } as LayoutOptions).run();
    return;
  }
  ringsAroundAnchors(cy, added, placed);
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

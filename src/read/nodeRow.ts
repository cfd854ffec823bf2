import type { EntityRow } from './rows.js';
import type { GraphEdgeRow } from './traversalRows.js';

/** What node(id:) answers: an entity, or a relationship as a graph edge. */
export type NodeRow = EntityRow | GraphEdgeRow;

import type { NodeSingular, StylesheetJson } from 'cytoscape';
import { kindStyle } from './vocabulary.js';

/**
 * The cytoscape stylesheet. Labels stay readable as the graph grows: node labels sit on a white
 * background and vanish when zoomed out so far they would be under 7 px (min-zoomed-font-size),
 * relationship labels show for the hovered or selected neighbourhood and otherwise only when zoomed
 * in; labels that would still collide are hidden by declutterLabels (main.ts) and shown on hover.
 */
export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': (node: NodeSingular) => kindStyle(node.data('kind') as string).colour,
      shape: (node: NodeSingular) => kindStyle(node.data('kind') as string).shape as never,
      width: (node: NodeSingular) => kindStyle(node.data('kind') as string).size,
      height: (node: NodeSingular) => kindStyle(node.data('kind') as string).size,
      'border-width': 1,
      'border-color': '#1c2833',
      label: 'data(label)',
      'font-size': 10,
      'min-zoomed-font-size': 7,
      'text-wrap': 'wrap',
      'text-max-width': '130px',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'text-background-shape': 'roundrectangle',
    },
  },
  // Responses are what analysts come for: larger, a heavy outline and bold labels.
  {
    selector: 'node[kind = "Response"]',
    style: { 'border-width': 3, 'border-color': '#7a4f01', 'font-weight': 'bold', 'z-index': 5 },
  },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#1c2833' } },
  { selector: 'node.label-hidden', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
  { selector: 'node.faded, edge.faded', style: { opacity: 0.25 } },
  {
    selector: 'node.hover, node:selected, node.highlight',
    style: { 'text-opacity': 1, 'text-background-opacity': 1, 'z-index': 20, 'min-zoomed-font-size': 0 },
  },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e31a1c', 'border-style': 'solid' } },
  {
    selector: 'node.highlight',
    style: { 'overlay-color': '#e31a1c', 'overlay-opacity': 0.25, 'overlay-padding': 8 },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#99a3a4',
      'target-arrow-color': '#99a3a4',
      'source-arrow-color': '#99a3a4',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      // Parallel relationships are merged into one line, so straight lines (cheaper than bezier) suffice.
      'curve-style': 'straight',
      label: 'data(label)',
      'font-size': 9,
      // Relationship labels only when zoomed in (9 px at zoom 1.5) or shown on purpose (.show-label).
      'min-zoomed-font-size': 13,
      color: '#34495e',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '1px',
    },
  },
  { selector: 'edge[?both]', style: { 'source-arrow-shape': 'triangle' } },
  { selector: 'edge[kinds = "stance"]', style: { 'line-color': '#d68910', 'target-arrow-color': '#d68910', width: 2 } },
  { selector: 'edge.show-label', style: { 'min-zoomed-font-size': 0, 'z-index': 15 } },
  { selector: 'edge.on-path', style: { width: 4, 'line-color': '#e31a1c', 'target-arrow-color': '#e31a1c', 'z-index': 10 } },
  {
    selector: 'edge:selected',
    style: { width: 4, 'line-color': '#1f77b4', 'target-arrow-color': '#1f77b4', 'min-zoomed-font-size': 0 },
  },
];

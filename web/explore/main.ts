import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape';
import { graphql } from '../shared/graphql.js';
import './explore.css';

/**
 * The graph view: start from any entity (search), click a node to draw its neighbourhood into the
 * graph, click a relationship to read its sources and quotes beside the graph.
 */

interface Entity {
  id: string;
  kind: string;
  name: string;
  description: string | null;
  knownSince: string | null;
}

interface Citation {
  quote: string | null;
  source: { title: string; publisher: string | null; url: string | null; published: { text: string } | null };
}

interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  stance: string | null;
  confidence: { score: number | null; text: string | null } | null;
  claimedBy: { name: string } | null;
  asset: string | null;
  title: string | null;
  knownSince: string | null;
  citations: Citation[];
}

const NEIGHBORHOOD = `query Neighborhood($id: ID!) {
  neighborhood(id: $id, depth: 1, limit: 60) {
    truncated
    nodes { id kind name description knownSince }
    edges {
      id type source target stance asset title knownSince
      confidence { score text }
      claimedBy { name }
      citations { quote source { title publisher url published { text } } }
    }
  }
}`;

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 10) { entity { id kind name } }
}`;

/** One colour per kind, so that states, actors, campaigns and responses read apart at a glance. */
const KIND_COLOURS: Record<string, string> = {
  ThreatActor: '#c0392b',
  State: '#2471a3',
  Organization: '#17a589',
  Person: '#8e44ad',
  PersonGroup: '#a569bd',
  Campaign: '#d68910',
  Response: '#5d6d7e',
  Source: '#839192',
};
const OTHER_KIND_COLOUR = '#7f8c8d';

const graphElement = document.getElementById('graph')!;
const details = document.getElementById('details')!;
const status = document.getElementById('status')!;
const searchForm = document.getElementById('search') as HTMLFormElement;
const searchInput = document.getElementById('search-text') as HTMLInputElement;
const results = document.getElementById('results')!;

// The legend: which colour is which kind.
document.getElementById('legend')!.replaceChildren(
  ...Object.entries(KIND_COLOURS).map(([kind, colour]) => {
    const item = document.createElement('span');
    item.textContent = kind;
    item.style.setProperty('--kind-colour', colour);
    return item;
  }),
);

const edgesById = new Map<string, Edge>();
const entitiesById = new Map<string, Entity>();
const expanded = new Set<string>();

const cy: Core = cytoscape({
  container: graphElement,
  wheelSensitivity: 0.3,
  style: [
    {
      selector: 'node',
      style: {
        'background-color': (node: NodeSingular) => KIND_COLOURS[node.data('kind') as string] ?? OTHER_KIND_COLOUR,
        label: 'data(label)',
        'font-size': 10,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        width: 26,
        height: 26,
      },
    },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1c2833' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f1c40f' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#aab7b8',
        'target-arrow-color': '#aab7b8',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 8,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
      },
    },
    { selector: 'edge:selected', style: { width: 3, 'line-color': '#f1c40f', 'target-arrow-color': '#f1c40f' } },
  ],
});

function text(tag: string, content: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function edgeLabel(edge: Edge): string {
  return edge.stance ? `${edge.type}: ${edge.stance}` : edge.type;
}

function showStatus(message: string): void {
  status.textContent = message;
}

function showCitations(citations: Citation[]): HTMLElement {
  const list = document.createElement('ol');
  list.className = 'citations';
  for (const citation of citations) {
    const item = document.createElement('li');
    if (citation.quote) item.append(text('blockquote', citation.quote));
    const { title, publisher, published, url } = citation.source;
    const origin = [title, publisher, published?.text].filter(Boolean).join(', ');
    if (url) {
      const link = text('a', origin);
      (link as HTMLAnchorElement).href = url;
      item.append(link);
    } else {
      item.append(text('cite', origin));
    }
    list.append(item);
  }
  return list;
}

function showEdge(edge: Edge): void {
  const from = entitiesById.get(edge.source)?.name ?? edge.source;
  const to = entitiesById.get(edge.target)?.name ?? edge.target;
  const facts: Array<[string, string | null | undefined]> = [
    ['Stance', edge.stance],
    [
      'Confidence',
      edge.confidence ? [edge.confidence.text, edge.confidence.score].filter((v) => v !== null).join(', score ') : null,
    ],
    ['Claimed by', edge.claimedBy?.name],
    ['Asset', edge.asset],
    ['Title', edge.title],
    ['Known since', edge.knownSince],
  ];
  const list = document.createElement('dl');
  for (const [name, value] of facts) if (value) list.append(text('dt', name), text('dd', value));
  details.replaceChildren(
    text('h2', edge.type),
    text('p', `${from} → ${to}`, 'route'),
    list,
    text('h3', `Sources (${edge.citations.length})`),
    showCitations(edge.citations),
  );
}

function showEntity(entity: Entity): void {
  const open = text('a', 'Open in the playground');
  (open as HTMLAnchorElement).href = '/';
  details.replaceChildren(
    text('h2', entity.name),
    text('p', `${entity.kind} · ${entity.id}`, 'route'),
    ...(entity.description ? [text('p', entity.description)] : []),
    ...(entity.knownSince ? [text('p', `Known since ${entity.knownSince}`, 'route')] : []),
    text('p', expanded.has(entity.id) ? 'Its neighbourhood is drawn.' : 'Click it again to draw its neighbourhood.', 'hint'),
  );
}

/** Fetches an entity's neighbourhood and merges it into what is drawn. */
async function expand(id: string): Promise<void> {
  showStatus('Loading…');
  try {
    const { neighborhood } = await graphql<{ neighborhood: { truncated: boolean; nodes: Entity[]; edges: Edge[] } }>(
      NEIGHBORHOOD,
      { id },
    );
    const added = cy.collection();
    for (const node of neighborhood.nodes) {
      entitiesById.set(node.id, node);
      if (cy.getElementById(node.id).empty()) {
        added.merge(cy.add({ group: 'nodes', data: { id: node.id, kind: node.kind, label: node.name } }));
      }
    }
    for (const edge of neighborhood.edges) {
      edgesById.set(edge.id, edge);
      if (cy.getElementById(edge.id).empty()) {
        added.merge(
          cy.add({ group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, label: edgeLabel(edge) } }),
        );
      }
    }
    expanded.add(id);
    cy.getElementById(id).addClass('expanded');
    if (added.nonempty()) cy.layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true }).run();
    const cut = neighborhood.truncated ? ' (cut at 60 neighbours)' : '';
    showStatus(
      `${cy.nodes().length} entities, ${cy.edges().length} relationships${cut}. Click a node to expand it, a relationship to read its sources.`,
    );
  } catch (error) {
    showStatus(`Could not load the neighbourhood: ${(error as Error).message}`);
  }
}

async function start(id: string): Promise<void> {
  cy.elements().remove();
  expanded.clear();
  history.replaceState(null, '', `/explore?id=${encodeURIComponent(id)}`);
  await expand(id);
  const entity = entitiesById.get(id);
  if (entity) showEntity(entity);
  cy.getElementById(id).select();
}

cy.on('tap', 'node', (event) => {
  const id = (event.target as NodeSingular).id();
  const entity = entitiesById.get(id);
  if (entity) showEntity(entity);
  if (!expanded.has(id)) void expand(id).then(() => entity && showEntity(entity));
});

cy.on('tap', 'edge', (event) => {
  const edge = edgesById.get((event.target as EdgeSingular).id());
  if (edge) showEdge(edge);
});

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = searchInput.value.trim();
  if (query === '') return;
  void graphql<{ search: Array<{ entity: { id: string; kind: string; name: string } }> }>(SEARCH, { text: query }).then(
    ({ search }) => {
      results.replaceChildren(
        ...search.map(({ entity }) => {
          const button = text('button', `${entity.name} (${entity.kind})`);
          button.dataset.id = entity.id;
          button.addEventListener('click', () => {
            results.replaceChildren();
            void start(entity.id);
          });
          return button;
        }),
      );
      if (search.length === 0) results.replaceChildren(text('p', 'Nothing found.', 'hint'));
    },
    (error: Error) => showStatus(`Search failed: ${error.message}`),
  );
});

/** For automation (the browser test): what is drawn, and a way to expand a node by id. */
declare global {
  interface Window {
    explore: {
      nodeIds(): string[];
      edgeIds(): string[];
      /** Where an element is drawn, in page pixels, to click it as a person would. */
      pagePosition(id: string): { x: number; y: number } | null;
      tap(id: string): void;
    };
  }
}
window.explore = {
  nodeIds: () => cy.nodes().map((node) => node.id()),
  edgeIds: () => cy.edges().map((edge) => edge.id()),
  pagePosition: (id) => {
    const element = cy.getElementById(id);
    if (element.empty()) return null;
    const box = graphElement.getBoundingClientRect();
    const position = element.isEdge()
      ? (element as unknown as EdgeSingular).renderedMidpoint()
      : (element as unknown as NodeSingular).renderedPosition();
    return { x: box.left + position.x, y: box.top + position.y };
  },
  tap: (id) => {
    cy.getElementById(id).emit('tap');
  },
};

const initial = new URLSearchParams(location.search).get('id');
if (initial) void start(initial);
else showStatus('Search for an entity (APT31, NATO, China…) to start.');

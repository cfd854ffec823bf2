import cytoscape, { type EdgeSingular, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { bindApiKeyInput } from '../shared/apiKey.js';
import { download, h } from './dom.js';
import { bundleEdges, declutterLabels, labelCollisions, syncGraph, type Bundle } from './drawing.js';
import { GRAPH_STYLE } from './graphStyle.js';
import { attributionsPanel, edgePanel, entityPanel, type PanelActions } from './panels.js';
import {
  exportStix,
  fetchDetails,
  fetchLinksOf,
  fetchNeighborhood,
  fetchPaths,
  fetchStateAttributions,
  fetchTimeline,
  resolveEntity,
  search,
  type Entity,
  type EntityRef,
  type GraphEdge,
  type GraphPath,
  type Neighborhood,
  type TimelineEvent,
  type TraversalFilters,
} from './queries.js';
import { formatState, PAGE_SIZE, parseState, type ViewState } from './viewState.js';
import { KIND_STYLES, RELATIONSHIP_TYPES, edgePhrase, kindName, kindStyle, shapeSvg, words } from './vocabulary.js';
import './explore.css';

/**
 * The graph view. What it shows is decided by the view state (viewState.ts: expanded entities,
 * date, filters, depth, path, selection), kept in the URL; each change of state fetches what it
 * needs through the API and redraws only the difference, so nodes already drawn stay in place.
 */

cytoscape.use(fcose);

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

const graphElement = $('graph');
const details = $('details');
const status = $('status');
const results = $('results');
const tooltip = $('tooltip');
const expansionsBar = $('expansions');
const timelineList = $('timeline-events');
const timelineTitle = $('timeline-title');

let state: ViewState = parseState(location.search);

/** Everything fetched, by id, to label and describe what is drawn. */
const entities = new Map<string, Entity>();
const relationships = new Map<string, GraphEdge>();
let bundles = new Map<string, Bundle>();
/** Relationship ids on the current path. */
let pathEdges = new Set<string>();
let pathAnswer: GraphPath[] = [];

const cy = cytoscape({
  container: graphElement,
  style: GRAPH_STYLE,
  wheelSensitivity: 0.3,
  minZoom: 0.05,
  maxZoom: 4,
  // Large graphs stay fluid while panning and zooming.
  textureOnViewport: false,
  hideEdgesOnViewport: false,
  boxSelectionEnabled: true,
  selectionType: 'additive',
});

// ---------------------------------------------------------------------------------------------
// Fetching, with answers kept for the page's life: moving the date back and forth asks once per day.

const cache = new Map<string, Promise<unknown>>();
function cached<T>(key: string, fetch: () => Promise<T>): Promise<T> {
  let pending = cache.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = fetch();
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

function filters(): TraversalFilters {
  return {
    asOf: state.asOf,
    relationshipTypes: state.relationshipTypes,
    minConfidence: state.minConfidence,
    depth: state.depth,
  };
}

function neighborhood(id: string): Promise<Neighborhood> {
  const f = filters();
  return cached(`n ${id} ${JSON.stringify(f)}`, () => fetchNeighborhood(id, f));
}

function paths(from: string, to: string): Promise<GraphPath[]> {
  const f = filters();
  return cached(`p ${from} ${to} ${f.asOf} ${f.relationshipTypes?.join(',')}`, () => fetchPaths(from, to, f));
}

function showStatus(message: string): void {
  status.textContent = message;
}

// ---------------------------------------------------------------------------------------------
// From the state to the drawing.

/** For the browser test and the status line: how long the last drawing took, in ms. */
const measured = { fetchMs: 0, drawMs: 0, drawnNodes: 0, steps: {} as Record<string, number> };
let generation = 0;
/** Graphs of at most this many nodes get their labels decluttered before they are shown. */
const DECLUTTER_NOW = 300;
/** Redraws under way: the browser tests wait for none. */
let inFlight = 0;

interface ExpansionInfo {
  id: string;
  name: string;
  shown: number;
  total: number;
  truncated: boolean;
}

/** Counts the work under way (fetching, drawing, panels) so that the browser tests can wait for none. */
async function track<T>(work: Promise<T>): Promise<T> {
  inFlight += 1;
  try {
    return await work;
  } finally {
    inFlight -= 1;
  }
}

function redraw(): Promise<void> {
  return track(redrawNow());
}

async function redrawNow(): Promise<void> {
  const mine = ++generation;
  history.replaceState(null, '', `/explore${formatState(state)}`);
  if (state.expanded.length === 0 && !state.path) {
    syncGraph(cy, new Map(), new Map());
    expansionsBar.replaceChildren();
    showStatus('Search for an entity (APT31, NATO, China…) to start.');
    return;
  }
  showStatus('Loading…');
  const started = performance.now();
  let hoods: Neighborhood[];
  let found: GraphPath[] | null;
  try {
    [hoods, found] = await Promise.all([
      Promise.all(state.expanded.map((expansion) => neighborhood(expansion.id))),
      state.path ? paths(state.path.from, state.path.to) : Promise.resolve(null),
    ]);
  } catch (error) {
    if (mine === generation) showStatus(`Could not load the graph: ${(error as Error).message}`);
    return;
  }
  if (mine !== generation) return;
  const fetched = performance.now();

  const wanted = new Map<string, Entity>();
  const wantedEdges = new Map<string, GraphEdge>();
  const infos: ExpansionInfo[] = [];
  const unknown: string[] = [];
  state.expanded.forEach((expansion, i) => {
    const hood = hoods[i]!;
    if (hood.center === null) {
      unknown.push(entities.get(expansion.id)?.name ?? expansion.id);
      return;
    }
    const [center, ...neighbours] = hood.nodes;
    const shown = neighbours.slice(0, expansion.shown);
    for (const node of [center!, ...shown]) {
      wanted.set(node.id, node);
      entities.set(node.id, node);
    }
    for (const edge of hood.edges) {
      relationships.set(edge.id, edge);
      wantedEdges.set(edge.id, edge);
    }
    infos.push({
      id: expansion.id,
      name: center!.name,
      shown: shown.length,
      total: neighbours.length,
      truncated: hood.truncated,
    });
  });
  pathEdges = new Set();
  pathAnswer = found ?? [];
  for (const path of pathAnswer) {
    for (const node of path.nodes) {
      wanted.set(node.id, node);
      entities.set(node.id, node);
    }
    for (const edge of path.edges) {
      relationships.set(edge.id, edge);
      wantedEdges.set(edge.id, edge);
      pathEdges.add(edge.id);
    }
  }
  // Links between entities drawn from different expansions (the EU's statement and the PRC, drawn
  // from the campaign and from APT31): a whiteboard shows every line between what is on it. Looked
  // up before the layout, so that it places nodes with all their lines.
  if (wanted.size <= CROSS_LINK_LIMIT) {
    const expandedIds = new Set(state.expanded.map((expansion) => expansion.id));
    const missing = [...wanted.keys()].filter((id) => !expandedIds.has(id) && !knownLinks.has(linksKey(id)));
    if (missing.length > 0) {
      try {
        const answers = await fetchLinksOf(missing, filters());
        for (const [id, links] of answers) knownLinks.set(linksKey(id), links);
      } catch {
        // The lines between expansions are a help, not the view: the drawing stands without them.
      }
      if (mine !== generation) return;
    }
    for (const id of wanted.keys()) {
      for (const edge of knownLinks.get(linksKey(id)) ?? []) {
        wantedEdges.set(edge.id, edge);
        relationships.set(edge.id, edge);
      }
    }
  }
  // Only relationships between two drawn entities: the others lead to what "load more" would draw.
  bundles = bundleEdges([...wantedEdges.values()].filter((edge) => wanted.has(edge.source) && wanted.has(edge.target)));
  const t1 = performance.now();
  const { added, removed } = syncGraph(cy, wanted, bundles);
  const t2 = performance.now();

  // Classes change only where they must: a class change restyles the element.
  const expandedIds = new Set(state.expanded.map((expansion) => expansion.id));
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      if (node.hasClass('expanded') !== expandedIds.has(node.id())) node.toggleClass('expanded');
    });
    cy.edges().forEach((edge) => {
      const onPath =
        pathEdges.size > 0 &&
        String(edge.data('members'))
          .split('\n')
          .some((id) => pathEdges.has(id));
      if (edge.hasClass('on-path') !== onPath) edge.toggleClass('on-path');
    });
  });
  const t3 = performance.now();
  // Up to DECLUTTER_NOW nodes, labels are sorted out before the first frame; in larger graphs they
  // are too small to show until zoomed in (min-zoomed-font-size), so it waits for the frame after.
  if (cy.nodes().length <= DECLUTTER_NOW) declutterLabels(cy, labelPriority);
  else setTimeout(() => void track(Promise.resolve().then(() => declutterLabels(cy, labelPriority))), 0);
  const t4 = performance.now();
  // The view follows new nodes that fall outside it; what was drawn keeps its place in the graph.
  if (added > 0) {
    const extent = cy.extent();
    const outside = (cy.nodes().toArray() as NodeSingular[]).some((node) => {
      const { x, y } = node.position();
      return x < extent.x1 || x > extent.x2 || y < extent.y1 || y > extent.y2;
    });
    if (outside || cy.nodes().length === added) cy.fit(undefined, 40);
  }
  applySelection();
  // Drawn when the browser has painted the frame after the change.
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  if (mine !== generation) return;
  measured.fetchMs = fetched - started;
  measured.drawMs = performance.now() - fetched;
  measured.steps = { prepare: t1 - fetched, sync: t2 - t1, classes: t3 - t2, declutter: t4 - t3, paint: performance.now() - t4 };
  measured.drawnNodes = cy.nodes().length;
  showExpansions(infos);
  const notYet = unknown.length > 0 ? ` Not yet known on ${state.asOf}: ${unknown.join(', ')}.` : '';
  const change = added || removed ? ` (+${added} −${removed})` : '';
  showStatus(
    `${cy.nodes().length} entities, ${relationships.size === 0 ? 0 : bundles.size} links${change}${state.asOf ? `, as known on ${state.asOf}` : ''}.${notYet}`,
  );
  refreshDatalist();
}

/** Relationships of each drawn entity (by entity and filters), once looked up. */
const knownLinks = new Map<string, GraphEdge[]>();
const linksKey = (id: string): string => `${id} ${JSON.stringify(filters())}`;

/** Up to this many drawn entities, the links between entities drawn from different expansions are looked up. */
const CROSS_LINK_LIMIT = 150;

function labelPriority(node: NodeSingular): number {
  if (node.selected()) return 1e6;
  let score = node.degree(false);
  if (node.hasClass('expanded')) score += 1e5;
  if (node.data('kind') === 'Response') score += 1e4;
  return score;
}

/** "Showing 200 of 999+" for each expansion cut short, with buttons to draw more. */
function showExpansions(infos: ExpansionInfo[]): void {
  const cut = infos.filter((info) => info.shown < info.total);
  expansionsBar.replaceChildren(
    ...cut.map((info) => {
      const of = `${info.total}${info.truncated ? '+' : ''}`;
      const more = h(
        'button',
        { type: 'button', 'data-action': 'load-more', 'data-id': info.id },
        `Load ${Math.min(PAGE_SIZE, info.total - info.shown)} more`,
      );
      more.addEventListener('click', () => setShown(info.id, info.shown + PAGE_SIZE));
      const all = h('button', { type: 'button', 'data-action': 'load-all', 'data-id': info.id }, 'Load all');
      all.addEventListener('click', () => setShown(info.id, info.total));
      return h(
        'div',
        { class: 'expansion', 'data-id': info.id },
        h('span', {}, `${info.name}: showing ${info.shown} of ${of} neighbours. `),
        more,
        all,
        h('span', { class: 'hint' }, ' or narrow with the relationship filter.'),
      );
    }),
  );
}

function setShown(id: string, shown: number): void {
  state.expanded = state.expanded.map((expansion) => (expansion.id === id ? { ...expansion, shown } : expansion));
  void redraw();
}

// ---------------------------------------------------------------------------------------------
// Selection and the evidence panel.

const actions: PanelActions = {
  open: (id) => void openEntity(id),
  expand: (id) => expand(id),
  pathFrom: (id) => setPathEnd('from', id),
  pathTo: (id) => setPathEnd('to', id),
  isExpanded: (id) => state.expanded.some((expansion) => expansion.id === id),
};

function ref(id: string): EntityRef {
  return entities.get(id) ?? { id, kind: 'Unknown', name: id };
}

let panelGeneration = 0;

function showEntityPanel(id: string): Promise<void> {
  return track(showEntityPanelNow(id));
}

async function showEntityPanelNow(id: string): Promise<void> {
  const mine = ++panelGeneration;
  const entity = ref(id);
  details.replaceChildren(h('h2', {}, entity.name), h('p', { class: 'hint' }, 'Loading its evidence…'));
  try {
    // A state's attributions are a section of their own: if they fail, the rest of the panel stands.
    const [detailsAnswer, attributions] = await Promise.all([
      fetchDetails(id),
      entity.kind === 'State' ? fetchStateAttributions(id, state.asOf).catch((error: Error) => error) : Promise.resolve(null),
    ]);
    if (mine !== panelGeneration) return;
    if (detailsAnswer === null) {
      details.replaceChildren(h('h2', {}, entity.name), h('p', { class: 'hint' }, 'Not in the graph any more.'));
      return;
    }
    const collapse = h('button', { type: 'button', 'data-action': 'collapse' }, 'Collapse');
    collapse.addEventListener('click', () => collapseEntity(id));
    details.replaceChildren(
      ...entityPanel(detailsAnswer, state.asOf, actions),
      ...(attributions instanceof Error
        ? [h('p', { class: 'hint' }, `Could not load who attributed what to it: ${attributions.message}`)]
        : attributions
          ? attributionsPanel(detailsAnswer, attributions, actions)
          : []),
    );
    if (actions.isExpanded(id)) details.querySelector('.panel-actions')?.append(collapse);
  } catch (error) {
    if (mine === panelGeneration)
      details.replaceChildren(h('p', { class: 'hint' }, `Could not load it: ${(error as Error).message}`));
  }
}

function showBundlePanel(bundleIdValue: string): void {
  const bundle = bundles.get(bundleIdValue);
  if (!bundle) return;
  ++panelGeneration;
  details.replaceChildren(...edgePanel(bundle.members, ref, actions));
}

function showPathPanel(): void {
  if (!state.path) return;
  ++panelGeneration;
  const from = ref(state.path.from);
  const to = ref(state.path.to);
  const rows = pathAnswer.map((path, i) => {
    const steps = h('ol', { class: 'path-steps' });
    path.nodes.forEach((node, j) => {
      const edge = path.edges[j];
      const link = h('a', { href: '#', 'data-id': node.id }, node.name);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        void openEntity(node.id);
      });
      steps.append(
        h(
          'li',
          {},
          link,
          edge ? h('span', { class: 'hint' }, ` ${edgePhrase(edge)} ${edge.source === node.id ? '→' : '←'}`) : '',
        ),
      );
    });
    return h('section', { class: 'path' }, h('h3', {}, `Path ${i + 1}: ${path.length} steps`), steps);
  });
  details.replaceChildren(
    h('h2', {}, `${from.name} → ${to.name}`),
    rows.length === 0
      ? h('p', { class: 'hint' }, 'No path within 6 steps with the current filters and date.')
      : h('div', {}, rows),
  );
}

/** Selects the state's selection in the graph (after a redraw) and shows its panel. */
function applySelection(): void {
  cy.elements().unselect();
  if (!state.selected) return;
  const element = cy.getElementById(state.selected);
  if (element.nonempty()) element.select();
}

async function openEntity(id: string): Promise<void> {
  if (cy.getElementById(id).empty()) {
    // Not drawn: draw it with its neighbourhood first.
    expand(id);
  } else {
    select(id);
  }
}

function select(id: string | null): void {
  state.selected = id;
  history.replaceState(null, '', `/explore${formatState(state)}`);
  applySelection();
  showSelectionLabels();
  if (id === null) return;
  if (id.startsWith('pair:')) showBundlePanel(id);
  else {
    void showEntityPanel(id);
    void showTimeline(id);
  }
}

function expand(id: string): void {
  if (!state.expanded.some((expansion) => expansion.id === id)) state.expanded.push({ id, shown: PAGE_SIZE });
  state.selected = id;
  void redraw().then(() => select(id));
}

function collapseEntity(id: string): void {
  state.expanded = state.expanded.filter((expansion) => expansion.id !== id);
  if (state.selected === id) state.selected = null;
  void redraw();
}

// ---------------------------------------------------------------------------------------------
// Hover: a tooltip, the node's label and its relationships' labels.

function showSelectionLabels(): void {
  cy.edges().removeClass('show-label');
  cy.$(':selected').connectedEdges().addClass('show-label');
}

function tooltipFor(element: NodeSingular | EdgeSingular): HTMLElement[] {
  if (element.isNode()) {
    const entity = ref(element.id());
    const style = kindStyle(entity.kind);
    const head = h('div', { class: 'tooltip-kind' });
    head.innerHTML = shapeSvg(style, 12);
    head.append(` ${kindName(entity.kind)}`);
    const full = entities.get(element.id());
    return [
      head,
      h('strong', {}, entity.name),
      full?.date ? h('div', {}, `${full.date.text} · ${(full.types ?? []).map(words).join(', ')}`) : null,
      full?.knownSince ? h('div', { class: 'hint' }, `known since ${full.knownSince}`) : null,
      h(
        'div',
        { class: 'hint' },
        actions.isExpanded(element.id()) ? `${element.degree(false)} links drawn` : 'Click to draw its neighbourhood',
      ),
    ].filter((node): node is HTMLElement => node !== null);
  }
  const bundle = bundles.get(element.id());
  if (!bundle) return [];
  return [
    h('strong', {}, `${ref(bundle.source).name} — ${ref(bundle.target).name}`),
    h(
      'ul',
      {},
      bundle.members.map((edge) => h('li', {}, `${ref(edge.source).name} ${edgePhrase(edge)} ${ref(edge.target).name}`)),
    ),
    h('div', { class: 'hint' }, 'Click to read the sources'),
  ];
}

cy.on('mouseover', 'node, edge', (event) => {
  const element = event.target as NodeSingular | EdgeSingular;
  element.addClass('hover');
  if (element.isNode()) element.connectedEdges().addClass('show-label');
  else element.addClass('show-label');
  tooltip.replaceChildren(...tooltipFor(element));
  tooltip.hidden = false;
  placeTooltip(event.renderedPosition);
});
cy.on('mousemove', (event) => {
  if (!tooltip.hidden) placeTooltip(event.renderedPosition);
});
function placeTooltip(at: { x: number; y: number }): void {
  const box = graphElement.getBoundingClientRect();
  const x = box.left + at.x + 14;
  const y = box.top + at.y + 14;
  tooltip.style.left = `${Math.min(x, window.innerWidth - tooltip.offsetWidth - 8)}px`;
  tooltip.style.top = `${Math.min(y, window.innerHeight - tooltip.offsetHeight - 8)}px`;
}
cy.on('mouseout', 'node, edge', (event) => {
  (event.target as NodeSingular).removeClass('hover');
  tooltip.hidden = true;
  showSelectionLabels();
});

cy.on('tap', 'node', (event) => {
  tooltip.hidden = true;
  const id = (event.target as NodeSingular).id();
  if (actions.isExpanded(id)) select(id);
  else expand(id);
});
cy.on('tap', 'edge', (event) => select((event.target as EdgeSingular).id()));
cy.on('tap', (event) => {
  if (event.target === cy) {
    state.selected = null;
    history.replaceState(null, '', `/explore${formatState(state)}`);
    showSelectionLabels();
  }
});
// After a person drags a node, the labels around it are sorted out again.
cy.on('dragfree', 'node', () => declutterLabels(cy, labelPriority));

// ---------------------------------------------------------------------------------------------
// Timeline: the dated events around the selected entity; an event's row selects its subject.

let timelineFor: string | null = null;

function showTimeline(id: string): Promise<void> {
  return track(showTimelineNow(id));
}

async function showTimelineNow(id: string): Promise<void> {
  const entity = ref(id);
  timelineFor = id;
  timelineTitle.textContent = `Timeline of ${entity.name}${state.asOf ? ` (as known on ${state.asOf})` : ''}`;
  let answer: { events: TimelineEvent[]; truncated: boolean };
  try {
    answer = await cached(`t ${id} ${state.asOf}`, () => fetchTimeline(id, state.asOf));
  } catch (error) {
    timelineList.replaceChildren(h('li', { class: 'hint' }, `Could not load the timeline: ${(error as Error).message}`));
    return;
  }
  if (timelineFor !== id) return;
  timelineList.replaceChildren(
    ...(answer.events.length === 0 ? [h('li', { class: 'hint' }, 'No dated events.')] : []),
    ...answer.events.map((event) => {
      const row = h(
        'li',
        { 'data-subject': event.subject.id, tabindex: '0', title: 'Show it in the graph' },
        h('span', { class: 'date' }, event.date.text),
        h('span', { class: 'event-kind' }, words(event.kind)),
        h('span', {}, event.subject.name),
        event.responseTypes.length ? h('span', { class: 'hint' }, ` (${event.responseTypes.map(words).join(', ')})`) : null,
      );
      const open = (): void => {
        if (!entities.has(event.subject.id)) entities.set(event.subject.id, { ...event.subject, knownSince: null });
        highlight(event.subject.id);
      };
      row.addEventListener('click', open);
      row.addEventListener('keydown', (key) => key.key === 'Enter' && open());
      return row;
    }),
  );
  markTimelineRows(state.selected);
}

/** Marks, in the timeline, the events of the selected entity. */
function markTimelineRows(id: string | null): void {
  for (const row of timelineList.querySelectorAll<HTMLElement>('li[data-subject]')) {
    row.classList.toggle('current', row.dataset.subject === id);
  }
}

/** Brings an entity into view and makes it stand out for a moment; draws it first if needed. */
function highlight(id: string): void {
  const run = (): void => {
    const node = cy.getElementById(id);
    if (node.empty()) return;
    cy.nodes().removeClass('highlight');
    node.addClass('highlight');
    cy.animate({ center: { eles: node }, duration: 250 });
    state.selected = id;
    history.replaceState(null, '', `/explore${formatState(state)}`);
    applySelection();
    showSelectionLabels();
    markTimelineRows(id);
    void showEntityPanel(id);
  };
  if (cy.getElementById(id).nonempty()) run();
  else {
    state.expanded.push({ id, shown: PAGE_SIZE });
    void redraw().then(run);
  }
}

// ---------------------------------------------------------------------------------------------
// Toolbar.

const searchForm = $<HTMLFormElement>('search');
const searchInput = $<HTMLInputElement>('search-text');
searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = searchInput.value.trim();
  if (text === '') return;
  search(text).then(
    (hits) => {
      results.replaceChildren(
        ...hits.map((entity) => {
          const button = h('button', { type: 'button', 'data-id': entity.id });
          button.innerHTML = shapeSvg(kindStyle(entity.kind), 12);
          button.append(` ${entity.name}`, h('span', { class: 'hint' }, ` ${kindName(entity.kind)}`));
          button.addEventListener('click', () => {
            results.replaceChildren();
            entities.set(entity.id, { ...entity, knownSince: null });
            expand(entity.id);
          });
          return button;
        }),
      );
      if (hits.length === 0) results.replaceChildren(h('p', { class: 'hint' }, 'Nothing found.'));
    },
    (error: Error) => showStatus(`Search failed: ${error.message}`),
  );
});
document.addEventListener('click', (event) => {
  if (!results.contains(event.target as Node) && !searchForm.contains(event.target as Node)) results.replaceChildren();
});

// The date: a day field and a slider over the years the graph's sources cover; "Today" clears it.
const asOfInput = $<HTMLInputElement>('as-of');
const asOfSlider = $<HTMLInputElement>('as-of-slider');
const SLIDER_START = Date.UTC(2010, 0, 1);
const DAY_MS = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
asOfSlider.max = String(Math.round((Date.parse(today) - SLIDER_START) / DAY_MS));
const dayOfSlider = (value: number): string => new Date(SLIDER_START + value * DAY_MS).toISOString().slice(0, 10);
const sliderOfDay = (day: string): number => Math.round((Date.parse(day) - SLIDER_START) / DAY_MS);

function setAsOf(day: string | null): void {
  state.asOf = day && day < today ? day : null;
  asOfInput.value = state.asOf ?? '';
  asOfSlider.value = String(sliderOfDay(state.asOf ?? today));
  $('as-of-label').textContent = state.asOf ? `as known on ${state.asOf}` : 'as known today';
  void redraw().then(() => {
    if (state.selected && !state.selected.startsWith('pair:') && cy.getElementById(state.selected).nonempty()) {
      void showEntityPanel(state.selected);
      void showTimeline(state.selected);
    }
  });
}
asOfInput.addEventListener('change', () => setAsOf(asOfInput.value || null));
let sliderTimer: ReturnType<typeof setTimeout> | undefined;
asOfSlider.addEventListener('input', () => {
  const day = dayOfSlider(Number(asOfSlider.value));
  asOfInput.value = day;
  $('as-of-label').textContent = `as known on ${day}`;
  clearTimeout(sliderTimer);
  // The graph follows the slider as it moves, at most every 150 ms.
  sliderTimer = setTimeout(() => setAsOf(day), 150);
});
$('as-of-today').addEventListener('click', () => setAsOf(null));

const depthSelect = $<HTMLSelectElement>('depth');
depthSelect.addEventListener('change', () => {
  state.depth = Number(depthSelect.value);
  void redraw();
});

const confidenceSelect = $<HTMLSelectElement>('min-confidence');
confidenceSelect.addEventListener('change', () => {
  state.minConfidence = confidenceSelect.value === '' ? null : Number(confidenceSelect.value);
  void redraw();
});

// Relationship types: a checkbox per type; all checked means no filter.
const typeList = $('type-filter-list');
typeList.replaceChildren(
  ...RELATIONSHIP_TYPES.map((type) =>
    h('label', {}, h('input', { type: 'checkbox', value: type, 'data-type': type }), ` ${words(type)}`),
  ),
);
const typeBoxes = (): HTMLInputElement[] => [...typeList.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
function typesChanged(): void {
  const checked = typeBoxes()
    .filter((box) => box.checked)
    .map((box) => box.value);
  state.relationshipTypes = checked.length === RELATIONSHIP_TYPES.length ? null : checked;
  $('type-filter-summary').textContent = state.relationshipTypes
    ? `${checked.length} relationship types`
    : 'All relationship types';
  void redraw();
}
typeList.addEventListener('change', typesChanged);
$('types-all').addEventListener('click', () => {
  typeBoxes().forEach((box) => (box.checked = true));
  typesChanged();
});
$('types-none').addEventListener('click', () => {
  typeBoxes().forEach((box) => (box.checked = false));
});

// Paths: two entities by name, alias or id, drawn with one click.
const pathFrom = $<HTMLInputElement>('path-from');
const pathTo = $<HTMLInputElement>('path-to');
const drawnNames = $('drawn-names');

function refreshDatalist(): void {
  drawnNames.replaceChildren(...cy.nodes().map((node) => h('option', { value: ref(node.id()).name })));
}

function setPathEnd(end: 'from' | 'to', id: string): void {
  const input = end === 'from' ? pathFrom : pathTo;
  input.value = ref(id).name;
  input.dataset.id = id;
  input.focus();
}
for (const input of [pathFrom, pathTo]) input.addEventListener('input', () => delete input.dataset.id);

async function resolvePathEnd(input: HTMLInputElement): Promise<EntityRef | null> {
  const text = input.value.trim();
  if (input.dataset.id) return ref(input.dataset.id);
  if (text === '') return null;
  const drawn = [...entities.values()].find(
    (entity) => entity.name.toLowerCase() === text.toLowerCase() && cy.getElementById(entity.id).nonempty(),
  );
  return drawn ?? (await resolveEntity(text));
}

$<HTMLFormElement>('path-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void track(
    (async () => {
      showStatus('Finding a path…');
      const [from, to] = await Promise.all([resolvePathEnd(pathFrom), resolvePathEnd(pathTo)]);
      if (!from || !to) {
        showStatus(`No entity matches “${!from ? pathFrom.value : pathTo.value}”.`);
        return;
      }
      for (const entity of [from, to]) if (!entities.has(entity.id)) entities.set(entity.id, { ...entity, knownSince: null });
      state.path = { from: from.id, to: to.id };
      await redraw();
      showPathPanel();
      if (pathAnswer.length === 0) showStatus(`No path between ${from.name} and ${to.name} within 6 steps.`);
      const onPath = cy.edges('.on-path').connectedNodes();
      if (onPath.nonempty()) cy.fit(onPath, 80);
    })().catch((error: Error) => showStatus(`Path failed: ${error.message}`)),
  );
});
$('path-clear').addEventListener('click', () => {
  state.path = null;
  pathFrom.value = '';
  pathTo.value = '';
  void redraw();
});

$('clear').addEventListener('click', () => {
  state = { ...state, expanded: [], path: null, selected: null };
  details.replaceChildren(h('p', { class: 'hint' }, 'Select a node or a relationship to see its evidence.'));
  timelineList.replaceChildren();
  void redraw();
});

// Export: the picture, the drawn graph as JSON, and the selection (or everything drawn) as STIX.
const stamp = (): string => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
$('export-png').addEventListener('click', () => {
  download(`attribution-graph-${stamp()}.png`, cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
});
$('export-json').addEventListener('click', () => {
  const drawn = {
    view: `${location.origin}/explore${formatState(state)}`,
    asOf: state.asOf,
    nodes: cy.nodes().map((node) => ({ ...entities.get(node.id()), position: node.position() })),
    relationships: cy
      .edges()
      .map((edge) => bundles.get(edge.id())?.members ?? [])
      .flat(),
  };
  download(`attribution-graph-${stamp()}.json`, JSON.stringify(drawn, null, 2));
});
$('export-stix').addEventListener('click', () => {
  const selected = cy.$('node:selected').map((node) => node.id());
  const ids = selected.length > 0 ? selected : cy.nodes().map((node) => node.id());
  showStatus(`Exporting ${ids.length} entities as STIX 2.1…`);
  exportStix(ids).then(
    (bundle) => {
      download(`attribution-graph-${stamp()}.stix.json`, bundle);
      showStatus(
        `Exported ${ids.length} entities as STIX 2.1${selected.length > 0 ? ' (the selection)' : ' (everything drawn)'}.`,
      );
    },
    (error: Error) => showStatus(`STIX export failed: ${error.message}`),
  );
});
$('copy-link').addEventListener('click', () => {
  const link = `${location.origin}/explore${formatState(state)}`;
  navigator.clipboard?.writeText(link).then(
    () => showStatus('Link to this view copied.'),
    () => showStatus(`Link to this view: ${link}`),
  );
});

bindApiKeyInput($<HTMLInputElement>('api-key'), () => {
  cache.clear();
  void redraw();
});

// The legend: each kind's shape in its colour.
$('legend').replaceChildren(
  ...Object.entries(KIND_STYLES).map(([kind, style]) => {
    const item = h('span', { class: 'legend-item', 'data-kind': kind });
    item.innerHTML = shapeSvg(style);
    item.append(` ${kindName(kind)}`);
    return item;
  }),
);

// ---------------------------------------------------------------------------------------------
// For automation (the browser tests): what is drawn, and how to reach it as a person would.

declare global {
  interface Window {
    explore: {
      nodeIds(): string[];
      /** Relationship ids drawn (the members of each drawn line). */
      edgeIds(): string[];
      /** Drawn lines: id, label and the relationships each stands for. */
      lines(): Array<{ id: string; label: string; members: string[] }>;
      /** Where an element is drawn, in page pixels, to click it as a person would. */
      pagePosition(id: string): { x: number; y: number } | null;
      tap(id: string): void;
      positions(): Record<string, { x: number; y: number }>;
      labelCollisions(): Array<[string, string]>;
      visibleLabels(): number;
      measured(): { fetchMs: number; drawMs: number; drawnNodes: number; steps: Record<string, number> };
      idle(): Promise<void>;
    };
  }
}

/** A relationship id's drawn line. */
function lineOf(id: string): string {
  if (cy.getElementById(id).nonempty()) return id;
  for (const bundle of bundles.values()) if (bundle.members.some((edge) => edge.id === id)) return bundle.id;
  return id;
}

window.explore = {
  nodeIds: () => cy.nodes().map((node) => node.id()),
  edgeIds: () =>
    cy
      .edges()
      .map((edge) => String(edge.data('members')).split('\n'))
      .flat(),
  lines: () =>
    cy
      .edges()
      .map((edge) => ({ id: edge.id(), label: String(edge.data('label')), members: String(edge.data('members')).split('\n') })),
  pagePosition: (id) => {
    const element = cy.getElementById(lineOf(id));
    if (element.empty()) return null;
    const box = graphElement.getBoundingClientRect();
    const position = element.isEdge()
      ? (element as unknown as EdgeSingular).renderedMidpoint()
      : (element as unknown as NodeSingular).renderedPosition();
    return { x: box.left + position.x, y: box.top + position.y };
  },
  tap: (id) => {
    cy.getElementById(lineOf(id)).emit('tap');
  },
  positions: () => Object.fromEntries(cy.nodes().map((node) => [node.id(), { ...node.position() }])),
  labelCollisions: () => labelCollisions(cy),
  visibleLabels: () => cy.nodes().filter((node) => !node.hasClass('label-hidden')).length,
  measured: () => ({ ...measured }),
  idle: async () => {
    // Until no redraw has been under way for two checks in a row.
    for (let quiet = 0; quiet < 2;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      quiet = inFlight === 0 ? quiet + 1 : 0;
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Start: the state from the URL.

asOfInput.value = state.asOf ?? '';
asOfSlider.value = String(sliderOfDay(state.asOf ?? today));
$('as-of-label').textContent = state.asOf ? `as known on ${state.asOf}` : 'as known today';
depthSelect.value = String(state.depth);
confidenceSelect.value = state.minConfidence === null ? '' : String(state.minConfidence);
for (const box of typeBoxes()) box.checked = state.relationshipTypes === null || state.relationshipTypes.includes(box.value);
$('type-filter-summary').textContent = state.relationshipTypes
  ? `${state.relationshipTypes.length} relationship types`
  : 'All relationship types';
void redraw().then(() => {
  if (state.path) {
    pathFrom.value = ref(state.path.from).name;
    pathFrom.dataset.id = state.path.from;
    pathTo.value = ref(state.path.to).name;
    pathTo.dataset.id = state.path.to;
    if (!state.selected) showPathPanel();
  }
  if (state.selected) select(state.selected);
});

/**
 * Everything that decides what the graph view shows, kept in the URL so that a link or a reload
 * gives the same view: the expanded entities (with how many of each one's neighbours are drawn),
 * the date, the filters, the depth, a path and the selection.
 *
 *   /explore?e=state:cz,actor:apt31*400&asOf=2025-05-27&types=REFERS_TO,ISSUED_BY&minc=50&depth=2
 *            &path=org:eu~actor:apt31&sel=response:eu-statement-2025-05-28
 */

export interface Expansion {
  id: string;
  /** How many of its neighbours are drawn; the rest wait behind "load more". */
  shown: number;
}

export interface ViewState {
  expanded: Expansion[];
  asOf: string | null;
  relationshipTypes: string[] | null;
  minConfidence: number | null;
  depth: number;
  path: { from: string; to: string } | null;
  selected: string | null;
}

/** Neighbours drawn per expanded entity until more are asked for. */
export const PAGE_SIZE = 200;

export function emptyState(): ViewState {
  return { expanded: [], asOf: null, relationshipTypes: null, minConfidence: null, depth: 1, path: null, selected: null };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  // ?id= is the older single-entity link: still opens.
  const expanded = params.get('e') ?? params.get('id') ?? '';
  for (const part of expanded.split(',').filter(Boolean)) {
    const [id, shown] = part.split('*');
    const count = Number(shown);
    if (id && !state.expanded.some((e) => e.id === id)) {
      state.expanded.push({ id, shown: Number.isInteger(count) && count > 0 ? count : PAGE_SIZE });
    }
  }
  const asOf = params.get('asOf');
  if (asOf && DAY.test(asOf)) state.asOf = asOf;
  const types = params.get('types');
  if (types) state.relationshipTypes = types.split(',').filter((type) => /^[A-Z_]+$/.test(type));
  const minConfidence = Number(params.get('minc'));
  if (params.has('minc') && Number.isInteger(minConfidence) && minConfidence >= 0 && minConfidence <= 100) {
    state.minConfidence = minConfidence;
  }
  const depth = Number(params.get('depth'));
  if ([1, 2, 3].includes(depth)) state.depth = depth;
  const [from, to] = (params.get('path') ?? '').split('~');
  if (from && to) state.path = { from, to };
  state.selected = params.get('sel') || null;
  return state;
}

export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.expanded.length > 0) {
    params.set('e', state.expanded.map((e) => (e.shown === PAGE_SIZE ? e.id : `${e.id}*${e.shown}`)).join(','));
  }
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.relationshipTypes) params.set('types', state.relationshipTypes.join(','));
  if (state.minConfidence !== null) params.set('minc', String(state.minConfidence));
  if (state.depth !== 1) params.set('depth', String(state.depth));
  if (state.path) params.set('path', `${state.path.from}~${state.path.to}`);
  if (state.selected) params.set('sel', state.selected);
  // Ids keep their colons and commas readable: URLSearchParams would escape them.
  const query = params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%7E/g, '~').replace(/%2A/g, '*');
  return query === '' ? '' : `?${query}`;
}

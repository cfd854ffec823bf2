import { h } from './dom.js';
import type {
  Attribution,
  Citation,
  Confidence,
  EntityDetails,
  EntityRef,
  GraphEdge,
  ResponseBrief,
  ResponseSummary,
} from './queries.js';
import { edgePhrase, kindName, kindStyle, shapeSvg, stancePhrase, words } from './vocabulary.js';

/**
 * The evidence panels beside the graph: for a selected entity or relationship, the facts an analyst
 * checks, each with its sources and verbatim quotes. A response: date, issuer, on whose behalf,
 * types and each stance with its quote; a campaign: dates, targets, perpetrators and who claims
 * them; an actor: aliases and who gives each, sponsors, techniques; a state: who attributed what to it.
 */

export interface PanelActions {
  /** Select the entity in the graph (drawing it first if it is not). */
  open(id: string): void;
  expand(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  isExpanded(id: string): boolean;
}

/** What the graph knew as of the view's date: items first stated later are left out. */
export function knownBy(asOf: string | null) {
  return (item: { knownSince?: string | null }): boolean =>
    asOf === null || (item.knownSince !== null && item.knownSince !== undefined && item.knownSince <= asOf);
}

function entityLink(entity: EntityRef, actions: PanelActions): HTMLElement {
  const link = h('a', {
    href: '#',
    class: 'entity-link',
    'data-id': entity.id,
    title: `${kindName(entity.kind)} · ${entity.id}`,
  });
  link.innerHTML = shapeSvg(kindStyle(entity.kind), 11);
  link.append(` ${entity.name}`);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    actions.open(entity.id);
  });
  return link;
}

function confidenceText(confidence: Confidence | null | undefined): string | null {
  if (!confidence) return null;
  const parts = [confidence.text ? `“${confidence.text}”` : null, confidence.score !== null ? `score ${confidence.score}` : null];
  return parts.filter(Boolean).join(', ') || null;
}

export function citationList(citations: Citation[]): HTMLElement {
  if (citations.length === 0) return h('p', { class: 'hint' }, 'No source given.');
  return h(
    'ol',
    { class: 'citations' },
    citations.map((citation) => {
      const { title, publisher, published, url } = citation.source;
      const origin = [title, publisher, published?.text].filter(Boolean).join(', ');
      return h(
        'li',
        {},
        citation.quote ? h('blockquote', {}, citation.quote) : null,
        url ? h('a', { href: url, target: '_blank', rel: 'noopener' }, origin) : h('cite', {}, origin),
      );
    }),
  );
}

/** A fact list: rows with no value are left out. */
function facts(rows: Array<[string, Node | string | null | undefined]>): HTMLElement {
  const list = h('dl');
  for (const [name, value] of rows) if (value) list.append(h('dt', {}, name), h('dd', {}, value));
  return list;
}

function together(nodes: Node[]): HTMLElement | null {
  if (nodes.length === 0) return null;
  const span = h('span');
  nodes.forEach((node, i) => span.append(...(i > 0 ? [', '] : []), node));
  return span;
}

/** A claim (a target, a perpetrator, a sponsor…) with who makes it, how sure, and its quotes, folded. */
function claim(
  head: Node,
  detail: { claimedBy?: EntityRef | null; confidence?: Confidence | null; asset?: string | null; citations: Citation[] },
  actions: PanelActions,
): HTMLElement {
  const said = [
    detail.asset ? `(${detail.asset})` : null,
    detail.claimedBy ? h('span', {}, 'according to ', entityLink(detail.claimedBy, actions)) : null,
    confidenceText(detail.confidence),
  ].filter(Boolean) as Array<Node | string>;
  const summary = h('summary', {}, head, ...said.flatMap((part) => [' ', part]));
  return h('details', { class: 'claim' }, summary, citationList(detail.citations));
}

function responseRow(response: ResponseBrief, actions: PanelActions): HTMLElement {
  return h(
    'li',
    {},
    h('span', { class: 'date' }, response.date.text),
    ' ',
    entityLink(response, actions),
    h('span', { class: 'hint' }, ` · ${response.types.map(words).join(', ')} · by ${response.issuer.name}`),
  );
}

function section(title: string, ...content: Array<Node | null>): HTMLElement[] {
  const present = content.filter((node): node is Node => node !== null);
  return present.length === 0 ? [] : [h('h3', {}, title), ...(present as HTMLElement[])];
}

function actionBar(entity: EntityRef, actions: PanelActions): HTMLElement {
  const button = (label: string, action: string, run: () => void): HTMLElement => {
    const element = h('button', { type: 'button', 'data-action': action }, label);
    element.addEventListener('click', run);
    return element;
  };
  return h(
    'div',
    { class: 'panel-actions' },
    actions.isExpanded(entity.id) ? null : button('Expand', 'expand', () => actions.expand(entity.id)),
    button('Path from here', 'path-from', () => actions.pathFrom(entity.id)),
    button('Path to here', 'path-to', () => actions.pathTo(entity.id)),
  );
}

export function entityPanel(entity: EntityDetails, asOf: string | null, actions: PanelActions): HTMLElement[] {
  const known = knownBy(asOf);
  const header = [
    h('h2', {}, entity.name),
    h(
      'p',
      { class: 'route' },
      h('span', { class: 'kind-chip' }, kindName(entity.kind)),
      ` ${entity.id}`,
      entity.knownSince ? ` · known since ${entity.knownSince}` : '',
    ),
    actionBar(entity, actions),
    entity.description ? h('p', { class: 'description' }, entity.description) : null,
  ].filter((node): node is HTMLElement => node !== null);

  const body: HTMLElement[] = [];
  if (entity.kind === 'Response') {
    const stances = (entity.stances ?? []).filter(known);
    body.push(
      facts([
        ['Date', entity.date?.text],
        ['Issued by', entity.issuer ? entityLink(entity.issuer, actions) : null],
        ['On behalf of', entity.onBehalfOf ? entityLink(entity.onBehalfOf, actions) : null],
        ['Types', entity.types?.map(words).join(', ')],
        ['Confidence', confidenceText(entity.confidence)],
        ['Basis', entity.basis],
        ['Concerns', together((entity.concerns ?? []).map((c) => entityLink(c, actions)))],
        ['Acknowledges', together((entity.acknowledges ?? []).map((r) => entityLink(r, actions)))],
      ]),
      ...section(
        `Stances (${stances.length})`,
        stances.length === 0
          ? null
          : h(
              'ul',
              { class: 'stances' },
              stances.map((stance) =>
                h(
                  'li',
                  { 'data-stance': stance.stance },
                  h('strong', {}, stancePhrase(stance.stance)),
                  ' ',
                  entityLink(stance.target, actions),
                  citationList(stance.citations),
                ),
              ),
            ),
      ),
    );
  } else if (entity.kind === 'Campaign') {
    const targets = (entity.targets ?? []).filter(known);
    const perpetrators = (entity.conductedBy ?? []).filter(known);
    const responses = (entity.responses ?? []).filter((r) => asOf === null || r.date.text.slice(0, 10) <= asOf);
    body.push(
      facts([
        ['Started', entity.started?.text],
        ['Disclosed', entity.disclosed?.text],
      ]),
      ...section(
        `Targets (${targets.length})`,
        targets.length === 0
          ? null
          : h(
              'div',
              {},
              targets.map((t) => claim(entityLink(t.node, actions), t, actions)),
            ),
      ),
      ...section(
        `Perpetrators (${perpetrators.length})`,
        perpetrators.length === 0
          ? null
          : h(
              'div',
              { class: 'perpetrators' },
              perpetrators.map((p) => claim(entityLink(p.node, actions), p, actions)),
            ),
      ),
      ...section(
        `Responses (${responses.length})`,
        responses.length === 0
          ? null
          : h(
              'ul',
              { class: 'responses' },
              responses.map((r) => responseRow(r, actions)),
            ),
      ),
    );
  } else if (entity.kind === 'ThreatActor') {
    const techniques = (entity.uses ?? []).filter((use) => use.node.kind === 'AttackPattern').length;
    const tools = (entity.uses ?? []).length - techniques;
    const sponsors = (entity.sponsors ?? []).filter(known);
    body.push(
      facts([
        ['ATT&CK', entity.attackIds.join(', ')],
        ['Techniques', String(techniques)],
        ['Malware and tools', String(tools)],
        ['Campaigns', String((entity.campaigns ?? []).filter(known).length)],
      ]),
      ...section(
        `Sponsors (${sponsors.length})`,
        sponsors.length === 0
          ? null
          : h(
              'div',
              {},
              sponsors.map((s) => claim(entityLink(s.node, actions), s, actions)),
            ),
      ),
      ...section(
        `Aliases (${entity.aliases.length})`,
        entity.aliases.length === 0
          ? null
          : h(
              'ul',
              { class: 'aliases' },
              entity.aliases.map((alias) =>
                h(
                  'li',
                  {},
                  h('strong', {}, alias.name),
                  h(
                    'span',
                    { class: 'hint' },
                    ` given by ${alias.givenBy ?? [...new Set(alias.citations.map((c) => c.source.publisher ?? c.source.title))].join(', ') ?? 'an unnamed source'}`,
                  ),
                ),
              ),
            ),
      ),
    );
  } else if (entity.kind === 'State' || entity.kind === 'Organization') {
    const issued = (entity.responsesIssued ?? []).filter((r) => asOf === null || r.date.text.slice(0, 10) <= asOf);
    body.push(
      facts([
        ['ISO code', entity.isoCode],
        ['Type', entity.orgType ? words(entity.orgType) : null],
        ['Member of', together((entity.memberOf ?? []).filter(known).map((m) => entityLink(m.node, actions)))],
        ['Sponsors', together((entity.sponsoredActors ?? []).filter(known).map((m) => entityLink(m.node, actions)))],
      ]),
      ...section(
        `Responses issued (${issued.length})`,
        issued.length === 0
          ? null
          : h(
              'ul',
              { class: 'responses' },
              issued.map((r) => responseRow(r, actions)),
            ),
      ),
    );
  } else if (entity.kind === 'Source') {
    body.push(
      facts([
        ['Title', entity.title],
        ['Publisher', entity.publisher],
        ['Published', entity.published?.text],
        ['Address', entity.url ? h('a', { href: entity.url, target: '_blank', rel: 'noopener' }, entity.url) : null],
      ]),
    );
  } else if (entity.aliases.length > 0) {
    body.push(facts([['Also known as', entity.aliases.map((alias) => alias.name).join(', ')]]));
  }
  body.push(...section(`Sources (${entity.citations.length})`, citationList(entity.citations)));
  return [...header, ...body];
}

/** Who attributed what to a state, and for each campaign who named it and who declined to. */
export function attributionsPanel(
  state: EntityRef,
  answer: { attributions: Attribution[]; truncated: boolean; summaries: ResponseSummary[] },
  actions: PanelActions,
): HTMLElement[] {
  const rows = answer.attributions.map((row) =>
    h(
      'li',
      { class: 'attribution', 'data-campaign': row.campaign?.id },
      h('span', { class: 'date' }, row.date?.text ?? 'undated'),
      ' ',
      row.attributor ? entityLink(row.attributor, actions) : 'Someone',
      ' holds ',
      entityLink(row.accused, actions),
      row.sponsor ? ` (sponsored by ${row.sponsor.name})` : '',
      ' responsible',
      row.campaign ? h('span', {}, ' for ', entityLink(row.campaign, actions)) : '',
      row.response ? h('span', {}, ' in ', entityLink(row.response, actions)) : h('span', { class: 'hint' }, ' (a claim)'),
      confidenceText(row.confidence) ? h('span', { class: 'hint' }, `, ${confidenceText(row.confidence)}`) : '',
      h('details', {}, h('summary', {}, `Quotes (${row.citations.length})`), citationList(row.citations)),
    ),
  );
  const summaries = answer.summaries.map((summary) =>
    h(
      'div',
      { class: 'summary' },
      h('h4', {}, summary.campaign ? entityLink(summary.campaign, actions) : '', ` · ${summary.responseCount} responses`),
      h(
        'ul',
        {},
        summary.namedBy.map((p) => h('li', {}, entityLink(p.party, actions), ' named it')),
        summary.declinedToName.map((p) =>
          h(
            'li',
            {},
            entityLink(p.party, actions),
            p.position === 'SAID_NOT_TO_NAME' ? ' did not name it (the source says so)' : ' responded without naming it',
            p.stances.length ? h('span', { class: 'hint' }, `: ${p.stances.map(stancePhrase).join(', ')}`) : '',
          ),
        ),
      ),
    ),
  );
  return [
    h('h3', {}, `Attributions to ${state.name} (${answer.attributions.length}${answer.truncated ? '+' : ''})`),
    rows.length === 0
      ? h('p', { class: 'hint' }, 'Nobody attributed anything to it as of this date.')
      : h('ul', { class: 'attributions' }, rows),
    ...(summaries.length > 0 ? [h('h3', {}, 'Who named it, who did not'), ...summaries] : []),
  ];
}

/** A drawn relationship: every relationship it stands for between the two entities, with its sources. */
export function edgePanel(edges: GraphEdge[], names: (id: string) => EntityRef, actions: PanelActions): HTMLElement[] {
  const first = edges[0]!;
  const a = names(first.source);
  const b = names(first.target);
  return [
    h('h2', {}, `${a.name} — ${b.name}`),
    h('p', { class: 'route' }, `${edges.length} relationship${edges.length === 1 ? '' : 's'}`),
    ...edges.map((edge) =>
      h(
        'section',
        { class: 'relationship', 'data-edge': edge.id },
        h('h3', {}, entityLink(names(edge.source), actions), ` ${edgePhrase(edge)} `, entityLink(names(edge.target), actions)),
        facts([
          ['Claimed by', edge.claimedBy ? entityLink(edge.claimedBy, actions) : null],
          ['Confidence', confidenceText(edge.confidence)],
          ['Asset', edge.asset],
          ['Title', edge.title],
          ['Known since', edge.knownSince],
        ]),
        h('h4', {}, `Sources (${edge.citations.length})`),
        citationList(edge.citations),
      ),
    ),
  ];
}

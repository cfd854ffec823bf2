import { createHash } from 'node:crypto';
import { nameKey } from '../../model/names.js';
import type { PartialDate } from '../../model/partialDate.js';
import type { Citation, PropertyValue } from '../../write/changeset.js';
import { emptyDocument, type ImportedDocument, type ImportedLink, type ImportedObject } from '../imported.js';
import { ActorGroups, type ActorGroup } from './actors.js';
import { resolveCountry } from './countries.js';
import { Findings } from '../findings.js';
import { readEurepocCsv, type CsvRow } from './csv.js';
import { mapLegal, mapPolitical, splitPoliticalType } from './responseTypes.js';
import {
  alignedItems,
  distinct,
  eurepocDate,
  LiteralError,
  literalList,
  textOf,
  textsOf,
  value,
  type PyValue,
} from './values.js';

/**
 * Reads the EuRepoC Global Database CSV into an ImportedDocument (docs/import-export.md, "EuRepoC →
 * model"): an incident is a Campaign; its receivers are TARGETS; its initiators are actors resolved
 * by name like ATT&CK's and MISP's (or a State where EuRepoC codes a state); each attribution, each
 * political and each legal response is a Response. Every claim cites the dataset and the row's URLs.
 *
 * What EuRepoC codes about an initiator (its country, its category) stays EuRepoC's claim on
 * CONDUCTED_BY (claimedBy: org:eurepoc); it never becomes a SPONSORED_BY.
 */

export const EUREPOC_ORG = 'org:eurepoc';
const GIVER = 'EuRepoC';
const DOI = '10.5281/zenodo.7848941';

/** Kinds of anomaly the summary counts, each with the incident ids it occurred in. */
export const ANOMALIES = {
  repeatedRow: 'repeated row, identical to an earlier one (read once)',
  conflictingRow: 'incident id repeated with different values (the first row is kept)',
  attributionCount: 'number_of_attributions disagrees with the attributions listed (the lists are trusted)',
  politicalCount: 'number_of_political_responses disagrees with the responses listed (the lists are trusted)',
  legalCount: 'number_of_legal_responses disagrees with the responses listed (the lists are trusted)',
  attributionLengths: 'attribution columns list different numbers of items (read by position)',
  politicalLengths: 'political response columns list different numbers of items (read by position)',
  legalLengths: 'legal response columns list different numbers of items (read by position)',
  receiverLengths: 'receiver columns list different numbers of items (read by position)',
  initiatorLengths: 'initiator columns list different numbers of items (read by position)',
  emptyPosition: 'a listed position with no value in any column (no response made of it)',
  receiverUnknown: 'a receiver with neither a name nor a country (no TARGETS)',
  badDate: 'a date that is not a date (kept as text, no date)',
  unknownCountry: 'a country that names no state (kept as text, no State)',
  unknownPolitical: 'a political response code not in the table (kept verbatim, no type)',
  unknownLegal: 'a legal response code not in the table (kept verbatim, no type)',
  noName: 'an incident without a name (named after its id)',
} as const;

type Anomaly = (typeof ANOMALIES)[keyof typeof ANOMALIES];

function sha16(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The graph id of the Source for a URL a row cites. */
export function urlSourceId(url: string): string {
  return `source:web:${sha16(url)}`;
}

export function campaignId(incident: string): string {
  return `campaign:eurepoc:${incident}`;
}

export function organizationId(name: string): string {
  return `org:eurepoc:${nameKey(name)}`;
}

interface Reader {
  document: ImportedDocument;
  anomaly(kind: Anomaly, incident: string): void;
  problem(at: string, message: string): void;
}

class Objects {
  private readonly byId = new Map<string, ImportedObject>();
  constructor(private readonly document: ImportedDocument) {}

  has(id: string): boolean {
    return this.byId.has(id);
  }

  add(object: ImportedObject): string {
    if (!this.byId.has(object.externalId)) {
      this.byId.set(object.externalId, object);
      this.document.objects.push(object);
    }
    return object.externalId;
  }
}

function objectBase(
  at: string,
  id: string,
): Pick<ImportedObject, 'at' | 'externalId' | 'proposedId' | 'modified' | 'identifiers'> {
  return { at, externalId: id, proposedId: id, modified: null, identifiers: [] };
}

/** EuRepoC's columns that hold Python-style list literals, parsed once per row. */
const LITERAL_COLUMNS = [
  'receiver_name',
  'receiver_country',
  'receiver_category',
  'receiver_category_subcode',
  'initiator_name',
  'initiator_country',
  'initiator_category',
  'initiator_category_subcode',
  'sources_attribution',
  'sources_url',
];

interface IncidentRow {
  at: string;
  incident: string;
  cells: CsvRow;
}

/** The document for a release: 1.1 cites its DOI; an unrecognised header is imported with a warning. */
function releaseDocument(csv: ReturnType<typeof readEurepocCsv>): ImportedDocument {
  const release = csv.isRelease11 ? '1.1' : null;
  const document = emptyDocument('eurepoc', 'EuRepoC CSV', csv.rows.length, {
    title: release === null ? 'EuRepoC Global Dataset (release not recognised by its header)' : 'EuRepoC Global Dataset 1.1',
    version: release,
    publisher: 'EuRepoC (European Repository of Cyber Incidents)',
  });
  if (release !== null) {
    document.sourceAbout = {
      props: {
        doi: DOI,
        url: `https://doi.org/${DOI}`,
        citeAs: `EuRepoC (European Repository of Cyber Incidents), Global Dataset 1.1, 2023, doi:${DOI}`,
      },
      dates: { published: { start: '2023-04-01', precision: 'MONTH' } },
    };
  } else {
    document.warnings.push(
      'the header is not that of EuRepoC Global Dataset 1.1: imported as EuRepoC data of an unknown release, without its DOI',
    );
  }
  return document;
}

/** One row per incident: a repeated row is counted (identical or conflicting) and the first kept. */
function distinctRows(csv: ReturnType<typeof readEurepocCsv>, reader: Reader): IncidentRow[] {
  const rows: IncidentRow[] = [];
  const seen = new Map<string, string>();
  for (const { row, cells } of csv.rows) {
    const incident = (cells.ID ?? '').trim();
    const at = `row ${row}`;
    if (!/^\d+$/.test(incident)) {
      reader.problem(at, `ID must be a whole number, got ${JSON.stringify(cells.ID ?? '')}`);
      continue;
    }
    const content = JSON.stringify(cells);
    const earlier = seen.get(incident);
    if (earlier !== undefined) {
      reader.anomaly(earlier === content ? ANOMALIES.repeatedRow : ANOMALIES.conflictingRow, incident);
      continue;
    }
    seen.set(incident, content);
    rows.push({ at: `${at} (incident ${incident})`, incident, cells });
  }
  return rows;
}

/** The list literals of every row, parsed (never evaluated); a malformed one is named by row and column. */
function parseLists(rows: IncidentRow[], reader: Reader): Map<string, Record<string, PyValue[]>> {
  const lists = new Map<string, Record<string, PyValue[]>>();
  for (const { at, incident, cells } of rows) {
    const parsed: Record<string, PyValue[]> = {};
    for (const column of LITERAL_COLUMNS) {
      try {
        parsed[column] = literalList(cells[column] ?? '');
      } catch (error) {
        if (!(error instanceof LiteralError)) throw error;
        reader.problem(`${at} ${column}`, `is not a list literal: ${error.message}`);
        parsed[column] = [];
      }
    }
    lists.set(incident, parsed);
  }
  return lists;
}

/** Every initiator name the file gives, grouped into actors before any row is mapped. */
function initiatorGroups(rows: IncidentRow[], lists: Map<string, Record<string, PyValue[]>>): ActorGroups {
  const actors = new ActorGroups();
  for (const { incident, cells } of rows) {
    for (const item of lists.get(incident)!.initiator_name!) {
      const name = textOf(item);
      if (name !== null) actors.add(name);
    }
    for (const name of alignedItems(cells.attributed_initiator ?? '')) if (name !== null) actors.add(name);
  }
  actors.build();
  return actors;
}

export function readEurepoc(text: string, origin: string): ImportedDocument {
  const csv = readEurepocCsv(text, origin);
  const document = releaseDocument(csv);
  const anomalies = new Map<Anomaly, Set<string>>();
  // A row EuRepoC's format cannot be read from refuses the file (the shared collector of every reader).
  const findings = new Findings();
  const reader: Reader = {
    document,
    anomaly(kind, incident) {
      const set = anomalies.get(kind) ?? new Set();
      set.add(incident);
      anomalies.set(kind, set);
    },
    problem(at, message) {
      findings.refuse(at, message);
    },
  };
  const rows = distinctRows(csv, reader);
  const lists = parseLists(rows, reader);
  findings.refuseIfAny(origin);

  const objects = new Objects(document);
  objects.add({
    ...objectBase('EuRepoC', EUREPOC_ORG),
    kind: 'Organization',
    name: 'EuRepoC (European Repository of Cyber Incidents)',
    description: 'The research consortium that codes the EuRepoC cyber incident datasets.',
    names: [{ name: 'EuRepoC', givenBy: GIVER, quote: null }],
    props: { orgType: 'OTHER' },
    resolveByName: false,
    createOnly: false,
  });
  const mapper = new RowMapper(reader, objects, initiatorGroups(rows, lists));
  for (const row of rows) mapper.map(row.at, row.incident, row.cells, lists.get(row.incident)!);
  findings.refuseIfAny(origin);

  document.anomalies = Object.fromEntries(
    [...anomalies].map(([kind, incidents]) => [kind, [...incidents].sort((a, b) => Number(a) - Number(b))]),
  );
  return document;
}

/** Aggregates links of one kind from one row to one target: a receiver listed twice is one TARGETS. */
class LinkSet {
  private readonly links = new Map<string, ImportedLink>();
  add(link: ImportedLink, merge: (existing: ImportedLink) => void): void {
    const identity = `${link.type}|${link.from}|${link.to}|${link.key}`;
    const existing = this.links.get(identity);
    if (existing === undefined) this.links.set(identity, link);
    else merge(existing);
  }
  values(): ImportedLink[] {
    return [...this.links.values()];
  }
}

function appendTo(props: Record<string, PropertyValue>, name: string, items: string[]): void {
  const current = Array.isArray(props[name]) ? (props[name] as string[]) : [];
  const merged = distinct([...current, ...items]);
  if (merged.length > 0) props[name] = merged;
}

class RowMapper {
  constructor(
    private readonly reader: Reader,
    private readonly objects: Objects,
    private readonly actors: ActorGroups,
  ) {}

  private state(text: string | null, incident: string, at: string): string | null {
    if (text === null) return null;
    const country = resolveCountry(text);
    if (country === null) {
      this.reader.anomaly(ANOMALIES.unknownCountry, incident);
      return null;
    }
    if (this.objects.has(country.id)) return country.id;
    return this.objects.add({
      ...objectBase(at, country.id),
      kind: 'State',
      name: country.name,
      description: null,
      names: text === country.name ? [] : [{ name: text, givenBy: GIVER, quote: null }],
      props: { isoCode: country.code },
      resolveByName: false,
      createOnly: true,
    });
  }

  private organization(name: string, at: string, orgType: string | null): string {
    const id = organizationId(name);
    if (this.objects.has(id)) return id;
    return this.objects.add({
      ...objectBase(at, id),
      kind: 'Organization',
      name,
      description: null,
      names: [],
      props: orgType === null ? {} : { orgType },
      resolveByName: false,
      createOnly: false,
    });
  }

  private actor(group: ActorGroup, at: string): string {
    if (this.objects.has(group.id)) return group.id;
    const props: Record<string, PropertyValue> = { eurepocNames: group.texts };
    if (group.attackIds.length > 0) props.attackIds = group.attackIds;
    if (group.notes.length > 0) props.eurepocNotes = group.notes;
    if (group.partOf.length > 0) props.eurepocPartOf = group.partOf;
    return this.objects.add({
      ...objectBase(at, group.id),
      // An ATT&CK id among the initiator's names is a strong identifier, as in ATT&CK and MISP.
      identifiers: group.attackIds.map((attackId) => `attack:${attackId}`),
      kind: 'ThreatActor',
      name: group.name,
      description: null,
      names: group.names.map((name) => ({ name, givenBy: GIVER, quote: null })),
      props,
      resolveByName: true,
      createOnly: false,
    });
  }

  private readonly urlIds = new Map<string, string>();

  private urlSources(items: PyValue[], at: string): Citation[] {
    const urls = distinct(items.map(textOf).filter((url): url is string => url !== null));
    return urls.map((url) => {
      const known = this.urlIds.get(url);
      if (known !== undefined) return { sourceId: known, quote: null };
      const id = this.objects.add({
        ...objectBase(at, urlSourceId(url)),
        kind: 'Source',
        name: url,
        description: null,
        names: [],
        props: { url, sourceType: 'OTHER', titleIsDescriptive: true },
        resolveByName: false,
        createOnly: true,
      });
      this.urlIds.set(url, id);
      return { sourceId: id, quote: null };
    });
  }

  private date(text: string | null, incident: string): PartialDate | null {
    const parsed = eurepocDate(text);
    if (typeof parsed === 'string') {
      this.reader.anomaly(ANOMALIES.badDate, incident);
      return null;
    }
    return parsed;
  }

  map(at: string, incident: string, cells: CsvRow, lists: Record<string, PyValue[]>): void {
    const cell = (column: string): string | null => value(cells[column]);
    const rowCitations = this.urlSources(lists.sources_url!, at);
    const links = new LinkSet();
    const link = (type: ImportedLink['type'], from: string, to: string, key: string, props: Record<string, PropertyValue>, citations: Citation[]): ImportedLink => ({ at, type, from, to, key, props, required: true, citations }); // prettier-ignore

    // The incident.
    const campaign = campaignId(incident);
    let name = cell('name');
    if (name === null) {
      this.reader.anomaly(ANOMALIES.noName, incident);
      name = `EuRepoC incident ${incident}`;
    }
    const props: Record<string, PropertyValue> = { eurepocId: incident };
    const dates: Record<string, PartialDate> = {};
    for (const [column, dateName] of [
      ['start_date', 'started'],
      ['end_date', 'ended'],
    ] as const) {
      const date = this.date(cell(column), incident);
      if (date !== null) dates[dateName] = date;
      else if (cell(column) !== null) props[`${dateName}Text`] = cell(column)!;
    }
    const listed = (column: string): string[] => alignedItems(cells[column] ?? '').filter((v): v is string => v !== null);
    const put = (propName: string, items: string[]): void => {
      if (items.length > 0) props[propName] = distinct(items);
    };
    put('incidentType', listed('incident_type'));
    put('inclusionCriteria', listed('inclusion_criteria'));
    put('disclosedBy', listed('source_incident_detection_disclosure'));
    put('mitreInitialAccess', listed('MITRE_initial_access'));
    put('mitreImpact', listed('MITRE_impact'));
    const zeroDays = cell('zero_days');
    if (zeroDays !== null) props.zeroDays = zeroDays;
    const zeroDaysSubcode = cell('zero_days_subcode');
    if (zeroDaysSubcode !== null) props.zeroDaysSubcode = zeroDaysSubcode;
    this.objects.add({
      ...objectBase(at, campaign),
      kind: 'Campaign',
      name,
      description: cell('description'),
      names: [],
      props,
      resolveByName: false,
      createOnly: false,
      dates,
      citations: rowCitations,
    });

    this.receivers(at, incident, campaign, lists, links, rowCitations, link);
    this.initiators(at, incident, campaign, lists, links, rowCitations, link);
    this.attributions(at, incident, campaign, name, cells, lists, links, link);
    this.responses('political', at, incident, campaign, name, cells, links, rowCitations, link);
    this.responses('legal', at, incident, campaign, name, cells, links, rowCitations, link);
    this.reader.document.links.push(...links.values());
  }

  private receivers(
    at: string,
    incident: string,
    campaign: string,
    lists: Record<string, PyValue[]>,
    links: LinkSet,
    citations: Citation[],
    link: (...args: [ImportedLink['type'], string, string, string, Record<string, PropertyValue>, Citation[]]) => ImportedLink,
  ): void {
    const columns = ['receiver_name', 'receiver_country', 'receiver_category', 'receiver_category_subcode'];
    const lengths = columns.map((column) => lists[column]!.length).filter((length) => length > 0);
    if (new Set(lengths).size > 1) this.reader.anomaly(ANOMALIES.receiverLengths, incident);
    const count = Math.max(0, ...lengths);
    for (let i = 0; i < count; i += 1) {
      const names = textsOf(lists.receiver_name![i]);
      const countryText = textOf(lists.receiver_country![i]);
      const sectors = distinct(textsOf(lists.receiver_category![i]));
      const subsectors = distinct(textsOf(lists.receiver_category_subcode![i]));
      const targets = names.map((receiver) => this.organization(receiver, at, null));
      if (targets.length === 0) {
        const state = this.state(countryText, incident, at);
        if (state !== null) targets.push(state);
        else if (countryText === null) this.reader.anomaly(ANOMALIES.receiverUnknown, incident);
      }
      for (const target of targets) {
        const props: Record<string, PropertyValue> = {};
        appendTo(props, 'sector', sectors);
        appendTo(props, 'sectorSubcode', subsectors);
        appendTo(props, 'receiverCountry', countryText === null ? [] : [countryText]);
        links.add(link('TARGETS', campaign, target, 'eurepoc', props, citations), (existing) => {
          appendTo(existing.props, 'sector', sectors);
          appendTo(existing.props, 'sectorSubcode', subsectors);
          appendTo(existing.props, 'receiverCountry', countryText === null ? [] : [countryText]);
        });
      }
    }
  }

  private initiators(
    at: string,
    incident: string,
    campaign: string,
    lists: Record<string, PyValue[]>,
    links: LinkSet,
    citations: Citation[],
    link: (...args: [ImportedLink['type'], string, string, string, Record<string, PropertyValue>, Citation[]]) => ImportedLink,
  ): void {
    const columns = ['initiator_name', 'initiator_country', 'initiator_category', 'initiator_category_subcode'];
    const lengths = columns.map((column) => lists[column]!.length).filter((length) => length > 0);
    if (new Set(lengths).size > 1) this.reader.anomaly(ANOMALIES.initiatorLengths, incident);
    const count = Math.max(0, ...lengths);
    for (let i = 0; i < count; i += 1) {
      const nameText = textOf(lists.initiator_name![i]);
      const country = textOf(lists.initiator_country![i]);
      const category = textOf(lists.initiator_category![i]);
      const subcategory = textOf(lists.initiator_category_subcode![i]);
      const group = nameText === null ? null : this.actors.groupOf(nameText);
      let target: string | null = null;
      if (group !== null) target = this.actor(group, at);
      else if (category === 'State') target = this.state(country, incident, at);
      if (target === null) continue;
      const coding = (props: Record<string, PropertyValue>): void => {
        appendTo(props, 'initiatorName', nameText === null ? [] : [nameText]);
        appendTo(props, 'initiatorCountry', country === null ? [] : [country]);
        appendTo(props, 'initiatorCategory', category === null ? [] : [category]);
        appendTo(props, 'initiatorSubcategory', subcategory === null ? [] : [subcategory]);
      };
      const props: Record<string, PropertyValue> = { claimedBy: EUREPOC_ORG };
      coding(props);
      links.add(link('CONDUCTED_BY', campaign, target, 'eurepoc', props, citations), (existing) => coding(existing.props));
    }
  }

  private attributions(
    at: string,
    incident: string,
    campaign: string,
    incidentName: string,
    cells: CsvRow,
    lists: Record<string, PyValue[]>,
    links: LinkSet,
    link: (...args: [ImportedLink['type'], string, string, string, Record<string, PropertyValue>, Citation[]]) => ImportedLink,
  ): void {
    const columns = {
      date: 'attribution_date',
      type: 'attribution_type',
      basis: 'attribution_basis',
      actor: 'attributing_actor',
      itCompany: 'attribution_it_company',
      country: 'attributing_country',
      initiator: 'attributed_initiator',
      initiatorCountry: 'attributed_initiator_country',
      initiatorCategory: 'attributed_initiator_category',
      initiatorSubcategory: 'attributed_initiator_subcategory',
    } as const;
    const items = Object.fromEntries(
      Object.entries(columns).map(([key, column]) => [key, alignedItems(cells[column] ?? '')]),
    ) as Record<keyof typeof columns, Array<string | null>>;
    const count = this.checkPositions(incident, cells.number_of_attributions, Object.values(items), ANOMALIES.attributionCount, ANOMALIES.attributionLengths); // prettier-ignore
    const citations = this.urlSources(lists.sources_attribution!, at);
    for (let i = 0; i < count; i += 1) {
      const at_ = (key: keyof typeof columns): string | null => items[key][i] ?? null;
      if (Object.keys(columns).every((key) => at_(key as keyof typeof columns) === null)) {
        this.reader.anomaly(ANOMALIES.emptyPosition, incident);
        continue;
      }
      const id = `response:eurepoc:${incident}:attribution:${i + 1}`;
      const props: Record<string, PropertyValue> = { types: ['ATTRIBUTION'], eurepocId: incident, position: i + 1 };
      const keep: Array<[string, keyof typeof columns]> = [
        ['attributionType', 'type'],
        ['basis', 'basis'],
        ['attributingActor', 'actor'],
        ['attributingItCompany', 'itCompany'],
        ['attributingCountry', 'country'],
        ['attributedInitiator', 'initiator'],
        ['attributedInitiatorCountry', 'initiatorCountry'],
        ['attributedInitiatorCategory', 'initiatorCategory'],
        ['attributedInitiatorSubcategory', 'initiatorSubcategory'],
      ];
      for (const [prop, key] of keep) if (at_(key) !== null) props[prop] = at_(key)!;
      const date = this.date(at_('date'), incident);
      if (date === null && at_('date') !== null) props.occurredText = at_('date')!;
      this.objects.add({
        ...objectBase(at, id),
        kind: 'Response',
        name: `Attribution ${i + 1} of "${incidentName}"`,
        description: null,
        names: [],
        props,
        resolveByName: false,
        createOnly: false,
        dates: date === null ? {} : { occurred: date },
        citations,
      });
      links.add(link('CONCERNS', id, campaign, 'eurepoc', {}, citations), () => {});
      this.issuer(id, at, incident, at_('actor') ?? at_('itCompany'), at_('actor') === null && at_('itCompany') !== null, at_('country'), links, citations, link); // prettier-ignore
      const initiator = at_('initiator');
      const group = initiator === null ? null : this.actors.groupOf(initiator);
      if (group !== null) {
        const target = this.actor(group, at);
        links.add(link('REFERS_TO', id, target, 'NAMES_RESPONSIBLE', { stance: 'NAMES_RESPONSIBLE' }, citations), () => {});
      }
      const accused = this.state(at_('initiatorCountry'), incident, at);
      if (accused !== null) {
        const refProps = { stance: 'NAMES_RESPONSIBLE', eurepocField: 'attributed_initiator_country' };
        links.add(link('REFERS_TO', id, accused, 'NAMES_RESPONSIBLE', refProps, citations), () => {});
      }
    }
  }

  /** ISSUED_BY the acting organisation (or initiator, for a self-attribution), ON_BEHALF_OF its country; or ISSUED_BY the country alone. */
  private issuer(
    response: string,
    at: string,
    incident: string,
    actorName: string | null,
    isItCompany: boolean,
    countryText: string | null,
    links: LinkSet,
    citations: Citation[],
    link: (...args: [ImportedLink['type'], string, string, string, Record<string, PropertyValue>, Citation[]]) => ImportedLink,
  ): void {
    const state = this.state(countryText, incident, at);
    if (actorName !== null) {
      const group = this.actors.groupNamed(actorName);
      const issuer =
        group !== null ? this.actor(group, at) : this.organization(actorName, at, isItCompany ? 'SECURITY_VENDOR' : null);
      links.add(link('ISSUED_BY', response, issuer, 'eurepoc', {}, citations), () => {});
      if (state !== null) links.add(link('ON_BEHALF_OF', response, state, 'eurepoc', {}, citations), () => {});
    } else if (state !== null) {
      links.add(link('ISSUED_BY', response, state, 'eurepoc', {}, citations), () => {});
    }
  }

  /** The number of positions to read: the longest list; anomalies where the count or the lengths disagree. */
  private checkPositions(
    incident: string,
    countText: string | undefined,
    columns: Array<Array<string | null>>,
    countAnomaly: Anomaly,
    lengthAnomaly: Anomaly,
  ): number {
    const lengths = columns.map((column) => column.length).filter((length) => length > 0);
    const positions = Math.max(0, ...lengths);
    if (new Set(lengths).size > 1) this.reader.anomaly(lengthAnomaly, incident);
    const stated = Number((countText ?? '').trim() === '' ? 0 : countText);
    if (!Number.isInteger(stated) || stated !== positions) this.reader.anomaly(countAnomaly, incident);
    return positions;
  }

  private responses(
    domain: 'political' | 'legal',
    at: string,
    incident: string,
    campaign: string,
    incidentName: string,
    cells: CsvRow,
    links: LinkSet,
    citations: Citation[],
    link: (...args: [ImportedLink['type'], string, string, string, Record<string, PropertyValue>, Citation[]]) => ImportedLink,
  ): void {
    const prefix = `${domain}_response`;
    const items = {
      date: alignedItems(cells[`${prefix}_date`] ?? ''),
      type: alignedItems(cells[`${prefix}_type`] ?? ''),
      subcode: alignedItems(cells[`${prefix}_type_subcode`] ?? ''),
      country: alignedItems(cells[`${prefix}_country`] ?? ''),
      actor: alignedItems(cells[`${prefix}_actor`] ?? ''),
    };
    const political = domain === 'political';
    const count = this.checkPositions(
      incident,
      cells[`number_of_${domain}_responses`],
      Object.values(items),
      political ? ANOMALIES.politicalCount : ANOMALIES.legalCount,
      political ? ANOMALIES.politicalLengths : ANOMALIES.legalLengths,
    );
    for (let i = 0; i < count; i += 1) {
      const at_ = (key: keyof typeof items): string | null => items[key][i] ?? null;
      if ((Object.keys(items) as Array<keyof typeof items>).every((key) => at_(key) === null)) {
        this.reader.anomaly(ANOMALIES.emptyPosition, incident);
        continue;
      }
      const type = at_('type');
      const subcode = at_('subcode');
      const mapped = political ? mapPolitical(type, subcode) : mapLegal(type, subcode);
      if (mapped.unknown.length > 0) this.reader.anomaly(political ? ANOMALIES.unknownPolitical : ANOMALIES.unknownLegal, incident); // prettier-ignore
      const id = `response:eurepoc:${incident}:${domain}:${i + 1}`;
      const props: Record<string, PropertyValue> = {
        types: mapped.types,
        responseDomain: political ? 'POLITICAL' : 'LEGAL',
        eurepocId: incident,
        position: i + 1,
      };
      if (type !== null) props.eurepocType = type;
      if (subcode !== null) props.eurepocSubcode = subcode;
      if (political && type !== null && splitPoliticalType(type).actorClass !== null)
        props.eurepocActorClass = splitPoliticalType(type).actorClass!;
      if (mapped.unknown.length > 0) props.eurepocUnmapped = mapped.unknown;
      if (at_('actor') !== null) props.issuerName = at_('actor')!;
      if (at_('country') !== null) props.issuerCountry = at_('country')!;
      const date = this.date(at_('date'), incident);
      if (date === null && at_('date') !== null) props.occurredText = at_('date')!;
      const label = subcode ?? (type === null ? null : splitPoliticalType(type).category) ?? `${domain} response`;
      this.objects.add({
        ...objectBase(at, id),
        kind: 'Response',
        name: `${label} (${domain} response ${i + 1} to "${incidentName}")`,
        description: null,
        names: [],
        props,
        resolveByName: false,
        createOnly: false,
        dates: date === null ? {} : { occurred: date },
        citations,
      });
      links.add(link('CONCERNS', id, campaign, 'eurepoc', {}, citations), () => {});
      this.issuer(id, at, incident, at_('actor'), false, at_('country'), links, citations, link);
    }
  }
}

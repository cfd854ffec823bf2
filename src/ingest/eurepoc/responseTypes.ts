import type { ResponseType } from '../../model/vocabulary.js';

/**
 * EuRepoC's political and legal response codes onto the model's response types. The table is
 * docs/import-export.md's "Response types" table; a code that is not in it is kept verbatim on the
 * response (eurepocType, eurepocSubcode) and counted, and gives no type rather than a guessed one.
 */

/** Political responses, by subcode (the act itself). */
export const POLITICAL_SUBCODES: Readonly<Record<string, ResponseType[]>> = {
  'Statement by head of state/head of government': ['STATEMENT'],
  'Statement by minister of foreign affairs': ['STATEMENT'],
  'Statements by foreign ministers': ['STATEMENT'],
  'Statement by other ministers/members of parliament': ['STATEMENT'],
  'Statement by secretary-general or similar': ['STATEMENT'],
  'Declaration of HR': ['STATEMENT'],
  'Diplomatic protest notes': ['DIPLOMATIC_PROTEST'],
  'Awareness raising': ['AWARENESS_RAISING'],
  'Capacity building in third countries': ['CAPACITY_BUILDING'],
  'Confidence and security-building Dialogues': ['DIALOGUE'],
  'Parliamentary investigation committee': ['INVESTIGATION'],
  'Legislative initiative': ['LEGISLATION'],
  Resignation: ['PERSONNEL_CONSEQUENCE'],
  'Removal from office': ['PERSONNEL_CONSEQUENCE'],
};

/**
 * Political responses without a subcode, by category (the part after "State Actors: "). Only the
 * categories that name one act have a type; "Stabilizing measures" alone could be a statement or a dialogue.
 */
export const POLITICAL_CATEGORIES: Readonly<Record<string, ResponseType[]>> = {
  'Legislative reactions': ['LEGISLATION'],
  'Preventive measures': [],
  'Stabilizing measures': [],
  'Executive reactions': [],
  'Cooperative measures': [],
};

/** Legal responses, by type; the subcode adds what the measure was. */
export const LEGAL_TYPES: Readonly<Record<string, ResponseType[]>> = {
  'Other legal measures on national level (e.g. law enforcement investigations, arrests)': ['LAW_ENFORCEMENT'],
  'Peaceful means: Retorsion (International Law)': ['RETORSION'],
  'Proclamation of public emergency (national level)': ['EMERGENCY_DECLARATION'],
  // EuRepoC's legal assessment of the response rather than a kind of act: kept, no type.
  'No justification under IL': [],
};

export const LEGAL_SUBCODES: Readonly<Record<string, ResponseType[]>> = {
  'Economic sanctions': ['SANCTION'],
  'Severance of diplomatic relations': ['DIPLOMATIC_SEVERANCE'],
};

export interface MappedResponse {
  types: ResponseType[];
  /** Codes not in the tables, verbatim, for the report. */
  unknown: string[];
}

function union(lists: ResponseType[][]): ResponseType[] {
  return [...new Set(lists.flat())];
}

/** "State Actors: Stabilizing measures" → who ("State Actors") and the category. */
export function splitPoliticalType(text: string): { actorClass: string | null; category: string } {
  const colon = text.indexOf(':');
  if (colon < 0) return { actorClass: null, category: text.trim() };
  return { actorClass: text.slice(0, colon).trim(), category: text.slice(colon + 1).trim() };
}

export function mapPolitical(type: string | null, subcode: string | null): MappedResponse {
  const unknown: string[] = [];
  const lists: ResponseType[][] = [];
  if (subcode !== null) {
    const mapped = POLITICAL_SUBCODES[subcode];
    if (mapped === undefined) unknown.push(subcode);
    else lists.push(mapped);
  }
  if (type !== null) {
    const { category } = splitPoliticalType(type);
    const mapped = POLITICAL_CATEGORIES[category];
    if (mapped === undefined) unknown.push(type);
    else if (subcode === null || POLITICAL_SUBCODES[subcode] === undefined) lists.push(mapped);
  }
  return { types: union(lists), unknown };
}

export function mapLegal(type: string | null, subcode: string | null): MappedResponse {
  const unknown: string[] = [];
  const lists: ResponseType[][] = [];
  if (type !== null) {
    const mapped = LEGAL_TYPES[type];
    if (mapped === undefined) unknown.push(type);
    else lists.push(mapped);
  }
  if (subcode !== null) {
    const mapped = LEGAL_SUBCODES[subcode];
    if (mapped === undefined) unknown.push(subcode);
    else lists.push(mapped);
  }
  return { types: union(lists), unknown };
}

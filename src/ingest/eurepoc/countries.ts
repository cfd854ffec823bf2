import { resolveCountry as resolveStateName, stateId } from '../../model/countries.js';

/**
 * EuRepoC's country wording ("Iran, Islamic Republic of", "Korea, Republic of") as a State, through
 * the importers' one country resolver (src/model/countries.ts). Regions ("EU (region)", "Central
 * America (region)") and organisations name no state: null.
 */

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** The graph id of its State (state:cn), the scheme the seed and the MISP import use. */
  id: string;
  /** The English short name (CLDR: "Russia", "South Korea"), the State's name when the import creates it. */
  name: string;
}

const resolved = new Map<string, Country | null>();

function lookUp(text: string): Country | null {
  if (/\(region\)\s*$/i.test(text)) return null;
  const state = resolveStateName(text);
  return state === null ? null : { code: state.isoCode, id: stateId(state.isoCode), name: state.name };
}

export function resolveCountry(text: string): Country | null {
  let country = resolved.get(text);
  if (country === undefined) {
    country = lookUp(text.trim());
    resolved.set(text, country);
  }
  return country;
}

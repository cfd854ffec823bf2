import { countryCode, countryName, stateId } from '../misp/countries.js';

/**
 * The one place the EuRepoC reader turns a country's wording ("Iran, Islamic Republic of",
 * "Korea, Republic of") into a State. It delegates to the country resolver the MISP reader uses;
 * point it at the shared resolver when there is one, nothing else in src/ingest/eurepoc changes.
 * Regions ("EU (region)", "Central America (region)") name no state and give null.
 */
export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** The graph id of its State (state:cn). */
  id: string;
  /** The English short name, the State's name when the import creates it. */
  name: string;
}

const resolved = new Map<string, Country | null>();

export function resolveCountry(text: string): Country | null {
  let country = resolved.get(text);
  if (country === undefined) {
    const code = /\(region\)\s*$/i.test(text) ? null : countryCode(text);
    country = code === null ? null : { code, id: stateId(code), name: countryName(code) };
    resolved.set(text, country);
  }
  return country;
}

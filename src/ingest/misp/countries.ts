import { nameKey } from '../../model/names.js';

/**
 * Country names and ISO 3166-1 alpha-2 codes, for turning what MISP galaxies say about states
 * ("China", "Iran (Islamic Republic of)", "RU") into the id of a State (state:cn). English names
 * come from the runtime's CLDR data (Intl.DisplayNames); the table below adds the ISO 3166 official
 * short names and other common forms that CLDR words differently.
 */

const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);

const OTHER_NAMES: Readonly<Record<string, string>> = {
  'Russian Federation': 'RU',
  "Korea (Democratic People's Republic of)": 'KP',
  "Korea, Democratic People's Republic of": 'KP',
  "Democratic People's Republic of Korea": 'KP',
  DPRK: 'KP',
  'Korea (Republic of)': 'KR',
  'Korea, Republic of': 'KR',
  'Republic of Korea': 'KR',
  'Viet Nam': 'VN',
  'Syrian Arab Republic': 'SY',
  "Lao People's Democratic Republic": 'LA',
  'Tanzania, United Republic of': 'TZ',
  Palestine: 'PS',
  'Palestine, State of': 'PS',
  'State of Palestine': 'PS',
  'Taiwan, Province of China': 'TW',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  UK: 'GB',
  'Great Britain': 'GB',
  'United States of America': 'US',
  USA: 'US',
  "People's Republic of China": 'CN',
  PRC: 'CN',
  Turkey: 'TR',
  'Czech Republic': 'CZ',
  Macedonia: 'MK',
  'Brunei Darussalam': 'BN',
  'Congo (Democratic Republic of the)': 'CD',
  'Democratic Republic of the Congo': 'CD',
  'Micronesia (Federated States of)': 'FM',
  'Holy See': 'VA',
  'Cabo Verde': 'CV',
  Eswatini: 'SZ',
  Swaziland: 'SZ',
  Burma: 'MM',
};

let byKey: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (byKey !== undefined) return byKey;
  byKey = new Map();
  const names = new Intl.DisplayNames('en', { type: 'region' });
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (name === undefined || name === code) continue;
      byKey.set(nameKey(name), code);
      byKey.set(nameKey(code), code);
    }
  }
  for (const [name, code] of Object.entries(OTHER_NAMES)) byKey.set(nameKey(name), code);
  return byKey;
}

/** The ISO code of a country name or code, or null when the text names no country this knows. */
export function countryCode(text: string): string | null {
  const codes = table();
  const direct = codes.get(nameKey(text));
  if (direct !== undefined) return direct;
  // "Iran (Islamic Republic of)", "Moldova, Republic of": the part before the qualifier.
  const stripped = text.replace(/\s*\(.*\)\s*$/, '').replace(/,.*$/, '');
  return stripped !== text ? (codes.get(nameKey(stripped)) ?? null) : null;
}

/** The English short name of a country (CLDR), as the State's name when an import creates it. */
export function countryName(code: string): string {
  return new Intl.DisplayNames('en', { type: 'region' }).of(code) ?? code;
}

/** The graph id of the State with that ISO code; the seed uses the same scheme (state:cn). */
export function stateId(code: string): string {
  return `state:${code.toLowerCase()}`;
}

import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { nameKey } from './names.js';

/**
 * Which state a country name or code means ("China", "Korea, Republic of", "The Philippines", "RU",
 * "RUS") as an ISO 3166-1 alpha-2 code and an English name, for every importer that names states
 * (MISP galaxies, EuRepoC's receiver and initiator countries).
 *
 * Names and codes come from i18n-iso-countries (maintained, ISO 3166-1 alpha-2/alpha-3/numeric with
 * each locale's official and common names, e.g. "Russian Federation" and "Russia"; Kosovo as XK).
 * It was chosen over world-countries because it carries several English names per country as data
 * rather than one common and one official name, so fewer variants need a table here. The display
 * name is CLDR's short English name from the runtime (Intl.DisplayNames: "Russia", "Czechia").
 *
 * Historical codes (ISO 3166-3: SU, YU, FX, CS, DD) are recognised only where the text names the
 * historical state itself ("Soviet Union", "USSR", "SU"): "Russia" is always RU, "Serbia" RS.
 */

export interface ResolvedCountry {
  isoCode: string;
  name: string;
}

countries.registerLocale(english);

/** Forms the library's English names lack, met in threat-intelligence data. */
const VARIANTS: Readonly<Record<string, string>> = {
  Burma: 'MM',
  Macau: 'MO',
  Syria: 'SY',
  Laos: 'LA',
  'Great Britain': 'GB',
  Britain: 'GB',
  'Democratic Republic of the Congo': 'CD',
  'Republic of the Congo': 'CG',
  "People's Republic of China": 'CN',
  PRC: 'CN',
  DPRK: 'KP',
  "Korea, Democratic People's Republic of": 'KP',
  "Democratic People's Republic of Korea": 'KP',
  'Republic of Korea': 'KR',
  ROK: 'KR',
  Vatican: 'VA',
  'Holy See': 'VA',
  'East Timor': 'TL',
  Swaziland: 'SZ',
  Macedonia: 'MK',
  'Cape Verde': 'CV',
  UAE: 'AE',
};

/** Historical states (ISO 3166-3), matched only by their own names and codes. */
const HISTORICAL: ReadonlyArray<{ isoCode: string; name: string; names: string[] }> = [
  { isoCode: 'SU', name: 'Soviet Union', names: ['SU', 'SUN', 'Soviet Union', 'USSR', 'Union of Soviet Socialist Republics'] },
  { isoCode: 'YU', name: 'Yugoslavia', names: ['YU', 'YUG', 'Yugoslavia', 'Socialist Federal Republic of Yugoslavia'] },
  { isoCode: 'FX', name: 'Metropolitan France', names: ['FX', 'FXX', 'Metropolitan France', 'France, Metropolitan'] },
  { isoCode: 'CS', name: 'Czechoslovakia', names: ['Czechoslovakia'] },
  { isoCode: 'DD', name: 'German Democratic Republic', names: ['DD', 'DDR', 'East Germany', 'German Democratic Republic'] },
];

let byKey: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (byKey !== undefined) return byKey;
  byKey = new Map();
  for (const [alpha2, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of names) byKey.set(nameKey(name), alpha2);
    byKey.set(nameKey(alpha2), alpha2);
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    if (alpha3 !== undefined) byKey.set(nameKey(alpha3), alpha2);
  }
  for (const [name, code] of Object.entries(VARIANTS)) byKey.set(nameKey(name), code);
  for (const state of HISTORICAL) for (const name of state.names) byKey.set(nameKey(name), state.isoCode);
  return byKey;
}

function displayName(code: string): string {
  const historical = HISTORICAL.find((state) => state.isoCode === code);
  if (historical !== undefined) return historical.name;
  try {
    const cldr = new Intl.DisplayNames('en', { type: 'region' }).of(code);
    if (cldr !== undefined && cldr !== code) return cldr;
  } catch {
    // A code CLDR does not know: the library's name below.
  }
  return countries.getName(code, 'en') ?? code;
}

/** The forms a name is tried in: as given, without a leading "The", before a qualifier. */
function forms(text: string): string[] {
  const trimmed = text.trim();
  const withoutThe = trimmed.replace(/^the\s+/i, '');
  // "Iran (Islamic Republic of)", "Moldova, Republic of": the part before the qualifier.
  // "Korea (Democratic People's Republic of)" is ISO's "Korea, Democratic People's Republic of".
  const qualified = withoutThe.replace(/^(.*?)\s*\((.*)\)\s*$/, '$1, $2');
  const beforeQualifier = withoutThe.replace(/\s*\(.*\)\s*$/, '').replace(/,.*$/, '');
  return [trimmed, withoutThe, qualified, beforeQualifier];
}

/** The state a country name or ISO code means, or null when it names no country (e.g. "NATO", "Unknown"). */
export function resolveCountry(text: string): ResolvedCountry | null {
  const codes = table();
  for (const form of forms(text)) {
    const key = nameKey(form);
    if (key === '') continue;
    const code = codes.get(key);
    if (code !== undefined) return { isoCode: code, name: displayName(code) };
  }
  return null;
}

/** The graph id of the State with that ISO code; the seed uses the same scheme (state:cn). */
export function stateId(isoCode: string): string {
  return `state:${isoCode.toLowerCase()}`;
}

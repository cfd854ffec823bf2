import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

/**
 * The one place the EuRepoC reader turns a country's wording ("Iran, Islamic Republic of",
 * "Korea, Republic of") into a State: i18n-iso-countries (ISO 3166-1 names and their common
 * aliases), plus the ISO "Name, qualifier" forms it does not list. Point resolveCountry at the
 * shared country resolver when there is one; nothing else in src/ingest/eurepoc changes.
 * Regions ("EU (region)", "Central America (region)") and organisations name no state: null.
 */
countries.registerLocale(en);

/** ISO 3166 short names in EuRepoC's spelling that i18n-iso-countries does not match. */
const MORE_NAMES: Readonly<Record<string, string>> = {
  "Korea, Democratic People's Republic of": 'KP',
  'Iran, Islamic Republic of': 'IR',
  'Congo, the Democratic Republic of the': 'CD',
  Syria: 'SY',
  Laos: 'LA',
  Swaziland: 'SZ',
  Brunei: 'BN',
};

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** The graph id of its State (state:cn), the scheme the seed and the MISP import use. */
  id: string;
  /** The English short name (CLDR: "Russia", "South Korea"), the State's name when the import creates it. */
  name: string;
}

const displayNames = new Intl.DisplayNames('en', { type: 'region' });
const resolved = new Map<string, Country | null>();

function lookUp(text: string): string | null {
  if (/\(region\)\s*$/i.test(text)) return null;
  return MORE_NAMES[text] ?? countries.getAlpha2Code(text, 'en') ?? null;
}

export function resolveCountry(text: string): Country | null {
  let country = resolved.get(text);
  if (country === undefined) {
    const code = lookUp(text.trim());
    country = code === null ? null : { code, id: `state:${code.toLowerCase()}`, name: displayNames.of(code) ?? code };
    resolved.set(text, country);
  }
  return country;
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { readImport } from '../../src/ingest/importData.js';
import type { ImportedDocument, ImportedLink, ImportedObject } from '../../src/ingest/imported.js';
import { looksLikeEurepocCsv } from '../../src/ingest/eurepoc/csv.js';
import { parseInitiatorName } from '../../src/ingest/eurepoc/initiators.js';
import { ANOMALIES, readEurepoc, urlSourceId } from '../../src/ingest/eurepoc/read.js';
import { mapLegal, mapPolitical } from '../../src/ingest/eurepoc/responseTypes.js';
import { alignedItems, eurepocDate, isMissing, parsePythonLiteral } from '../../src/ingest/eurepoc/values.js';
import { ChangesetError } from '../../src/write/changeset.js';

// The EuRepoC reader without a database: the messy-value helpers, the initiator names, the response
// table, and tests/fixtures/eurepoc/eurepoc-messy.csv (a fixture of our own with every messy case).
const FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/eurepoc/eurepoc-messy.csv');
const fixtureText = (): string => fs.readFileSync(FIXTURE, 'utf8');

describe('EuRepoC cell values', () => {
  it('parses Python list literals without evaluating them', () => {
    expect(parsePythonLiteral("[['NATO', 'NORTHAM']]")).toEqual([['NATO', 'NORTHAM']]);
    expect(parsePythonLiteral('["Korea, Democratic People\'s Republic of"]')).toEqual(["Korea, Democratic People's Republic of"]);
    expect(parsePythonLiteral("[[None], ['Unisoftware']]")).toEqual([[null], ['Unisoftware']]);
    expect(parsePythonLiteral("['a\\'b', 'c\\\\d', 'caf\\xe9']")).toEqual(["a'b", 'c\\d', 'café']);
    expect(parsePythonLiteral('[1, 2.5, True, nan,]')).toEqual([1, 2.5, true, null]);
    expect(parsePythonLiteral('[]')).toEqual([]);
    for (const code of ["__import__('os').system('x')", "['a'] + ['b']", "['a'", "['a' 'b']", "{'a': 1}"]) {
      expect(() => parsePythonLiteral(code), code).toThrow(/at character/);
    }
  });

  it('splits `; ` columns by position, not inside parentheses, keeping missing positions', () => {
    expect(alignedItems('Russia; Unknown; nan; ')).toEqual(['Russia', null, null, null]);
    expect(alignedItems('Institute (CNIIHM; a.k.a. ЦНИИХМ); Sandworm/G0034 (GRU; 74455)')).toEqual([
      'Institute (CNIIHM; a.k.a. ЦНИИХМ)',
      'Sandworm/G0034 (GRU; 74455)',
    ]);
    expect(alignedItems('')).toEqual([]);
  });

  it('takes every spelling of "no value" as missing', () => {
    for (const text of ['', ' ', 'Not available', 'Unknown', 'none', 'None', 'nan', 'NaT', '\u00a0']) {
      expect(isMissing(text), JSON.stringify(text)).toBe(true);
    }
    expect(isMissing('No')).toBe(false);
  });

  it('reads dates with or without a midnight time, at the precision given', () => {
    expect(eurepocDate('2021-07-19 00:00:00')).toEqual({ start: '2021-07-19', precision: 'DAY' });
    expect(eurepocDate('2021-07-19')).toEqual({ start: '2021-07-19', precision: 'DAY' });
    expect(eurepocDate('2021')).toEqual({ start: '2021-01-01', precision: 'YEAR' });
    expect(eurepocDate(null)).toBeNull();
    expect(eurepocDate('2019-13-45')).toMatch(/not a calendar date/);
    expect(eurepocDate('yesterday')).toMatch(/not a date/);
  });
});

describe('EuRepoC initiator names', () => {
  it('splits an alias list into the names of one actor, its ATT&CK ids, its note and its parent', () => {
    expect(parseInitiatorName('APT31/ZIRCONIUM/BRONZE VINEWOOD/G0128')).toEqual({
      name: 'APT31',
      names: ['APT31', 'ZIRCONIUM', 'BRONZE VINEWOOD'],
      attackIds: ['G0128'],
      note: null,
      partOf: null,
    });
    expect(
      parseInitiatorName('APT41/BARIUM/Wicked Panda/G0096 (Chengdu 404 Network Technology) <\u00a0Winnti Umbrella/G0044'),
    ).toEqual({
      name: 'APT41',
      names: ['APT41', 'BARIUM', 'Wicked Panda'],
      attackIds: ['G0096'],
      note: 'Chengdu 404 Network Technology',
      partOf: 'Winnti Umbrella/G0044',
    });
    const fancy = parseInitiatorName(
      'Fancy Bear/APT28/Group G0007 (GRU, 85th Main Special Service Center (GTsSS) Military Unit 26165)',
    )!;
    expect(fancy).toMatchObject({ names: ['Fancy Bear', 'APT28'], attackIds: ['G0007'] });
    expect(fancy.note).toBe('GRU, 85th Main Special Service Center (GTsSS) Military Unit 26165');
    expect(parseInitiatorName('Gamaredon Group/ACTINIUM/DEV-0157, Group G0047 (FSB, 18th Center, Crimea)')!.names).toEqual([
      'Gamaredon Group',
      'ACTINIUM',
      'DEV-0157',
    ]);
    // A single name keeps its parentheses; "/" inside them does not split.
    expect(parseInitiatorName('Ministry of Intelligence and Security (MOIS; Iran)')!.names).toEqual([
      'Ministry of Intelligence and Security (MOIS; Iran)',
    ]);
    expect(parseInitiatorName('Turla/Snake/G0010 (FSB, 16th / 18th Center)')!.note).toBe('FSB, 16th / 18th Center');
  });
});

describe('the EuRepoC response table', () => {
  it('maps subcodes and categories, and keeps unknown codes verbatim', () => {
    expect(mapPolitical('State Actors: Stabilizing measures', 'Statement by head of state/head of government')).toEqual({
      types: ['STATEMENT'],
      unknown: [],
    });
    expect(mapPolitical('EU: Legislative reactions', null)).toEqual({ types: ['LEGISLATION'], unknown: [] });
    expect(mapPolitical('State Actors: Stabilizing measures', 'Strongly worded tweet')).toEqual({
      types: [],
      unknown: ['Strongly worded tweet'],
    });
    expect(mapPolitical('N', null)).toEqual({ types: [], unknown: ['N'] });
    expect(mapLegal('Peaceful means: Retorsion (International Law)', 'Economic sanctions').types).toEqual([
      'RETORSION',
      'SANCTION',
    ]);
  });
});

describe('reading the messy fixture', () => {
  const document: ImportedDocument = readEurepoc(fixtureText(), 'eurepoc-messy.csv');
  const object = (id: string): ImportedObject => {
    const found = document.objects.find((o) => o.externalId === id);
    if (found === undefined) throw new Error(`no object ${id}`);
    return found;
  };
  const linksFrom = (id: string, type?: string): ImportedLink[] =>
    document.links.filter((l) => l.from === id && (type === undefined || l.type === type));

  it('is recognised by its header and cited as EuRepoC 1.1 with its DOI', () => {
    expect(looksLikeEurepocCsv(fs.readFileSync(FIXTURE))).toBe(true);
    expect(looksLikeEurepocCsv(Buffer.from('{"type": "bundle"}'))).toBe(false);
    const detected = readImport({ name: 'eurepoc-messy.csv', bytes: fs.readFileSync(FIXTURE) });
    expect(detected.format).toBe('eurepoc');
    expect(document).toMatchObject({ title: 'EuRepoC Global Dataset 1.1', version: '1.1', objectCount: 7 });
    expect(document.sourceAbout!.props).toMatchObject({ doi: '10.5281/zenodo.7848941' });
    expect(document.sourceAbout!.dates.published).toEqual({ start: '2023-04-01', precision: 'MONTH' });
  });

  it('maps an incident to a Campaign with its dates, coding and URLs', () => {
    const campaign = object('campaign:eurepoc:999901');
    expect(campaign).toMatchObject({
      kind: 'Campaign',
      name: 'Fictional APT31 campaign against a foreign ministry',
      props: {
        eurepocId: '999901',
        incidentType: ['Data theft', 'Hijacking with Misuse'],
        zeroDays: 'No',
        mitreInitialAccess: ['Phishing'],
        mitreImpact: ['Data Exfiltration'],
      },
      dates: { started: { start: '2021-01-01', precision: 'DAY' }, ended: { start: '2021-06-30', precision: 'DAY' } },
    });
    expect(campaign.citations!.map((c) => c.sourceId)).toEqual([
      urlSourceId('https://example.org/news-1'),
      urlSourceId('https://example.org/news-2'),
    ]);
    expect(object(urlSourceId('https://example.org/news-1'))).toMatchObject({
      kind: 'Source',
      props: { url: 'https://example.org/news-1', titleIsDescriptive: true },
    });
  });

  it('splits an initiator into the names of one actor to be resolved by name, never a sponsorship', () => {
    const apt31 = object('eurepoc:actor:apt31');
    expect(apt31).toMatchObject({ kind: 'ThreatActor', resolveByName: true, name: 'APT31', props: { attackIds: ['G0128'] } });
    expect(apt31.names.map((n) => n.name)).toEqual(['APT31', 'ZIRCONIUM', 'BRONZE VINEWOOD']);
    const [conducted] = linksFrom('campaign:eurepoc:999901', 'CONDUCTED_BY');
    expect(conducted).toMatchObject({
      to: 'eurepoc:actor:apt31',
      props: { claimedBy: 'org:eurepoc', initiatorCountry: ['China'] },
    });
    expect(document.links.some((l) => l.type === 'SPONSORED_BY')).toBe(false);
    // "APT 31" in the attribution column is the same group (same first name): one object.
    expect(document.objects.filter((o) => o.kind === 'ThreatActor' && /apt ?31/i.test(o.name))).toHaveLength(1);
    // A state coded as initiator with no name: CONDUCTED_BY the State.
    expect(linksFrom('campaign:eurepoc:999903', 'CONDUCTED_BY').map((l) => l.to)).toEqual(['state:ru']);
    // Two spellings of one group in one row: one actor, one CONDUCTED_BY.
    expect(linksFrom('campaign:eurepoc:999904', 'CONDUCTED_BY').map((l) => l.to)).toEqual(['eurepoc:actor:apt32']);
    expect(object('eurepoc:actor:apt32').names.map((n) => n.name)).toEqual(['APT 32', 'Ocean Lotus', 'Sea Lotus']);
    expect(object('eurepoc:actor:apt41').props).toMatchObject({
      attackIds: ['G0096'],
      eurepocNotes: ['Chengdu 404 Network Technology'],
      eurepocPartOf: ['Winnti Umbrella/G0044'],
    });
  });

  it('targets named receivers as organisations and unnamed ones as their State, with sectors', () => {
    const targets = linksFrom('campaign:eurepoc:999903', 'TARGETS');
    expect(targets.map((l) => [l.to, l.props.sector])).toEqual([
      ['org:eurepoc:ministryofdefenceukraine', ['State institutions / political system']],
      ['state:ua', ['Critical infrastructure']],
    ]);
    expect(linksFrom('campaign:eurepoc:999902', 'TARGETS').map((l) => l.to)).toEqual(['state:ru']);
    expect(linksFrom('campaign:eurepoc:999905', 'TARGETS').map((l) => l.to)).toEqual(['state:kp']);
    expect(linksFrom('campaign:eurepoc:999904', 'TARGETS')).toEqual([]);
  });

  it('makes each listed attribution a Response: issuer, country, date, type, basis, what it names', () => {
    const first = object('response:eurepoc:999901:attribution:1');
    expect(first).toMatchObject({
      kind: 'Response',
      props: {
        types: ['ATTRIBUTION'],
        attributionType: 'Political statement / report (e.g., on government / state agency websites)',
        basis: 'Attribution by receiver government / state entity',
        attributingCountry: 'Czech Republic',
      },
      dates: { occurred: { start: '2021-07-19', precision: 'DAY' } },
    });
    expect(first.citations!.map((c) => c.sourceId)).toEqual([
      urlSourceId('https://example.org/cz-attribution'),
      urlSourceId('https://example.org/vendor-report'),
    ]);
    const links = linksFrom('response:eurepoc:999901:attribution:1').map((l) => `${l.type} ${l.to} ${l.key}`);
    expect(links.sort()).toEqual([
      'CONCERNS campaign:eurepoc:999901 eurepoc',
      'ISSUED_BY org:eurepoc:ministryofforeignaffairsczechrepublic eurepoc',
      'ON_BEHALF_OF state:cz eurepoc',
      'REFERS_TO eurepoc:actor:apt31 NAMES_RESPONSIBLE',
      'REFERS_TO state:cn NAMES_RESPONSIBLE',
    ]);
    expect(object('response:eurepoc:999901:attribution:2').dates).toEqual({
      occurred: { start: '2021-08-02', precision: 'DAY' },
    });
    // The count said 3; two are listed: two responses.
    expect(document.objects.filter((o) => o.externalId.startsWith('response:eurepoc:999901:attribution'))).toHaveLength(2);
    // A self-attribution: the issuer is the initiator itself; "Unknown" country names no one.
    expect(
      linksFrom('response:eurepoc:999902:attribution:1')
        .map((l) => `${l.type} ${l.to}`)
        .sort(),
    ).toEqual(['CONCERNS campaign:eurepoc:999902', 'ISSUED_BY eurepoc:actor:anonymous', 'REFERS_TO eurepoc:actor:anonymous']);
    // "; " inside parentheses is one initiator; NaT is no date; nan is no issuer.
    const second = object('response:eurepoc:999903:attribution:2');
    expect(second.dates).toEqual({});
    expect(
      linksFrom(second.externalId)
        .map((l) => `${l.type} ${l.to}`)
        .sort(),
    ).toEqual(['CONCERNS campaign:eurepoc:999903', 'REFERS_TO eurepoc:actor:sandworm', 'REFERS_TO state:ru']);
    expect(object('response:eurepoc:999903:attribution:1').props.attributedInitiator).toBe(
      'Central Scientific Research Institute of Chemistry and Mechanics (CNIIHM; a.k.a. ЦНИИХМ)',
    );
  });

  it('maps political and legal responses through the table', () => {
    expect(object('response:eurepoc:999901:political:1')).toMatchObject({
      props: { types: ['STATEMENT'], responseDomain: 'POLITICAL', eurepocActorClass: 'State Actors' },
      dates: { occurred: { start: '2021-07-20', precision: 'DAY' } },
    });
    expect(object('response:eurepoc:999901:legal:1')).toMatchObject({
      props: { types: ['RETORSION', 'SANCTION'], responseDomain: 'LEGAL', eurepocSubcode: 'Economic sanctions' },
      dates: { occurred: { start: '2021-08-01', precision: 'DAY' } },
    });
    expect(
      linksFrom('response:eurepoc:999901:legal:1')
        .map((l) => `${l.type} ${l.to}`)
        .sort(),
    ).toEqual(['CONCERNS campaign:eurepoc:999901', 'ISSUED_BY org:eurepoc:usdepartmentofthetreasury', 'ON_BEHALF_OF state:us']);
    expect(object('response:eurepoc:999903:political:1').props).toMatchObject({
      types: [],
      eurepocSubcode: 'Strongly worded tweet',
      eurepocUnmapped: ['Strongly worded tweet'],
    });
  });

  it('counts every anomaly with the incidents it occurred in', () => {
    expect(document.anomalies).toEqual({
      [ANOMALIES.repeatedRow]: ['999902'],
      [ANOMALIES.conflictingRow]: ['999903'],
      [ANOMALIES.attributionCount]: ['999901', '999904'],
      [ANOMALIES.legalCount]: ['999903'],
      [ANOMALIES.emptyPosition]: ['999904'],
      [ANOMALIES.receiverLengths]: ['999904'],
      [ANOMALIES.initiatorLengths]: ['999904'],
      [ANOMALIES.receiverUnknown]: ['999904'],
      [ANOMALIES.badDate]: ['999904'],
      [ANOMALIES.unknownCountry]: ['999904'],
      [ANOMALIES.unknownPolitical]: ['999903'],
    });
    // The repeated id kept its first row.
    expect(object('campaign:eurepoc:999903').name).toBe('Fictional wiper attack on Testland ministries');
    expect(object('campaign:eurepoc:999904').props.startedText).toBe('2019-13-45');
  });
});

describe('refusing a EuRepoC file', () => {
  it('names a missing column, a malformed list literal and a bad id, and reads nothing', () => {
    const text = fixtureText();
    const [header, ...rows] = text.split('\n');
    const noUrls = [header!.replace(',sources_url', ''), ...rows.map((row) => row.replace(/,("[^"]*"|[^,"]*)$/, ''))];
    expect(() => readEurepoc(noUrls.join('\n'), 'x.csv')).toThrow(/lacks the EuRepoC column\(s\) sources_url/);
    const badLiteral = text.replace("]],['Russia'],", "]],['Russia',");
    try {
      readEurepoc(badLiteral, 'bad.csv');
      expect.fail('should refuse');
    } catch (error) {
      expect(error).toBeInstanceOf(ChangesetError);
      expect((error as ChangesetError).problems[0]).toMatchObject({
        at: 'row 2 (incident 999902) receiver_country',
        message: expect.stringMatching(/is not a list literal/),
      });
    }
    expect(() => readEurepoc(text.replace('\n999905,', '\nX999905,'), 'id.csv')).toThrow(/row 7: ID must be a whole number/);
  });
});

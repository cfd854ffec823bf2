import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { useSeededApi } from '../support/api.js';

// The 14 claims of the source article (docs/model.md, "The article's claims in the graph"), each
// read back from the real database through the API, with the source and quote that support it.
const api = useSeededApi();

// Answers are checked field by field below; a loose shape keeps each query readable next to its checks.
type Json = Record<string, any>;

async function query(text: string): Promise<Json> {
  const { data, errors } = await api().graphql<Json>(text);
  expect(errors).toBeUndefined();
  return data!;
}

const CITES = 'citations { quote source { id publisher published { text } } }';
const UPI = 'source:upi-2025-05-28-czech-china-cyber';

function quotes(citations: Json[]): string[] {
  return citations.map((citation) => citation.quote);
}

function response(id: string): Promise<Json> {
  return query(`{ response(id: "${id}") {
    types date { text precision } dateKnown: date { basis inferredFrom citation { quote } }
    issuer { id } onBehalfOf { id } confidence { score text } basis
    concerns { id } acknowledges { id } ${CITES}
    stances { stance basis reportedBy { id } target { id } ${CITES} } } }`).then((data) => data.response);
}

function stance(r: Json, kind: string, target: string): Json | undefined {
  return r.stances.find((s: Json) => s.stance === kind && s.target.id === target);
}

/** In the party's own words as the article quotes them, or the article's account (reported by UPI). */
function basisOf(s: Json | undefined): string {
  return s?.basis === 'REPORTED' ? `REPORTED by ${s.reportedBy?.id}` : String(s?.basis);
}

describe('the article, claim by claim', () => {
  it('1. a malicious cyber campaign targeted an unclassified network of the Czech MFA (Czech government)', async () => {
    const { campaign } = await query(`{ campaign(id: "campaign:apt31-cz-mfa-2022") {
      targets { asset node { id } claimedBy { id } ${CITES} } } }`);
    expect(campaign.targets).toHaveLength(1);
    expect(campaign.targets[0]).toMatchObject({
      asset: 'unclassified network',
      node: { id: 'org:cz-mfa' },
      claimedBy: { id: 'state:cz' },
    });
    expect(quotes(campaign.targets[0].citations)[0]).toContain('targeted an unclassified network of the foreign ministry');
    expect(campaign.targets[0].citations[0].source.id).toBe(UPI);
  });

  it('2. the campaign began in 2022, to the year only', async () => {
    const { campaign } = await query(`{ campaign(id: "campaign:apt31-cz-mfa-2022") {
      started { text precision start end } disclosed { text precision } ${CITES} } }`);
    expect(campaign.started).toEqual({ text: '2022', precision: 'YEAR', start: '2022-01-01', end: '2022-12-31' });
    expect(campaign.disclosed).toEqual({ text: '2025-05-28', precision: 'DAY' });
    const { campaign: known } = await query(`{ campaign(id: "campaign:apt31-cz-mfa-2022") {
      started { basis citation { quote } } disclosed { basis inferredFrom } } }`);
    expect(known.started).toEqual({ basis: 'STATED', citation: { quote: 'the Czech government said it began in 2022' } });
    expect(known.disclosed.basis).toBe('INFERRED');
    expect(known.disclosed.inferredFrom).toContain('“on Wednesday”');
    expect(quotes(campaign.citations).join(' ')).toContain('it began in 2022');
  });

  it('3. the targeted institution is designated Czech critical infrastructure', async () => {
    const { organization } = await query(`{ organization(id: "org:cz-mfa") {
      orgType designatedCriticalInfrastructureBy { node { id } claimedBy { id } ${CITES} } } }`);
    expect(organization.orgType).toBe('GOVERNMENT_BODY');
    const [designation] = organization.designatedCriticalInfrastructureBy;
    expect(designation).toMatchObject({ node: { id: 'state:cz' }, claimedBy: { id: 'state:cz' } });
    expect(quotes(designation.citations)).toEqual(['affected an institution designated as Czech critical infrastructure']);
  });

  it('4. it was perpetrated by APT31, "well-known China-backed hackers"', async () => {
    const { campaign } = await query(`{ campaign(id: "campaign:apt31-cz-mfa-2022") {
      conductedBy { node { id } claimedBy { id } ${CITES} } } }`);
    expect(campaign.conductedBy[0]).toMatchObject({ node: { id: 'actor:apt31' }, claimedBy: { id: 'state:cz' } });
    expect(quotes(campaign.conductedBy[0].citations)).toContain('it was perpetrated by well-known China-backed hackers APT31');
  });

  it('5. the PRC is named responsible by the Czech government on 28 May 2025', async () => {
    const attribution = await response('response:cz-attribution-2025-05-28');
    expect(attribution.types).toEqual(['ATTRIBUTION']);
    expect(attribution.issuer.id).toBe('state:cz');
    expect(attribution.date).toEqual({ text: '2025-05-28', precision: 'DAY' });
    // "On Wednesday" in an article of 28 May 2025: a day read from the article's date, and said so.
    expect(attribution.dateKnown.basis).toBe('INFERRED');
    expect(attribution.concerns).toEqual([{ id: 'campaign:apt31-cz-mfa-2022' }]);
    const named = stance(attribution, 'NAMES_RESPONSIBLE', 'state:cn')!;
    expect(quotes(named.citations)).toEqual([
      'The Government of the Czech Republic has identified the People’s Republic of China as being responsible',
    ]);
    expect(basisOf(named)).toBe('OWN_WORDS');
  });

  it('6. certainty: an extensive investigation, a high degree of certainty (score 85)', async () => {
    const attribution = await response('response:cz-attribution-2025-05-28');
    expect(attribution.confidence).toEqual({ score: 85, text: 'high degree of certainty' });
    expect(attribution.basis).toBe('an extensive investigation');
    expect(quotes(attribution.citations).join(' ')).toContain('led to a high degree of certainty about the responsible actor');
  });

  it("7. the Czech MFA strongly condemns the campaign; it undermines the PRC's credibility", async () => {
    const condemnation = await response('response:cz-mfa-condemnation-2025-05-28');
    expect(condemnation.types).toEqual(['CONDEMNATION']);
    expect(condemnation.issuer.id).toBe('org:cz-mfa');
    expect(quotes(condemnation.citations)[0]).toContain('strongly condemns this malicious cyber campaign');
    const condemns = stance(condemnation, 'CONDEMNS', 'state:cn')!;
    expect(quotes(condemns.citations)[0]).toContain('undermines the credibility of the People’s Republic of China');
    expect(basisOf(condemns)).toBe('OWN_WORDS');
  });

  it('8. APT31 is China state-sponsored, acting on behalf of the Chinese government', async () => {
    const { threatActor } = await query(`{ threatActor(id: "actor:apt31") {
      description sponsors { node { id } ${CITES} } } }`);
    expect(threatActor.description).toContain('China state-sponsored intelligence officers, contract hackers and support staff');
    expect(threatActor.sponsors[0].node.id).toBe('state:cn');
    expect(quotes(threatActor.sponsors[0].citations)[0]).toContain('on behalf of the Chinese government');
  });

  it('9. seven Chinese nationals were charged in the US "in late March" for involvement in APT31; 14 years of targeting', async () => {
    const indictment = await response('response:us-indictment-apt31-2024');
    expect(indictment.types).toEqual(['INDICTMENT']);
    expect(indictment.issuer.id).toBe('org:us-doj');
    // No second source is cited in full for the day (25 March 2024), so the article's month it is.
    expect(indictment.date).toEqual({ text: '2024-03', precision: 'MONTH' });
    expect(indictment.dateKnown.basis).toBe('INFERRED');
    expect(indictment.dateKnown.citation.quote).toContain('in late March');
    expect(indictment.dateKnown.inferredFrom).toContain('“in late March”');
    expect(indictment.citations.map((c: Json) => c.source.id)).toEqual([UPI]);
    const charges = stance(indictment, 'CHARGES', 'group:apt31-seven-charged-nationals');
    expect(basisOf(charges)).toBe(`REPORTED by ${UPI}`);
    const { node } = await query(`{ node(id: "group:apt31-seven-charged-nationals") {
      ... on PersonGroup { size nationality memberOf { node { id } ${CITES} } } } }`);
    expect(node).toMatchObject({ size: 7, nationality: 'CN', memberOf: [{ node: { id: 'actor:apt31' } }] });
    const { campaign } = await query(`{ campaign(id: "campaign:apt31-critics-businesses-officials") {
      conductedBy { node { id } claimedBy { id } ${CITES} } } }`);
    expect(campaign.conductedBy[0]).toMatchObject({ node: { id: 'actor:apt31' }, claimedBy: { id: 'org:us-doj' } });
    expect(quotes(campaign.conductedBy[0].citations)[0]).toContain('over the last 14 years');
  });

  it('10. the Czech Republic is a member of NATO and of the EU', async () => {
    const { state } = await query(`{ state(id: "state:cz") { memberOf { node { id } ${CITES} } } }`);
    expect(state.memberOf.map((m: Json) => m.node.id).sort()).toEqual(['org:eu', 'org:nato']);
    for (const membership of state.memberOf) expect(membership.citations[0].source.id).toBe(UPI);
  });

  it('11. NATO stands in solidarity, voices concern about the PRC, does not blame China, acknowledges the accusation', async () => {
    const nato = await response('response:nato-solidarity-2025-05-28');
    expect(nato.types.sort()).toEqual(['CONCERN', 'SOLIDARITY']);
    expect(nato.issuer.id).toBe('org:nato');
    expect(basisOf(stance(nato, 'EXPRESSES_SOLIDARITY_WITH', 'state:cz'))).toBe('OWN_WORDS');
    const concern = stance(nato, 'EXPRESSES_CONCERN_ABOUT', 'state:cn')!;
    expect(quotes(concern.citations)[0]).toContain('the growing pattern of malicious cyber activities stemming from the People');
    expect(basisOf(concern)).toBe('OWN_WORDS');
    const notBlamed = stance(nato, 'DOES_NOT_NAME', 'state:cn')!;
    expect(quotes(notBlamed.citations)[0]).toContain('NATO did not blame China');
    expect(basisOf(notBlamed)).toBe(`REPORTED by ${UPI}`);
    expect(stance(nato, 'NAMES_RESPONSIBLE', 'state:cn')).toBeUndefined();
    expect(nato.acknowledges).toEqual([{ id: 'response:cz-attribution-2025-05-28' }]);
    // The article's characterisation, beside NATO's own words: "quick to condemn China".
    const condemned = stance(nato, 'CONDEMNS', 'state:cn')!;
    expect(basisOf(condemned)).toBe(`REPORTED by ${UPI}`);
    expect(quotes(condemned.citations)[0]).toContain('were quick to condemn China following Prague’s revelation');
    // Dated by inference from "following Prague's revelation", and said so.
    expect(nato.dateKnown.basis).toBe('INFERRED');
    expect(nato.dateKnown.citation.quote).toBe('were quick to condemn China following Prague’s revelation');
  });

  it('12. the EU does not name China for this campaign but refers to cyberattacks linked to Beijing', async () => {
    const eu = await response('response:eu-statement-2025-05-28');
    expect(quotes(stance(eu, 'ALLUDES_TO', 'state:cn')!.citations)[0]).toContain('linked to Beijing');
    expect(basisOf(stance(eu, 'ALLUDES_TO', 'state:cn'))).toBe(`REPORTED by ${UPI}`);
    expect(quotes(stance(eu, 'DOES_NOT_NAME', 'state:cn')!.citations)[0]).toContain('did not directly point the finger at China');
    expect(stance(eu, 'NAMES_RESPONSIBLE', 'state:cn')).toBeUndefined();
    expect(basisOf(stance(eu, 'CONDEMNS', 'state:cn'))).toBe(`REPORTED by ${UPI}`);
    expect(eu.dateKnown.basis).toBe('INFERRED');
  });

  it('13. Kaja Kallas is the EU High Representative and made the EU statement', async () => {
    const { person } = await query(
      `{ person(name: "Kaja Kallas") { roles { title node { id } ${CITES} } responsesIssued { id } } }`,
    );
    expect(person.roles[0]).toMatchObject({ title: 'High Representative', node: { id: 'org:eu' } });
    expect(person.responsesIssued).toEqual([{ id: 'response:eu-statement-2025-05-28' }]);
    const eu = await response('response:eu-statement-2025-05-28');
    expect(eu.issuer.id).toBe('person:kaja-kallas');
    expect(eu.onBehalfOf.id).toBe('org:eu');
  });

  it('14. in 2021 the EU urged Chinese authorities to act; member states attributed since; concerns raised bilaterally', async () => {
    const call = await response('response:eu-call-on-china-2021');
    expect(call.types).toEqual(['CALL_TO_ACTION']);
    expect(call.date).toEqual({ text: '2021', precision: 'YEAR' });
    expect(call.dateKnown).toMatchObject({ basis: 'STATED', citation: { quote: 'In 2021, we urged Chinese authorities' } });
    expect(call.issuer.id).toBe('org:eu');
    expect(quotes(stance(call, 'CALLS_ON', 'state:cn')!.citations)[0]).toContain('we urged Chinese authorities to take action');
    const eu = await response('response:eu-statement-2025-05-28');
    const said = quotes(eu.citations).join(' ');
    expect(said).toContain('several Member States have attributed similar activities at their national level');
    expect(said).toContain('We have repeatedly raised our concerns during bilateral engagements');
  });

  it('every stored quote is verbatim: a substring of its source text, typographic marks included', async () => {
    const files = await api().db.read<{ id: string; textFile: string }>('admin/source-text-files');
    const texts = new Map(files.map((row) => [row.id, fs.readFileSync(path.resolve(PROJECT_ROOT, row.textFile), 'utf8')]));
    expect([...texts.keys()]).toEqual([UPI]);
    const stored = await api().db.read<{ source: string; quote: string; at: string }>('admin/stored-quotes');
    expect(stored.length).toBeGreaterThan(60);
    // Every quote in the seed is from a source whose text is at hand, so none escapes the check.
    expect(stored.filter((row) => !texts.has(row.source))).toEqual([]);
    expect(stored.filter((row) => !texts.get(row.source)!.includes(row.quote))).toEqual([]);
  });

  it('every entity and relationship the seed wrote cites at least one source', async () => {
    const [row] = await api().db.read<{ uncitedNodes: number; uncitedRelationships: number }>('admin/uncited-claims');
    expect(row).toEqual({ uncitedNodes: 0, uncitedRelationships: 0 });
  });
});

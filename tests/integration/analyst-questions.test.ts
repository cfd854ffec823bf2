import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type {
  AlliancesOfTheVictimStateQuery,
  CzechMfaResponseSummaryQuery,
  CzechStatePositionTowardChinaQuery,
  DidNatoNameChinaQuery,
  HowTheResponseDatesAreKnownQuery,
  LegalActionAgainstApt31MembersQuery,
  WhoAttributedTheCzechMfaCampaignQuery,
  WhoCondemnedChinaOwnWordsOrReportedQuery,
  WhoExpressedSolidarityWithTheCzechRepublicQuery,
  WhoSponsorsApt31Query,
} from '../../src/generated/operations.js';
import { useSeededApi } from '../support/api.js';

// The analyst questions of the knowledge model, asked exactly as docs/queries/ has them, each
// answered by one request with the article's answer, its source and its quote.
const UPI = 'United Press International (UPI)';
const ARTICLE = fs.readFileSync(path.resolve(PROJECT_ROOT, '../shared/seed/000_e921cb1fe2f40812.txt'), 'utf8');

const api = useSeededApi();

async function ask<T>(file: string): Promise<T> {
  const query = fs.readFileSync(path.join(PROJECT_ROOT, 'docs/queries', file), 'utf8');
  const { data, errors } = await api().graphql<T>(query);
  expect(errors).toBeUndefined();
  return data!;
}

describe('analyst questions (docs/queries)', () => {
  it('who attributed the campaign against the Czech foreign ministry, to whom, when and with what certainty', async () => {
    const data = await ask<WhoAttributedTheCzechMfaCampaignQuery>('who-attributed-the-czech-mfa-campaign.graphql');
    expect(data.responses.totalCount).toBe(1);
    const attribution = data.responses.edges[0]!.node;
    expect(attribution.issuer).toMatchObject({ id: 'state:cz', name: 'Czech Republic', kind: 'State' });
    expect(attribution.date).toEqual({ text: '2025-05-28', precision: 'DAY' });
    expect(attribution.confidence).toEqual({ score: 85, text: 'high degree of certainty' });
    expect(attribution.basis).toBe('an extensive investigation');
    const named = attribution.stances.filter((s) => s.stance === 'NAMES_RESPONSIBLE').map((s) => s.target.id);
    expect(named.sort()).toEqual(['actor:apt31', 'state:cn']);
    const prc = attribution.stances.find((s) => s.target.id === 'state:cn')!;
    expect(prc.citations[0]).toMatchObject({
      quote: 'The Government of the Czech Republic has identified the People’s Republic of China as being responsible',
      source: { publisher: UPI, published: { text: '2025-05-28' } },
    });
    // The group-level claim is kept too: campaign CONDUCTED_BY APT31, claimed by the Czech government.
    const conducted = data.campaign!.conductedBy[0]!;
    expect(conducted.node.name).toBe('APT31');
    expect(conducted.claimedBy?.name).toBe('Czech Republic');
    expect(conducted.confidence?.text).toBe('high degree of certainty');
    expect(data.campaign!.started).toEqual({ text: '2022', precision: 'YEAR' });
  });

  it('who expressed solidarity with the Czech Republic', async () => {
    const data = await ask<WhoExpressedSolidarityWithTheCzechRepublicQuery>(
      'who-expressed-solidarity-with-the-czech-republic.graphql',
    );
    expect(data.responses.edges.map((e) => e.node.issuer?.name)).toEqual(['NATO']);
    const solidarity = data.responses.edges[0]!.node.stances.find((s) => s.stance === 'EXPRESSES_SOLIDARITY_WITH')!;
    expect(solidarity.target.id).toBe('state:cz');
    expect(solidarity.citations[0]!.quote).toBe(
      'We stand in solidarity with the Czech Republic following the malicious cyber campaign against its Ministry of Foreign Affairs',
    );
    expect(solidarity.citations[0]!.source.publisher).toBe(UPI);
  });

  it('did NATO name China: no; it voiced concern and, the source says, did not blame China', async () => {
    const data = await ask<DidNatoNameChinaQuery>('did-nato-name-china.graphql');
    expect(data.namedChina.totalCount).toBe(0);
    const nato = data.natoResponses.edges[0]!.node;
    const towardChina = nato.stances.filter((s) => s.target.id === 'state:cn');
    expect(towardChina.map((s) => s.stance).sort()).toEqual(['CONDEMNS', 'DOES_NOT_NAME', 'EXPRESSES_CONCERN_ABOUT']);
    const concern = towardChina.find((s) => s.stance === 'EXPRESSES_CONCERN_ABOUT')!;
    expect(concern.citations[0]!.quote).toContain('stemming from the People');
    expect(concern.basis).toBe('OWN_WORDS');
    const declined = towardChina.find((s) => s.stance === 'DOES_NOT_NAME')!;
    expect(declined.citations[0]!.quote).toContain('NATO did not blame China');
    // Both are UPI's account of NATO, not NATO's words: said so, with the reporter.
    expect(declined).toMatchObject({ basis: 'REPORTED', reportedBy: { publisher: UPI } });
    const condemned = towardChina.find((s) => s.stance === 'CONDEMNS')!;
    expect(condemned).toMatchObject({ basis: 'REPORTED', reportedBy: { publisher: UPI } });
    expect(nato.acknowledges.map((r) => r.issuer?.name)).toEqual(['Czech Republic']);
  });

  it('what legal action followed against APT31 members', async () => {
    const data = await ask<LegalActionAgainstApt31MembersQuery>('legal-action-against-apt31-members.graphql');
    const group = data.threatActor!.members[0]!.node;
    expect(group).toMatchObject({ id: 'group:apt31-seven-charged-nationals', size: 7, nationality: 'CN' });
    const [indictment] = data.responses.edges.map((e) => e.node);
    expect(data.responses.edges).toHaveLength(1);
    // "In late March": kept to the month the article gives, saying how it was read.
    expect(indictment).toMatchObject({ types: ['INDICTMENT'], date: { text: '2024-03', precision: 'MONTH', basis: 'INFERRED' } });
    expect(indictment!.date!.inferredFrom).toContain('“in late March”');
    expect(indictment!.issuer?.name).toBe('U.S. Department of Justice');
    const charges = indictment!.stances.find((s) => s.stance === 'CHARGES')!;
    expect(charges.target.id).toBe('group:apt31-seven-charged-nationals');
    expect(charges.citations[0]!.quote).toContain('Seven Chinese nationals were charged in the United States in late March');
    expect(indictment!.citations.map((c) => c.source.publisher)).toEqual([UPI]);
  });

  it('which alliances the victim state is a member of', async () => {
    const data = await ask<AlliancesOfTheVictimStateQuery>('alliances-of-the-victim-state.graphql');
    const target = data.campaign!.targets[0]!;
    expect(target.asset).toBe('unclassified network');
    expect(target.node.name).toBe('Ministry of Foreign Affairs of the Czech Republic');
    // The inline fragments make the generated types unions; the path through them is fixed here.
    type Membership = { node: { name: string }; citations: Array<{ quote: string | null }> };
    const ministry = target.node as unknown as { partOf: Array<{ node: { name: string; memberOf: Membership[] } }> };
    const state = ministry.partOf[0]!.node;
    expect(state.name).toBe('Czech Republic');
    const memberships = state.memberOf;
    expect(memberships.map((m) => m.node.name).sort()).toEqual(['European Union', 'NATO']);
    expect(memberships[0]!.citations[0]!.quote).toBe('NATO and the European Union — both of which Czech is a member of');
  });

  it('which state sponsors APT31 (found as "apt 31")', async () => {
    const data = await ask<WhoSponsorsApt31Query>('who-sponsors-apt31.graphql');
    expect(data.threatActor!.id).toBe('actor:apt31');
    const sponsor = data.threatActor!.sponsors[0]!;
    expect(sponsor.node).toEqual({ id: 'state:cn', name: "People's Republic of China", isoCode: 'CN' });
    expect(sponsor.citations.map((c) => c.quote)).toContain('well-known China-backed hackers APT31');
    expect(sponsor.citations[0]!.source.publisher).toBe(UPI);
  });

  it('who condemned China: in their own words (the ministry), or as UPI reports it (NATO, the EU)', async () => {
    const data = await ask<WhoCondemnedChinaOwnWordsOrReportedQuery>('who-condemned-china-own-words-or-reported.graphql');
    const own = data.ownWords.attributions.map((row) => `${row.attributor?.id} ${row.stance}`);
    expect(own).toEqual(['state:cz NAMES_RESPONSIBLE', 'org:cz-mfa CONDEMNS']);
    const reported = data.reported.attributions;
    expect(reported.map((row) => `${row.attributor?.id} ${row.stance}`)).toEqual(['org:eu CONDEMNS', 'org:nato CONDEMNS']);
    for (const row of reported) {
      expect(row.basis).toBe('REPORTED');
      expect(row.reportedBy).toMatchObject({ id: 'source:upi-2025-05-28-czech-china-cyber', publisher: UPI });
      expect(row.citations[0]!.quote).toContain('were quick to condemn China following Prague’s revelation');
    }
  });

  it('the response summary tells "named China in its own words" from "reported by UPI as condemning China"', async () => {
    const data = await ask<CzechMfaResponseSummaryQuery>('czech-mfa-response-summary.graphql');
    const summary = data.responseSummary;
    const declined = summary.declinedToName.map((party) => party.party.name);
    expect(declined).toEqual(['European Union', 'NATO']);
    expect(summary.reportedAsAccusing.map((party) => party.party.name)).toEqual(['European Union', 'NATO']);
    for (const party of summary.declinedToName) {
      expect(party.reported.filter((s) => s.stance === 'CONDEMNS').map((s) => s.reportedBy?.publisher)).toEqual([UPI]);
    }
    // The ministry is not silent: it condemned the PRC by name.
    const ministry = summary.namedBy.find((party) => party.party.name === 'Ministry of Foreign Affairs of the Czech Republic')!;
    expect(ministry).toMatchObject({ position: 'NAMED_IN_CONDEMNATION', state: { name: 'Czech Republic' } });
    expect(summary.declinedToName.map((party) => party.position)).not.toContain('RESPONDED_WITHOUT_NAMING');
  });

  it('did the Czech state name China, through any of its bodies: yes, the government and its ministry', async () => {
    const data = await ask<CzechStatePositionTowardChinaQuery>('czech-state-position-toward-china.graphql');
    const [czech] = data.responseSummary.byState;
    expect(data.responseSummary.byState).toHaveLength(1);
    expect(czech).toMatchObject({
      state: { id: 'state:cz' },
      accused: { name: "People's Republic of China" },
      position: 'NAMED',
    });
    expect(czech!.parties.map((party) => `${party.party.id} ${party.position}`)).toEqual([
      'state:cz NAMED',
      'org:cz-mfa NAMED_IN_CONDEMNATION',
    ]);
    expect(czech!.parties[1]!.citations[0]!.quote).toContain('undermines the credibility of the People’s Republic of China');
  });

  it('how each response date is known: NATO and the EU inferred from "following Prague’s revelation"; the indictment at the month', async () => {
    const data = await ask<HowTheResponseDatesAreKnownQuery>('how-the-response-dates-are-known.graphql');
    const dates = Object.fromEntries(data.responses.edges.map((edge) => [edge.node.id, edge.node.date]));
    for (const id of ['response:nato-solidarity-2025-05-28', 'response:eu-statement-2025-05-28']) {
      expect(dates[id]).toMatchObject({ text: '2025-05-28', precision: 'DAY', basis: 'INFERRED' });
      expect(dates[id]!.inferredFrom).toContain('following Prague’s revelation');
      expect(dates[id]!.citation?.quote).toBe('were quick to condemn China following Prague’s revelation');
    }
    expect(dates['response:eu-call-on-china-2021']).toMatchObject({ text: '2021', basis: 'STATED' });
    // Either cited in full from another source, or left at the article's precision: here the latter.
    const indictment = dates['response:us-indictment-apt31-2024']!;
    expect(indictment).toMatchObject({ text: '2024-03', precision: 'MONTH', start: '2024-03-01', end: '2024-03-31' });
    expect(indictment.basis).not.toBe('OTHER_SOURCE');
    expect(indictment.citation?.quote).toContain('in late March');
    // Every date's words are in the article's stored text, which the source says where to find.
    for (const date of Object.values(dates)) {
      expect(date!.basis).not.toBeNull();
      expect(date!.citation!.source.textFile).toBe('../shared/seed/000_e921cb1fe2f40812.txt');
      expect(ARTICLE).toContain(date!.citation!.quote);
    }
  });

  it('every quote the answers above cite can be found, as it stands, in the article', async () => {
    const quotes: string[] = [];
    for (const file of fs.readdirSync(path.join(PROJECT_ROOT, 'docs/queries'))) {
      const query = fs.readFileSync(path.join(PROJECT_ROOT, 'docs/queries', file), 'utf8');
      const { data } = await api().graphql<Record<string, unknown>>(query);
      JSON.stringify(data, (key, value: unknown) => {
        if (key === 'quote' && typeof value === 'string') quotes.push(value);
        return value;
      });
    }
    expect(quotes.length).toBeGreaterThan(50);
    expect(quotes.filter((quote) => !ARTICLE.includes(quote))).toEqual([]);
  });
});

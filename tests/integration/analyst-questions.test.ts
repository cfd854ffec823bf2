import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type {
  AlliancesOfTheVictimStateQuery,
  DidNatoNameChinaQuery,
  LegalActionAgainstApt31MembersQuery,
  WhoAttributedTheCzechMfaCampaignQuery,
  WhoExpressedSolidarityWithTheCzechRepublicQuery,
  WhoSponsorsApt31Query,
} from '../../src/generated/operations.js';
import { useSeededApi } from '../support/api.js';

// The six analyst questions of the knowledge model, asked exactly as docs/queries/ has them, each
// answered by one request with the article's answer, its source and its quote.
const UPI = 'United Press International (UPI)';

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
      quote: "The Government of the Czech Republic has identified the People's Republic of China as being responsible",
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
    expect(towardChina.map((s) => s.stance).sort()).toEqual(['DOES_NOT_NAME', 'EXPRESSES_CONCERN_ABOUT']);
    const concern = towardChina.find((s) => s.stance === 'EXPRESSES_CONCERN_ABOUT')!;
    expect(concern.citations[0]!.quote).toContain('stemming from the People');
    const declined = towardChina.find((s) => s.stance === 'DOES_NOT_NAME')!;
    expect(declined.citations[0]!.quote).toContain('NATO did not blame China');
    expect(nato.acknowledges.map((r) => r.issuer?.name)).toEqual(['Czech Republic']);
  });

  it('what legal action followed against APT31 members', async () => {
    const data = await ask<LegalActionAgainstApt31MembersQuery>('legal-action-against-apt31-members.graphql');
    const group = data.threatActor!.members[0]!.node;
    expect(group).toMatchObject({ id: 'group:apt31-seven-charged-nationals', size: 7, nationality: 'CN' });
    const [indictment] = data.responses.edges.map((e) => e.node);
    expect(data.responses.edges).toHaveLength(1);
    expect(indictment).toMatchObject({ types: ['INDICTMENT'], date: { text: '2024-03-25', precision: 'DAY' } });
    expect(indictment!.issuer?.name).toBe('U.S. Department of Justice');
    const charges = indictment!.stances.find((s) => s.stance === 'CHARGES')!;
    expect(charges.target.id).toBe('group:apt31-seven-charged-nationals');
    expect(charges.citations[0]!.quote).toContain('Seven Chinese nationals were charged in the United States in late March');
    // The day comes from a second source that states it; the article alone says "late March".
    expect(indictment!.citations.map((c) => c.source.published?.text)).toContain('2024-03-25');
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
});

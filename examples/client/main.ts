import { request } from './client.js';
import { graphql } from './gql/index.js';

/**
 * `npx tsx examples/client/main.ts [API url]`: who sponsors APT31, and who attributed its campaign
 * against the Czech Ministry of Foreign Affairs. Run `npm run codegen` after editing an operation.
 */

const ThreatActorSponsors = graphql(`
  query ThreatActorSponsors($name: String!) {
    threatActor(name: $name) {
      id
      name
      sponsors {
        confidence {
          score
          text
        }
        node {
          name
          isoCode
        }
      }
    }
  }
`);

const CampaignAttributions = graphql(`
  query CampaignAttributions($campaign: ID!) {
    attributions(campaign: $campaign) {
      attributions {
        recordedAs
        attributor {
          name
        }
        accused {
          name
        }
        date {
          text
        }
      }
    }
  }
`);

const url = process.argv[2] ?? 'http://localhost:4000/graphql';

const { threatActor } = await request({ url }, ThreatActorSponsors, { name: 'APT31' });
// threatActor is ThreatActorSponsorsQuery['threatActor']: null when no actor has that name.
for (const sponsor of threatActor?.sponsors ?? []) {
  console.log(
    `${threatActor?.name} is sponsored by ${sponsor.node.name} (${sponsor.confidence?.text ?? 'no confidence stated'})`,
  );
}

const { attributions } = await request({ url }, CampaignAttributions, { campaign: 'campaign:apt31-cz-mfa-2022' });
for (const attribution of attributions.attributions) {
  console.log(
    `${attribution.date?.text ?? 'undated'}: ${attribution.attributor?.name ?? 'unknown'} → ${attribution.accused.name}`,
  );
}

/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ThreatActorSponsors($name: String!) {\n    threatActor(name: $name) {\n      id\n      name\n      sponsors {\n        confidence {\n          score\n          text\n        }\n        node {\n          name\n          isoCode\n        }\n      }\n    }\n  }\n": typeof types.ThreatActorSponsorsDocument,
    "\n  query CampaignAttributions($campaign: ID!) {\n    attributions(campaign: $campaign) {\n      attributions {\n        recordedAs\n        attributor {\n          name\n        }\n        accused {\n          name\n        }\n        date {\n          text\n        }\n      }\n    }\n  }\n": typeof types.CampaignAttributionsDocument,
};
const documents: Documents = {
    "\n  query ThreatActorSponsors($name: String!) {\n    threatActor(name: $name) {\n      id\n      name\n      sponsors {\n        confidence {\n          score\n          text\n        }\n        node {\n          name\n          isoCode\n        }\n      }\n    }\n  }\n": types.ThreatActorSponsorsDocument,
    "\n  query CampaignAttributions($campaign: ID!) {\n    attributions(campaign: $campaign) {\n      attributions {\n        recordedAs\n        attributor {\n          name\n        }\n        accused {\n          name\n        }\n        date {\n          text\n        }\n      }\n    }\n  }\n": types.CampaignAttributionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreatActorSponsors($name: String!) {\n    threatActor(name: $name) {\n      id\n      name\n      sponsors {\n        confidence {\n          score\n          text\n        }\n        node {\n          name\n          isoCode\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ThreatActorSponsorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignAttributions($campaign: ID!) {\n    attributions(campaign: $campaign) {\n      attributions {\n        recordedAs\n        attributor {\n          name\n        }\n        accused {\n          name\n        }\n        date {\n          text\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').CampaignAttributionsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whether an attribution is a response that names the accused, or a bare claim on a relationship. */
export type AttributionRecord =
  /** A CONDUCTED_BY or ATTRIBUTED_TO relationship from the campaign, with no attribution response behind it. */
  | 'CLAIM'
  /** A response (an attribution statement) that names the accused as responsible. */
  | 'RESPONSE';

export type ThreatActorSponsorsQueryVariables = Exact<{
  name: string;
}>;


export type ThreatActorSponsorsQuery = { threatActor: { id: string, name: string, sponsors: Array<{ confidence: { score: number | null, text: string | null } | null, node: { name: string, isoCode: string | null } }> } | null };

export type CampaignAttributionsQueryVariables = Exact<{
  campaign: string | number;
}>;


export type CampaignAttributionsQuery = { attributions: { attributions: Array<{ recordedAs: AttributionRecord, attributor:
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
       | null, accused:
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
      , date: { text: string } | null }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ThreatActorSponsorsDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:b4fd9662e120939de1de33404579d5b934a13a48a127a331211c442ec69ee935"}) as unknown as TypedDocumentString<ThreatActorSponsorsQuery, ThreatActorSponsorsQueryVariables>;
export const CampaignAttributionsDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:5ae3cd3bc24dec6a48023ce089dcd8d138cf4a1cb87c25b01de11feae733ef3b"}) as unknown as TypedDocumentString<CampaignAttributionsQuery, CampaignAttributionsQueryVariables>;
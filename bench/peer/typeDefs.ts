/**
 * Type definitions for @neo4j/graphql, written for the graph's own labels and relationship types
 * (docs/model.md): what a front-end team would write to serve the same data with that library.
 * Every type carries the `Entity` label as well, so that lookups by id use the `entity_id`
 * constraint exactly as the API's statements do. Only what the compared workloads select is typed.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Entity
    @node(labels: ["Entity"])
    @fulltext(
      indexes: [{ indexName: "entity_search", queryName: "entitySearch", fields: ["name", "aliasText", "description"] }]
    ) {
    id: ID!
    kind: String!
    name: String!
    nameKey: String
    aliasText: String
    description: String
    knownSince: Date
  }

  type ThreatActor @node(labels: ["ThreatActor", "Entity"]) {
    id: ID!
    kind: String!
    name: String!
    nameKey: String
    description: String
    knownSince: Date
    sponsors: [State!]! @relationship(type: "SPONSORED_BY", direction: OUT)
    uses: [Entity!]! @relationship(type: "USES", direction: OUT)
    conducted: [Campaign!]! @relationship(type: "CONDUCTED_BY", direction: IN)
    attributed: [Campaign!]! @relationship(type: "ATTRIBUTED_TO", direction: IN)
  }

  type State @node(labels: ["State", "Entity"]) {
    id: ID!
    name: String!
  }

  type Campaign @node(labels: ["Campaign", "Entity"]) {
    id: ID!
    name: String!
    targets: [Entity!]! @relationship(type: "TARGETS", direction: OUT)
  }
`;

import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';
import { PEER_TYPE_DEFS } from './typeDefs.js';

/**
 * The peer the benchmark compares the API with: @neo4j/graphql 7 over the same Neo4j and data,
 * served the way its documentation serves it (Apollo Server over Express, one driver). Started by
 * bench/run.ts as a child process (bench/apiProcess.ts) with NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE and PORT; prints the same "GraphQL API ready at" line as the API. It needs APOC
 * core in the database (the benchmark's embedded Neo4j loads it: NEO4J_EMBEDDED_APOC).
 * No request log: the library has none by default.
 */

const uri = process.env.NEO4J_URI;
if (uri === undefined) throw new Error('the peer needs NEO4J_URI');
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''), {
  logging: { level: 'error', logger: () => undefined },
});
const database = process.env.NEO4J_DATABASE || undefined;
const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
const app = express();
const server = http.createServer(app);
const apollo = new ApolloServer({ schema });
await apollo.start();
app.use(
  '/graphql',
  express.json({ limit: '1mb' }),
  expressMiddleware(apollo, {
    context: async () => (database === undefined ? {} : { sessionConfig: { database } }),
  }),
);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stderr.write(`@neo4j/graphql peer: GraphQL API ready at http://127.0.0.1:${address.port}/graphql\n`);
});

const stop = (): void => {
  server.close();
  void apollo
    .stop()
    .then(() => driver.close())
    .finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

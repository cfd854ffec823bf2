import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { undescribed } from '../support/schemaDescriptions.js';

// Front-end developers and analysts read the schema in their tools (GraphiQL's Docs, editors,
// generated clients): every type, field, argument and enum value says what it means.

describe('the schema', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undescribed(buildSchema(loadTypeDefs()))).toEqual([]);
  });
});

describe('undescribed', () => {
  it('names each undescribed type, field, argument and enum value by its schema coordinate', () => {
    const schema = buildSchema(`
      "Described."
      type Query {
        a(x: Int): Int
        "Described."
        b("Described." y: E): Int
      }
      enum E {
        ONE
        "Described."
        TWO
      }
      input I {
        z: Int
      }
      "Described."
      type T {
        "Described."
        i(in: I): Int
      }
    `);
    expect(undescribed(schema)).toEqual(['Query.a', 'Query.a(x:)', 'E', 'E.ONE', 'I', 'I.z', 'T.i(in:)']);
  });
});

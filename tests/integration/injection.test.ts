import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { useSeededApi } from '../support/api.js';

// Hostile strings in every string argument (and every string field of every input object) of every
// query field, and in the ids of the mutations that take existing ids. User input never becomes
// Cypher text, so each answer must be an error or an empty result, and the graph must not change.
const HOSTILE = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n //',
  'actor:apt31\u0000',
  "$(label) :Entity {id: 'x'}",
  'CALL db.index.fulltext.drop("entity_search")',
  '\\u0027; RETURN 1 //',
  'ä̸̢͇̈́ 🧨 \u202e gnp.exe',
  '*:* OR name:*',
  'x'.repeat(20_000),
];

const api = useSeededApi({ maxTokens: 100_000, maxCost: 10_000_000 });
let editorKey = '';
beforeAll(async () => {
  editorKey = (await createApiKey(api().db, 'injection test', 'editor')).key;
});

const schema = buildSchema(loadTypeDefs());

/** A value for an argument: the hostile string where a string goes, something valid elsewhere. */
function valueFor(type: GraphQLInputType, hostile: string, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, hostile, depth);
  if (isListType(type)) return [valueFor(type.ofType, hostile, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    if (depth > 2) return null;
    return Object.fromEntries(
      Object.values(type.getFields()).map((field) => [field.name, valueFor(field.type, hostile, depth + 1)]),
    );
  }
  if (isScalarType(type)) {
    if (type.name === 'String' || type.name === 'ID') return hostile;
    if (type.name === 'Int') return 1;
    if (type.name === 'Float') return 1;
    if (type.name === 'Boolean') return false;
  }
  return null;
}

function takesText(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'String' || named.name === 'ID';
  return isInputObjectType(named) && Object.values(named.getFields()).some((field) => takesText(field.type));
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const isObject = !isScalarType(getNamedType(field.type)) && !isEnumType(getNamedType(field.type));
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${isObject ? ' { __typename }' : ''} }`;
}

async function fingerprint(): Promise<unknown> {
  const [counts] = await api().db.read('health/counts');
  const entities = await api().db.read('read/entities-by-id', {
    ids: ['actor:apt31', 'state:cn', 'source:upi-2025-05-28-czech-china-cyber'],
  });
  return { counts, entities: entities.map((row) => JSON.stringify(row)).sort() };
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  // nodes(ids:) answers one null per id that names nothing.
  if (Array.isArray(value)) return value.every((item) => item === null);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('totalCount' in record) return record.totalCount === 0;
    if ('nodes' in record && Array.isArray(record.nodes)) return record.nodes.length === 0;
    return Object.keys(record).every((key) => key === '__typename');
  }
  return false;
}

describe('hostile input', () => {
  it('in every string argument of every query field: an error or an empty result, and no change', async () => {
    const before = await fingerprint();
    const fields = Object.values(schema.getQueryType()!.getFields()).filter((field) =>
      field.args.some((arg) => takesText(arg.type)),
    );
    expect(fields.length).toBeGreaterThan(10);
    let asked = 0;
    let answered = 0;
    for (const field of fields) {
      const query = operation('query', field);
      for (const hostile of HOSTILE) {
        const variables = Object.fromEntries(field.args.map((arg) => [arg.name, valueFor(arg.type, hostile)]));
        const result = await api().graphql<Record<string, unknown>>(query, variables);
        asked += 1;
        const answer = result.data?.[field.name];
        const ok = (result.errors?.length ?? 0) > 0 || isEmpty(answer);
        if (!result.errors) answered += 1;
        expect(ok, `${field.name} with ${JSON.stringify(hostile.slice(0, 40))}: ${JSON.stringify(result).slice(0, 300)}`).toBe(
          true,
        );
        for (const error of result.errors ?? []) expect(error.extensions.code, field.name).not.toBe('INTERNAL_SERVER_ERROR');
      }
    }
    expect(asked).toBeGreaterThan(100);
    // Most hostile strings reach the database as parameters and simply match nothing.
    expect(answered).toBeGreaterThan(asked / 3);
    expect(await fingerprint()).toEqual(before);
  }, 300_000);

  it('in the ids of mutations that change existing entities: refused, and no change', async () => {
    const before = await fingerprint();
    const names = ['updateEntity', 'deleteEntity', 'link', 'mergeEntities', 'undoMerge'];
    const fields = Object.values(schema.getMutationType()!.getFields()).filter((field) => names.includes(field.name));
    expect(fields).toHaveLength(names.length);
    for (const field of fields) {
      for (const hostile of HOSTILE) {
        const variables = Object.fromEntries(field.args.map((arg) => [arg.name, valueFor(arg.type, hostile)]));
        const result = await api().graphql(operation('mutation', field), variables, { authorization: `Bearer ${editorKey}` });
        expect(result.errors?.length, `${field.name} with ${JSON.stringify(hostile.slice(0, 40))}`).toBeGreaterThan(0);
        expect(result.errors![0]!.extensions.code, `${field.name}: ${result.errors![0]!.message.slice(0, 200)}`).not.toBe(
          'INTERNAL_SERVER_ERROR',
        );
      }
    }
    expect(await fingerprint()).toEqual(before);
  }, 300_000);
});

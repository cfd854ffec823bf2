import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { startTestApi, type TestApi } from '../support/api.js';

// "Did you mean …" follows introspection: offered while the schema is open, hidden when it is
// closed; the error shape stays the same either way. exportStix is a read like any other.

let open: TestApi;
let closed: TestApi;
let keyed: TestApi;

beforeAll(async () => {
  open = await startTestApi();
  await seedGraph(open.db);
  closed = await startTestApi({ introspection: false });
  keyed = await startTestApi({ requireKeyForReads: true });
});

afterAll(async () => {
  await Promise.all([open?.close(), closed?.close(), keyed?.close()]);
});

const TYPO =
  '{ threatActor(name: "APT31") { nme } links: node(id: "actor:apt31") { ... on Entity { links(direction: OUTT) { type } } } }';

describe('suggestions', () => {
  it('are offered while introspection is on, in the usual error shape', async () => {
    const { errors, status } = await open.graphql(TYPO);
    expect(status).toBe(400);
    const messages = errors!.map((error) => error.message);
    expect(messages).toContainEqual(expect.stringContaining('Did you mean "name"?'));
    expect(messages).toContainEqual(expect.stringMatching(/Did you mean the enum value "OUT"\?/));
    for (const error of errors!) {
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
      expect(error.extensions.requestId).toEqual(expect.any(String));
    }
  });

  it('are hidden when introspection is off, in the same error shape', async () => {
    const { errors, status } = await closed.graphql(TYPO);
    expect(status).toBe(400);
    expect(errors!.length).toBeGreaterThan(0);
    for (const error of errors!) {
      expect(error.message).not.toMatch(/Did you mean/);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
      expect(error.extensions.requestId).toEqual(expect.any(String));
    }
  });

  it('leave argument errors from resolvers as they were: code, argument, requestId', async () => {
    const { errors } = await open.graphql('{ threatActors(first: 0) { totalCount } }');
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(errors![0]!.extensions.requestId).toEqual(expect.any(String));
  });
});

describe('exportStix', () => {
  const EXPORT = '{ exportStix(ids: ["actor:apt31"]) { bundle } }';

  it('needs no key while reads are open', async () => {
    const { data, errors } = await open.graphql<{ exportStix: { bundle: string } }>(EXPORT);
    expect(errors).toBeUndefined();
    const bundle = JSON.parse(data!.exportStix.bundle) as { objects: Array<{ name?: string }> };
    expect(bundle.objects.map((object) => object.name)).toContain('APT31');
  });

  it('needs a key, of any role, when reads do', async () => {
    const refused = await keyed.graphql(EXPORT);
    expect(refused.status).toBe(401);
    expect(refused.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    const reader = (await createApiKey(keyed.db, 'export reader', 'reader')).key;
    const { errors } = await keyed.graphql(EXPORT, {}, { authorization: `Bearer ${reader}` });
    expect(errors).toBeUndefined();
  });
});

import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { mapDatabaseError } from '../../src/db/database.js';
import { apiError } from '../../src/errors.js';
import { ExportError } from '../../src/export/stix.js';
import { formatError, mappingDomainErrors, toApiError } from '../../src/graphql/errors.js';
import { ChangesetError } from '../../src/write/changeset.js';

describe('error formatting', () => {
  it('passes the API codes through with their extensions, without stack traces', () => {
    const formatted = formatError({
      message: 'id: there is no entity x',
      extensions: { code: 'NOT_FOUND', argument: 'id', stacktrace: ['at …'], http: { status: 200 } },
    });
    expect(formatted).toEqual({ message: 'id: there is no entity x', extensions: { code: 'NOT_FOUND', argument: 'id' } });
  });

  it("makes Apollo's request errors BAD_USER_INPUT, keeping Apollo's code as the reason", () => {
    const formatted = formatError({
      message: 'Cannot query field "nope" on type "Query".',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(formatted).toEqual({
      message: 'Cannot query field "nope" on type "Query".',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('hides everything else behind "Internal server error"', () => {
    for (const extensions of [{ code: 'INTERNAL_SERVER_ERROR', detail: 'MATCH (n) …' }, { code: 'SOMETHING' }, undefined]) {
      expect(formatError({ message: 'Neo4jError: secret Cypher', path: ['node'], extensions })).toEqual({
        message: 'Internal server error',
        path: ['node'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    }
  });
});

describe('domain errors become API errors in one place', () => {
  it('a refused changeset is BAD_USER_INPUT listing its problems', () => {
    const problems = [{ at: 'entities[0] x', message: 'name must be a non-empty string' }];
    const mapped = toApiError(new ChangesetError('importBundle (desk)', problems)) as GraphQLError;
    expect(mapped).toBeInstanceOf(GraphQLError);
    expect(mapped.message).toMatch(/^importBundle \(desk\) was refused, nothing was written \(1 problem\)/);
    expect(mapped.extensions).toEqual({ code: 'BAD_USER_INPUT', problems });
  });

  it('a refused export selection is BAD_USER_INPUT; API errors and the unexpected pass unchanged', () => {
    expect((toApiError(new ExportError('ids: no entity has the id x')) as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    const api = apiError('CONFLICT', 'taken');
    expect(toApiError(api)).toBe(api);
    const unexpected = new TypeError('boom');
    expect(toApiError(unexpected)).toBe(unexpected);
  });

  it('wraps resolvers, whether they throw or reject', async () => {
    const refused = new ChangesetError('x', [{ at: 'a', message: 'b' }]);
    const throwing = mappingDomainErrors(() => {
      throw refused;
    });
    expect(() => throwing()).toThrow(GraphQLError);
    const rejecting = mappingDomainErrors(async () => {
      throw refused;
    });
    await expect(rejecting()).rejects.toBeInstanceOf(GraphQLError);
    expect(mappingDomainErrors((a) => a)(42)).toBe(42);
  });
});

describe('database errors', () => {
  it('say what the client can do, and keep the driver error only as the cause', () => {
    const unavailable = mapDatabaseError(new Neo4jError('connection refused', 'ServiceUnavailable', '', ''), 'read/links', 15000);
    expect((unavailable as GraphQLError).extensions.code).toBe('SERVICE_UNAVAILABLE');
    const timeout = mapDatabaseError(
      new Neo4jError('terminated', 'Neo.ClientError.Transaction.TransactionTimedOut', '', ''),
      'traversal/paths-shortest',
      15000,
    ) as GraphQLError;
    expect(timeout.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
    expect(timeout.message).toContain('15000 ms');
    expect(timeout.message).not.toContain('terminated');
    const conflict = mapDatabaseError(
      new Neo4jError('already exists', 'Neo.ClientError.Schema.ConstraintValidationFailed', '', ''),
      'write/upsert-entities',
      15000,
    ) as GraphQLError;
    expect(conflict.extensions.code).toBe('CONFLICT');
  });
});

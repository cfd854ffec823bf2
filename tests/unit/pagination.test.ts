import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/graphql/pagination.js';

describe('cursors', () => {
  it('carry the sort key and id of the last entity of a page, and read back', () => {
    for (const [key, id] of [
      ['apt31', 'actor:apt31'],
      [null, 'x'],
      ['2025-05-28', 'response:cz'],
      ['ünïcödé ☃', 'id:with|pipes'],
    ] as const) {
      const cursor = encodeCursor(key, id);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toEqual([key, id]);
    }
  });

  it('refuse what no list returned, naming the argument', () => {
    const bad = [
      'not a cursor',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[1,"x"]').toString('base64url'),
      Buffer.from('["a"]').toString('base64url'),
      '',
    ];
    for (const cursor of bad) {
      let error: unknown;
      try {
        decodeCursor(cursor);
      } catch (caught) {
        error = caught;
      }
      expect(error, cursor).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect((error as GraphQLError).message).toBe('after: is not a cursor this list returned');
    }
  });
});

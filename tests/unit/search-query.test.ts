import { describe, expect, it } from 'vitest';
import { searchQuery } from '../../src/graphql/search.js';

describe('the full-text search query', () => {
  it('matches each word whole or as a prefix', () => {
    expect(searchQuery('apt 31')).toBe('(apt OR apt*) (31 OR 31*)');
    expect(searchQuery('  Czech   ministry ')).toBe('(Czech OR Czech*) (ministry OR ministry*)');
  });

  it('escapes Lucene syntax and drops its operators, so user input is only ever words', () => {
    expect(searchQuery('a:b (c) "d" e* f~ g^2 h/i')).toBe(
      '(a\\:b OR a\\:b*) (\\(c\\) OR \\(c\\)*) (\\"d\\" OR \\"d\\"*) (e\\* OR e\\**) (f\\~ OR f\\~*) (g\\^2 OR g\\^2*) (h\\/i OR h\\/i*)',
    );
    expect(searchQuery('cats AND dogs OR NOT birds')).toBe('(cats OR cats*) (dogs OR dogs*) (birds OR birds*)');
    expect(searchQuery('&& || !')).toBe('(\\&\\& OR \\&\\&*) (\\|\\| OR \\|\\|*) (\\! OR \\!*)');
    expect(searchQuery('   ')).toBe('');
  });
});

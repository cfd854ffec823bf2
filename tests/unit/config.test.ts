import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, EMBEDDED_DEFAULT_PASSWORD, PROJECT_ROOT, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('defaults to the embedded Neo4j on 127.0.0.1 and the API on port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.password).toBe(EMBEDDED_DEFAULT_PASSWORD);
    expect(config.neo4j.embedded.boltPort).toBe(7687);
    expect(config.neo4j.embedded.home).toBe(path.join(PROJECT_ROOT, '.neo4j/server'));
    expect(config.neo4j.embedded.heap).toBe('2g');
  });

  it('takes an external server, routing URIs included', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'analyst',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'graph',
    });
    expect(config.neo4j).toMatchObject({
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'analyst',
      password: 'secret',
      database: 'graph',
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI/);
    expect(() => loadConfig({ NEO4J_EMBEDDED_HEAP: 'lots' })).toThrow(/NEO4J_EMBEDDED_HEAP/);
    expect(() => loadConfig({ NEO4J_PASSWORD: 'short' })).toThrow(/at least 8/);
  });
});

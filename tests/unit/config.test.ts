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

describe('CORS_ORIGINS', () => {
  it('defaults to the API’s own origin only', () => {
    expect(loadConfig({}).api.corsOrigins).toEqual([]);
  });

  it('takes a comma-separated list of origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'http://localhost:3000, https://app.example.org' }).api.corsOrigins).toEqual([
      'http://localhost:3000',
      'https://app.example.org',
    ]);
  });

  it('refuses what is not an origin, naming the variable', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.org/' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.org' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'ftp://files.example.org' })).toThrow(/CORS_ORIGINS/);
  });

  it('takes * while reads are open, and refuses it when reads need a key', () => {
    expect(loadConfig({ CORS_ORIGINS: '*' }).api.corsOrigins).toEqual(['*']);
    expect(() => loadConfig({ CORS_ORIGINS: '*', AUTH_REQUIRE_KEY_FOR_READS: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: '*', AUTH_REQUIRE_KEY_FOR_READS: 'true' })).toThrow(/AUTH_REQUIRE_KEY_FOR_READS/);
  });
});

describe('persisted queries and HTTP caching', () => {
  it('defaults to automatic persisted queries and a 60 s max-age for GET queries', () => {
    const { api } = loadConfig({});
    expect(api.persistedQueries).toBe('apq');
    expect(api.persistedQueryManifests).toBeUndefined();
    expect(api.httpCacheMaxAgeSeconds).toBe(60);
  });

  it('takes the allow-list mode with manifest files, and names a wrong value', () => {
    const { api } = loadConfig({ PERSISTED_QUERIES: 'allowlist', PERSISTED_QUERIES_MANIFEST: 'a.json, b.graphql' });
    expect(api.persistedQueries).toBe('allowlist');
    expect(api.persistedQueryManifests).toEqual([path.resolve('a.json'), path.resolve('b.graphql')]);
    expect(() => loadConfig({ PERSISTED_QUERIES: 'sometimes' })).toThrow(/PERSISTED_QUERIES/);
    expect(() => loadConfig({ HTTP_CACHE_MAX_AGE_SECONDS: '-1' })).toThrow(/HTTP_CACHE_MAX_AGE_SECONDS/);
  });
});

describe('the API key backoff and TRUST_PROXY', () => {
  it('back off after 5 refused keys, from 1 s doubling up to 5 minutes, forgiven after 15 quiet minutes, for 10,000 clients', () => {
    expect(loadConfig({}).api.keyBackoff).toEqual({
      failuresBeforeBackoff: 5,
      baseDelayMs: 1000,
      maxDelayMs: 300_000,
      resetAfterMs: 900_000,
      maxClients: 10_000,
    });
    expect(
      loadConfig({ AUTH_KEY_FAILURES_BEFORE_BACKOFF: '10', AUTH_KEY_BACKOFF_MAX_CLIENTS: '500' }).api.keyBackoff,
    ).toMatchObject({
      failuresBeforeBackoff: 10,
      maxClients: 500,
    });
    expect(() => loadConfig({ AUTH_KEY_BACKOFF_BASE_MS: 'soon' })).toThrow(/AUTH_KEY_BACKOFF_BASE_MS/);
    expect(() => loadConfig({ AUTH_KEY_BACKOFF_MAX_CLIENTS: '0' })).toThrow(/AUTH_KEY_BACKOFF_MAX_CLIENTS/);
  });

  it('trusts no proxy by default, a number of proxies, or listed addresses, but never any proxy at all', () => {
    expect(loadConfig({}).api.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).api.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).api.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).api.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example.org' })).toThrow(/TRUST_PROXY/);
  });
});

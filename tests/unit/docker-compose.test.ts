import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EMBEDDED_DEFAULT_PASSWORD, NEO4J_VERSION, PROJECT_ROOT, loadConfig } from '../../src/config.js';

// Docker cannot run here, so the file is checked against the project's own configuration instead.
interface Service {
  image?: string;
  build?: string;
  environment: Record<string, string>;
  ports: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

/** Resolves ${VAR:-default} the way Compose does when VAR is unset. */
function withDefaults(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [key, String(value).replace(/\$\{\w+:-([^}]*)\}/g, '$1')]),
  );
}

describe('docker-compose.yml', () => {
  const { neo4j, api } = compose.services;

  it('runs the same Neo4j version as the embedded default and the launcher pom', () => {
    expect(neo4j?.image).toBe(`neo4j:${NEO4J_VERSION}-community`);
    const pom = fs.readFileSync(path.join(PROJECT_ROOT, 'neo4j-launcher/pom.xml'), 'utf8');
    expect(pom).toContain(`<neo4j.version>${NEO4J_VERSION}</neo4j.version>`);
  });

  it('binds every published port to 127.0.0.1 and keeps data in named volumes', () => {
    for (const service of [neo4j!, api!]) {
      for (const port of service.ports) expect(port.startsWith('127.0.0.1:'), port).toBe(true);
      expect(service.healthcheck?.test.length).toBeGreaterThan(0);
    }
    for (const volume of neo4j!.volumes ?? []) {
      const name = volume.split(':')[0]!;
      expect(Object.keys(compose.volumes)).toContain(name);
    }
  });

  it('gives the API a configuration the API accepts, pointing at the neo4j service with its password', () => {
    expect(api?.build).toBe('.');
    expect(api?.depends_on?.neo4j?.condition).toBe('service_healthy');
    const env = withDefaults(api!.environment);
    const config = loadConfig(env);
    expect(config.neo4j.uri).toBe('bolt://neo4j:7687');
    expect(config.port).toBe(4000);
    const auth = withDefaults(neo4j!.environment).NEO4J_AUTH;
    expect(auth).toBe(`${config.neo4j.user}/${config.neo4j.password}`);
    expect(config.neo4j.password).toBe(EMBEDDED_DEFAULT_PASSWORD);
    expect(api!.ports).toContain(`127.0.0.1:${config.port}:${config.port}`);
  });

  it('has a Dockerfile for the API that copies what the API reads at run time', () => {
    const dockerfile = fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    for (const dir of ['src', 'schema', 'cypher']) expect(dockerfile).toContain(`COPY ${dir} ./${dir}`);
  });
});

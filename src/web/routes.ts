import fs from 'node:fs';
import path from 'node:path';
import type { Express, Response } from 'express';
import { PROJECT_ROOT } from '../config.js';
import type { Logger } from '../logger.js';
import { WEB_DIR, webAssets } from './bundle.js';

/**
 * The pages for analysts, served by the API: the GraphiQL playground at `/` and the graph view at
 * `/explore`, with their bundled assets under `/assets/` and the example operations of docs/queries.
 */

const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'docs/queries');

// Everything the pages load comes from this server: a page that tried a CDN would fail offline.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and cytoscape set inline styles; its fonts are data: URLs.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
].join('; ');

export interface Example {
  name: string;
  title: string;
  query: string;
}

/** docs/queries/*.graphql, read at each request so that a new example shows without a restart. */
export function readExamples(dir: string = EXAMPLES_DIR): Example[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = fs.readFileSync(path.join(dir, file), 'utf8');
      const comment = /^#\s*(.+)$/m.exec(query);
      return { name: file.replace(/\.graphql$/, ''), title: comment?.[1]?.trim() ?? '', query };
    });
}

function sendPage(res: Response, page: 'playground' | 'explore'): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('cache-control', 'no-cache');
  res.sendFile(path.join(WEB_DIR, page, 'index.html'));
}

export function registerWebRoutes(app: Express, logger: Logger): void {
  app.get('/', (_req, res) => sendPage(res, 'playground'));
  app.get('/explore', (_req, res) => sendPage(res, 'explore'));
  app.get('/playground/examples.json', (_req, res) => {
    res.json(readExamples());
  });
  app.get('/assets/:name', async (req, res) => {
    let assets;
    try {
      assets = await webAssets();
    } catch (error) {
      logger.error({ err: error }, 'building the web pages failed');
      res.status(500).type('text/plain').send('The web pages could not be built; the API log says why.');
      return;
    }
    const asset = assets.get(req.params.name);
    if (asset === undefined) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    // Revalidated each time (express adds an ETag), so a rebuilt bundle is never served stale.
    res.setHeader('cache-control', 'no-cache');
    res.type(asset.contentType).send(asset.body);
  });
}

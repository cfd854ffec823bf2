import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * Cross-origin access to /graphql for web apps served elsewhere (the `cors` package, the usual
 * Express middleware). Only the origins of CORS_ORIGINS get Access-Control-Allow-Origin; every
 * other page is left to the browser's same-origin rule. Apollo's CSRF prevention stays on behind
 * this: a request a browser sends without a preflight (a form post, a plain GET) is still refused.
 */

/** What a browser app may send: the key, JSON, and the headers Apollo's clients and CSRF rules use. */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-api-key',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

/** How long a browser may reuse a preflight's answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);
  const handler = cors({
    // Keys travel in the Authorization header, never in cookies: no credentials mode needed.
    origin: anyOrigin ? '*' : (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id'],
    maxAge: CORS_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  });
  return (req, res, next) => {
    // Answers differ by origin: a shared cache must not hand one origin's answer to another.
    if (!anyOrigin && allowed.size > 0) res.vary('Origin');
    handler(req, res, (error?: unknown) => {
      if (error !== undefined && error !== null) return next(error);
      // An origin not on the list still gets its preflight answered, with no Access-Control header,
      // so the browser blocks the call instead of the API answering a bare 400 from the CSRF check.
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
      next();
    });
  };
}

import helmet from 'helmet';

/**
 * Security headers on every answer (helmet, the maintained Express middleware for them):
 * `X-Content-Type-Options: nosniff`, no framing (`frame-ancestors 'none'` and `X-Frame-Options:
 * DENY`: no page may embed the playground or the graph view to trick a click), `Referrer-Policy:
 * no-referrer`, and the rest of helmet's defaults. The Content-Security-Policy carries only
 * frame-ancestors: the playground and the graph view are built bundles served from this origin, and
 * a script policy belongs with their build, not here. Cross-origin reads stay possible: which origins
 * may call the API is CORS's decision (src/http/cors.ts), so the resource policy is cross-origin.
 */
export function securityHeaders(): ReturnType<typeof helmet> {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc, frameAncestors: ["'none'"] },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}

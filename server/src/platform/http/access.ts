import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anyone may call the route, signed in or not (the portal, registration, the help desk, login itself). */
    public?: boolean;
  }
}

const decoded = (path: string) => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

/**
 * The path as the router matched it (`/api/docs/*`, `/api/reviews/:id`), or the decoded request path when no
 * route matched: never the raw URL, which a client may percent-encode (`/%61pi/...`) to slip past a prefix check.
 */
export const routePathOf = (req: FastifyRequest) => req.routeOptions.url ?? decoded(req.url.split('?')[0] ?? '');

/** Spread into a route's options to make it public; a route without it refuses anonymous callers (SECURITY C1). */
export const PUBLIC = { config: { public: true } } as const;

/**
 * Default deny, in one place, before the body is even parsed: an API route that is not declared public
 * answers an anonymous caller 401. Each route then checks its own permission and data scope.
 */
export const denyAnonymous = (req: FastifyRequest) => {
  if (!req.routeOptions.url || req.routeOptions.config.public || req.actor) return;
  throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
};

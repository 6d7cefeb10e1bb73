import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anyone may call the route, signed in or not (the portal, registration, the help desk, login itself). */
    public?: boolean;
  }
}

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

import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error';
import { isHttps } from '../auth/sessions';
import { routePathOf } from './access';

const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/** Security headers on every answer, no caching of API data, and a same-origin check on every write. */
export const registerSecurityHeaders = (app: FastifyInstance) => {
  app.addHook('onRequest', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const origin = req.headers.origin;
    if (origin && hostOf(origin) !== req.headers.host) throw new AppError('FORBIDDEN', '跨站请求已被拒绝');
  });
  app.addHook('onSend', async (req, reply) => {
    if (isHttps(req)) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    const path = routePathOf(req);
    if (path.startsWith('/api/docs')) return;
    reply.header('Content-Security-Policy', CSP);
    if (path.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });
};

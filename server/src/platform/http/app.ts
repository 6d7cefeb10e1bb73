import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { isHttps, loadActor } from '../auth/sessions';
import { guardApiDocs, isApiDocs } from './api-docs';
import { denyAnonymous, PUBLIC, routePathOf } from './access';
import { registerErrorHandler } from './error-handler';
import { registerSecurityHeaders } from './security-headers';
import { registerInputHygiene } from './input-hygiene';

export type App = FastifyInstance;

export type HttpAppOptions = {
  ctx: AppContext;
  /** Registers the business modules' routes (the composition root decides which). */
  routes: (app: FastifyInstance) => Promise<void>;
  webDist?: string | null;
};

/** The HTTP app: plugins, the session hook, the error shape, the given routes, and the built web app. */
export const createHttpApp = async ({ ctx, routes, webDist }: HttpAppOptions) => {
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    genReqId: () => randomUUID(),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '专业技术人员继续教育信息服务平台 API', version: '0.1.0' },
      components: {
        securitySchemes: { syncKey: { type: 'http', scheme: 'bearer', description: '学习平台对接密钥（学时对接）' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  registerErrorHandler(app);
  registerSecurityHeaders(app);
  registerInputHygiene(app);
  app.addHook('onRequest', async (req, reply) => {
    if (ctx.config.httpsOnly && !isHttps(req)) return reply.redirect(`https://${req.host}${req.url}`, 301);
    const path = routePathOf(req);
    if (!path.startsWith('/api/')) return;
    await loadActor(ctx, req);
    denyAnonymous(req);
    if (isApiDocs(path)) guardApiDocs(ctx, req);
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { ...PUBLIC, schema: { hide: true } }, async () => ({ ok: true }));
  await routes(app);

  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(webDist), wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
      return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在', requestId: req.id });
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在', requestId: req.id }));
  }
  await app.ready();
  return app;
};

import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { requireActor } from '../auth/actor';
import { AppError } from '../errors/app-error';

export const isApiDocs = (url: string) => url.startsWith('/api/docs') || url.startsWith('/api/openapi.json');

/**
 * The API's map is for the people who run the platform: signed-in admins, or nobody (API_DOCS=off), so a
 * stranger does not get every endpoint of the province's platform listed for them.
 */
export const guardApiDocs = (ctx: AppContext, req: FastifyRequest) => {
  if (ctx.config.apiDocs === 'off') throw new AppError('NOT_FOUND', '接口不存在');
  if (requireActor(req).accountKind !== 'admin') throw new AppError('FORBIDDEN');
};

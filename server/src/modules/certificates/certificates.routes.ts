import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AnnualCompletion } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { requireActor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { annualCompletion } from './completion.service';

/** 年度完成情况 and 继续教育证书 of a professional. */
export const certificatesRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['年度完成情况与证书'];

  app.get('/api/me/completion', { schema: { tags, response: { 200: AnnualCompletion } } }, async (req) => {
    const actor = requireActor(req);
    if (actor.accountKind !== 'professional') throw new AppError('FORBIDDEN', '请以专业技术人员身份登录查看年度完成情况');
    return annualCompletion(ctx, actor.personId);
  });
};

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProfileOptions } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { PUBLIC } from '../../platform/http/access';
import { getProfileOptions } from './profile-options.service';

/** Public (no login): regions, title series and levels, majors, org natures and levels, industries, claim cities. */
export const profileOptionsRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/profile/options', { ...PUBLIC, schema: { tags: ['省份配置'], response: { 200: ProfileOptions } } }, async () =>
    getProfileOptions(ctx.config.profile),
  );
};

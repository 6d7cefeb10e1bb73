import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context';
import { identityRoutes } from './identity';
import { reviewsRoutes } from './reviews';
import { organizationsRoutes } from './organizations';
import { adminsRoutes } from './admins';
import { registrationRoutes } from './registration';
import { helpdeskRoutes } from './helpdesk';
import { noticesRoutes } from './notices/notices.routes';
import { inboxRoutes } from './inbox/inbox.routes';
import { profileOptionsRoutes } from './profile-options/profile-options.routes';

/** Each business module's routes, registered under /api. Add one line per module. */
export const registerModules = async (app: FastifyInstance, ctx: AppContext) => {
  await app.register(async (s) => identityRoutes(s, ctx));
  await app.register(async (s) => reviewsRoutes(s, ctx));
  await app.register(async (s) => organizationsRoutes(s, ctx));
  await app.register(async (s) => adminsRoutes(s, ctx));
  await app.register(async (s) => registrationRoutes(s, ctx));
  await app.register(async (s) => helpdeskRoutes(s, ctx));
  await app.register(async (s) => noticesRoutes(s, ctx));
  await app.register(async (s) => inboxRoutes(s, ctx));
  await app.register(async (s) => profileOptionsRoutes(s, ctx));
};

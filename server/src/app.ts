import type { FastifyInstance } from 'fastify';
import { loadProfile } from '@cep/profiles';
import type { Config } from './config';
import type { AppContext } from './platform/context';
import type { Db } from './platform/db/database';
import type { Clock } from './platform/clock';
import type { Gateway } from './platform/notify/notifier';
import { createContext } from './platform/bootstrap';
import { createHttpApp } from './platform/http/app';
import { registerKind, type RequestKind } from './modules/reviews';
import { identityRoutes } from './modules/identity';
import { reviewsRoutes } from './modules/reviews';
import { orgChangeKind, orgClosureKind, orgMergeKind, organizationsRoutes, provisionProfile, superiorChangeKind } from './modules/organizations';
import { adminsRoutes } from './modules/admins';
import { registrationKindDefinitions, registrationRoutes } from './modules/registration';
import { ensureKnowledgeBase, helpdeskRoutes } from './modules/helpdesk';
import { noticesRoutes } from './modules/notices';
import { inboxRoutes } from './modules/inbox';
import { profileOptionsRoutes } from './modules/profile-options';
import { opsRoutes } from './modules/ops';
import { claimKind, claimsRoutes } from './modules/claims';
import { certificatesAdminRoutes, certificatesRoutes, prorationKind } from './modules/certificates';
import { hoursSyncRoutes } from './modules/hours-sync';
import {
  closureKind,
  identityChangeKind,
  peopleImportJob,
  peopleImportRoutes,
  peopleQueryRoutes,
  profileRoutes,
  titleChangeKind,
  transferKind,
  transfersRoutes,
} from './modules/people';
import type { JobKind } from './platform/jobs/jobs';
import { annualReportKind, providerPlanKind, proxyClaimKind, trainingPlanKind, trainingRoutes, unitClaimKind } from './modules/training';

/**
 * The composition root: the one place that knows every module. It lists the request kinds the review engine
 * serves, the routes the HTTP app answers, and what a database needs before the platform serves from it.
 */

/** Every request kind of the platform. A new kind is one definition in its module and one entry here. */
export const requestKinds: RequestKind[] = [
  ...registrationKindDefinitions,
  claimKind,
  trainingPlanKind,
  unitClaimKind,
  providerPlanKind,
  proxyClaimKind,
  annualReportKind,
  prorationKind,
  transferKind,
  titleChangeKind,
  identityChangeKind,
  closureKind,
  orgChangeKind,
  superiorChangeKind,
  orgClosureKind,
  orgMergeKind,
];

/** Registers every kind with the engine; idempotent, and done before any request is filed or decided. */
export const registerRequestKinds = () => {
  for (const kind of requestKinds) registerKind(kind);
};

/** Every kind of background work. */
export const jobKinds: JobKind[] = [peopleImportJob];

/** Starts this process's worker for every job kind, and sends again what a stopped server left unfinished. */
export const startJobs = async (ctx: AppContext) => {
  for (const job of jobKinds) ctx.jobs.register(job.kind, (data, signal) => job.run(ctx, data, signal));
  await ctx.jobs.start();
  for (const job of jobKinds) await job.resume?.(ctx);
};

/** Each business module's routes, registered under /api. Add one line per module. */
const registerRoutes = async (app: FastifyInstance, ctx: AppContext) => {
  for (const routes of [
    identityRoutes,
    reviewsRoutes,
    organizationsRoutes,
    adminsRoutes,
    registrationRoutes,
    helpdeskRoutes,
    noticesRoutes,
    inboxRoutes,
    profileOptionsRoutes,
    opsRoutes,
    claimsRoutes,
    trainingRoutes,
    certificatesRoutes,
    certificatesAdminRoutes,
    hoursSyncRoutes,
    transfersRoutes,
    peopleQueryRoutes,
    profileRoutes,
    peopleImportRoutes,
  ]) {
    // biome-ignore lint/nursery/noMisusedPromises: Fastify awaits an async plugin (its types say so; Biome cannot see them).
    await app.register(async (scope) => routes(scope, ctx));
  }
};

/** The HTTP app of the whole platform (the kinds registered first). */
export const buildApp = async (options: { ctx: AppContext; webDist?: string | null }) => {
  registerRequestKinds();
  return createHttpApp({ ...options, routes: (app) => registerRoutes(app, options.ctx) });
};

/**
 * A migrated database made ready to serve: the province's regions and org tree provisioned, the context built,
 * the help-desk knowledge base seeded, the request kinds registered (demo data and benches file requests next).
 */
export const prepareServer = async (config: Config, db: Db, options: { clock?: Clock; gateway?: Gateway } = {}) => {
  registerRequestKinds();
  await provisionProfile(db, loadProfile(config.profile));
  const ctx = await createContext(config, db, options);
  await ensureKnowledgeBase(ctx);
  return ctx;
};

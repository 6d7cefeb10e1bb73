import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnnualReportInput,
  ProviderYearFigures,
  ProviderYearQuery,
  ProxyClaimInput,
  RosterCheckInput,
  RosterLine,
  StaffChoice,
  StaffChoiceQuery,
  SubmittedRequest,
  TrainingPlanInput,
  TrainingPlanPage,
  TrainingPlanQuery,
  UnitClaimInput,
} from '@cep/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { originOf, requireAnyPermission, requirePermission } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { listPlans, listStaffChoices, submitPlan, submitUnitClaim } from './training.service';
import { checkProviderRoster, submitProxyClaim } from './provider.service';
import { submitAnnualReport, yearFigures } from './annual-report.service';
import { employerSponsor, providerSponsor, sponsorOf } from './training.sponsors';

/**
 * The admin's org as a sponsor, holding `need`: an employer's 单位培训计划 or a provider's 培训计划申报 / 代申报学时
 * (the plans list serves both of a provider's menus).
 */
const sponsorActor = (req: FastifyRequest, need: 'read' | 'plan') => {
  const actor = requireAnyPermission(req, [employerSponsor.planPermission, providerSponsor.planPermission, providerSponsor.claimPermission]);
  const sponsor = sponsorOf(actor.orgKind);
  const needed = need === 'plan' ? [sponsor?.planPermission] : [sponsor?.planPermission, sponsor?.claimPermission];
  if (!sponsor || !needed.some((p) => p && actor.permissions.has(p))) throw new AppError('FORBIDDEN');
  return { actor, sponsor };
};

/** Training plans of employers and providers, and the hours claimed under them for their attendees. */
export const trainingRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['培训计划'];

  app.get('/api/training/plans', { schema: { tags, querystring: TrainingPlanQuery, response: { 200: TrainingPlanPage } } }, async (req) => {
    const { actor, sponsor } = sponsorActor(req, 'read');
    return listPlans(ctx, actor, sponsor, req.query);
  });
  app.post('/api/training/plans', { schema: { tags, body: TrainingPlanInput, response: { 201: SubmittedRequest } } }, async (req, reply) => {
    const { actor, sponsor } = sponsorActor(req, 'plan');
    return reply.status(201).send(await submitPlan(ctx, actor, sponsor, req.body, originOf(req)));
  });

  app.get('/api/training/staff', { schema: { tags, querystring: StaffChoiceQuery, response: { 200: z.array(StaffChoice) } } }, async (req) =>
    listStaffChoices(ctx, requirePermission(req, employerSponsor.claimPermission), req.query.keyword || undefined),
  );
  app.post('/api/training/unit-claims', { schema: { tags, body: UnitClaimInput, response: { 201: SubmittedRequest } } }, async (req, reply) =>
    reply.status(201).send(await submitUnitClaim(ctx, requirePermission(req, employerSponsor.claimPermission), req.body, originOf(req))),
  );

  app.post('/api/training/roster-check', { schema: { tags, body: RosterCheckInput, response: { 200: z.array(RosterLine) } } }, async (req) =>
    checkProviderRoster(ctx, requirePermission(req, providerSponsor.claimPermission), req.body, originOf(req)),
  );
  app.post('/api/training/proxy-claims', { schema: { tags, body: ProxyClaimInput, response: { 201: SubmittedRequest } } }, async (req, reply) =>
    reply.status(201).send(await submitProxyClaim(ctx, requirePermission(req, providerSponsor.claimPermission), req.body, originOf(req))),
  );

  app.get(
    '/api/training/annual-reports/figures',
    { schema: { tags, querystring: ProviderYearQuery, response: { 200: ProviderYearFigures } } },
    async (req) => yearFigures(ctx, requirePermission(req, 'training.annualReport'), req.query.year),
  );
  app.post('/api/training/annual-reports', { schema: { tags, body: AnnualReportInput, response: { 201: SubmittedRequest } } }, async (req, reply) =>
    reply.status(201).send(await submitAnnualReport(ctx, requirePermission(req, 'training.annualReport'), req.body, originOf(req))),
  );
};

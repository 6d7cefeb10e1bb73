import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
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
import { originOf, requirePermission } from '../../platform/auth/actor';
import { listPlans, listStaffChoices, submitPlan, submitUnitClaim } from './training.service';

const PERMISSION = 'claims.plans';

/** 单位培训计划 of an employer: its plans, and the 学时申报 of its staff under an approved one. */
export const trainingRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['单位培训计划'];

  app.get('/api/training/plans', { schema: { tags, querystring: TrainingPlanQuery, response: { 200: TrainingPlanPage } } }, async (req) =>
    listPlans(ctx, requirePermission(req, PERMISSION), req.query),
  );
  app.post('/api/training/plans', { schema: { tags, body: TrainingPlanInput, response: { 201: SubmittedRequest } } }, async (req, reply) =>
    reply.status(201).send(await submitPlan(ctx, requirePermission(req, PERMISSION), req.body, originOf(req))),
  );
  app.get('/api/training/staff', { schema: { tags, querystring: StaffChoiceQuery, response: { 200: z.array(StaffChoice) } } }, async (req) =>
    listStaffChoices(ctx, requirePermission(req, PERMISSION), req.query.keyword || undefined),
  );
  app.post('/api/training/unit-claims', { schema: { tags, body: UnitClaimInput, response: { 201: SubmittedRequest } } }, async (req, reply) =>
    reply.status(201).send(await submitUnitClaim(ctx, requirePermission(req, PERMISSION), req.body, originOf(req))),
  );
};

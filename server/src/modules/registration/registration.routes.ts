import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AuthorityRegistrationInput,
  EmployerChoices,
  EmployerRegistrationInput,
  EmployerSearchQuery,
  ProfessionalRegistrationInput,
  ProviderRegistrationInput,
  RegistrationLookupInput,
  RegistrationLookupResult,
  RegistrationReceipt,
  RegistrationWithdrawInput,
  RegistrationWithdrawResult,
  SuperiorChoices,
  SuperiorQuery,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { PUBLIC } from '../../platform/http/access';
import { originOf } from '../../platform/auth/actor';
import { registerAuthority, registerEmployer, registerProfessional, registerProvider, type RegistrationCall } from './registration.service';
import { listSuperiorChoices, searchEmployers } from './registration.choices';
import { lookupRegistrations, withdrawRegistration } from './registration.lookup';

/** Public (no login) registration, its form choices and the 注册审核进度查询 lookup. */
export const registrationRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['注册'];
  const created = { response: { 201: RegistrationReceipt } };
  const call = (req: FastifyRequest & { body: { captchaToken: string } }): RegistrationCall => ({
    ctx,
    origin: originOf(req),
    captchaToken: req.body.captchaToken,
  });

  app.post('/api/registrations/authority', { ...PUBLIC, schema: { tags, body: AuthorityRegistrationInput, ...created } }, async (req, reply) =>
    reply.status(201).send(await registerAuthority(call(req), req.body)),
  );
  app.post('/api/registrations/employer', { ...PUBLIC, schema: { tags, body: EmployerRegistrationInput, ...created } }, async (req, reply) =>
    reply.status(201).send(await registerEmployer(call(req), req.body)),
  );
  app.post('/api/registrations/provider', { ...PUBLIC, schema: { tags, body: ProviderRegistrationInput, ...created } }, async (req, reply) =>
    reply.status(201).send(await registerProvider(call(req), req.body)),
  );
  app.post('/api/registrations/professional', { ...PUBLIC, schema: { tags, body: ProfessionalRegistrationInput, ...created } }, async (req, reply) =>
    reply.status(201).send(await registerProfessional(call(req), req.body)),
  );

  app.get(
    '/api/registrations/employers',
    { ...PUBLIC, schema: { tags, querystring: EmployerSearchQuery, response: { 200: EmployerChoices } } },
    async (req) => ({
      items: await searchEmployers(ctx, req.query.keyword),
    }),
  );
  app.get(
    '/api/registrations/superiors',
    { ...PUBLIC, schema: { tags, querystring: SuperiorQuery, response: { 200: SuperiorChoices } } },
    async (req) => ({
      items: await listSuperiorChoices(ctx, req.query),
    }),
  );

  app.post(
    '/api/registrations/lookup',
    { ...PUBLIC, schema: { tags, body: RegistrationLookupInput, response: { 200: RegistrationLookupResult } } },
    async (req) => lookupRegistrations(ctx, req.body, originOf(req)),
  );
  app.post(
    '/api/registrations/lookup/withdraw',
    { ...PUBLIC, schema: { tags, body: RegistrationWithdrawInput, response: { 200: RegistrationWithdrawResult } } },
    async (req) => withdrawRegistration(ctx, req.body, originOf(req)),
  );
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaptchaAnswer, CaptchaChallenge, CaptchaPass, LoginInput, Ok, SessionInfo } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { PUBLIC } from '../../platform/http/access';
import { auditActorOf, originOf, requireActor } from '../../platform/auth/actor';
import { clearSessionCookie, endSession, sessionSourceOf, setSessionCookie } from '../../platform/auth/sessions';
import { writeAudit } from '../../platform/audit/audit';
import { issueCaptcha, verifyCaptcha } from './identity.captcha';
import { login } from './identity.login';
import { presentSession } from './identity.presenter';
import { passwordRoutes } from './identity.password.routes';
import { mfaRoutes } from './identity.mfa.routes';
import { adminResetRoutes } from './identity.admin-reset.routes';
import { contactRoutes } from './identity.contacts.routes';

/** A missing token must reach the service, which refuses it as CAPTCHA_INVALID and counts the attempt. */
const LoginBody = LoginInput.extend({
  captchaToken: z
    .string()
    .max(128)
    .regex(/^[\w-]*$/, { message: '请先完成滑块验证' })
    .optional(),
});

/** Ends the caller's session if there is one; always clears the cookie. */
const logout = async (ctx: AppContext, req: FastifyRequest, reply: FastifyReply) => {
  const actor = req.actor;
  if (actor) {
    await ctx.db.transaction().execute(async (tx) => {
      await endSession(tx, actor.sessionId);
      await writeAudit(tx, ctx.clock, { event: 'LOGOUT', actor: auditActorOf(actor), origin: originOf(req) });
    });
  }
  clearSessionCookie(req, reply);
  return { ok: true as const };
};

/** The signed-in session, also for a session that may only change its password: all of it from the actor. */
const currentSession = async (ctx: AppContext, req: FastifyRequest) => {
  const actor = requireActor(req, { allowPasswordChangeOnly: true, allowMfaPending: true });
  const person = { id: actor.personId, name: actor.personName, idNumber: actor.personIdNumber };
  const { accountId, accountKind: kind, role, orgId, orgName, orgKind, isSuperAdmin } = actor;
  return presentSession(ctx, {
    person,
    account: { accountId, kind, role, orgId, orgName, orgKind, isSuperAdmin },
    permissions: actor.permissions,
    mustChangePassword: actor.mustChangePassword,
    mfaStep: actor.mfaStep,
  });
};

/** 登录 / 退出 / 当前会话 and the slider captcha, plus the password routes. */
export const identityRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  app.post('/api/auth/captcha', { ...PUBLIC, schema: { tags, response: { 200: CaptchaChallenge } } }, async (req) =>
    issueCaptcha(ctx, originOf(req)),
  );

  app.post('/api/auth/captcha/verify', { ...PUBLIC, schema: { tags, body: CaptchaAnswer, response: { 200: CaptchaPass } } }, async (req) =>
    verifyCaptcha(ctx, req.body),
  );

  app.post('/api/auth/login', { ...PUBLIC, schema: { tags, body: LoginBody, response: { 200: SessionInfo } } }, async (req, reply) => {
    const call = { origin: originOf(req), source: sessionSourceOf(req), currentSessionId: req.actor?.sessionId ?? null };
    const { session, token } = await login(ctx, call, req.body);
    setSessionCookie(ctx, req, reply, token);
    return session;
  });

  app.post('/api/auth/logout', { ...PUBLIC, schema: { tags, response: { 200: Ok } } }, async (req, reply) => logout(ctx, req, reply));

  app.get('/api/auth/session', { schema: { tags, response: { 200: SessionInfo } } }, async (req) => currentSession(ctx, req));

  await mfaRoutes(app, ctx, currentSession);
  await passwordRoutes(app, ctx);
  await adminResetRoutes(app, ctx);
  await contactRoutes(app, ctx);
};

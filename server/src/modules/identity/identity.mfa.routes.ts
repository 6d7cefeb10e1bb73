import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MfaCodeInput, MfaEnrolled, MfaEnrollment, SessionInfo } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/auth/actor';
import { loadActor } from '../../platform/auth/sessions';
import { confirmEnrollment, startEnrollment, verifyMfa } from './identity.mfa';

/** A session that still owes its second factor (or a forced password change) may call these. */
const pendingActor = (req: FastifyRequest) => requireActor(req, { allowMfaPending: true, allowPasswordChangeOnly: true });

/** 动态口令 (TOTP) of admin accounts: verify at login and enrol on first login. */
export const mfaRoutes = async (
  root: FastifyInstance,
  ctx: AppContext,
  currentSession: (ctx: AppContext, req: FastifyRequest) => Promise<SessionInfo>,
) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  /** The session as it is now that the second factor is done. */
  const refreshed = async (req: FastifyRequest) => {
    await loadActor(ctx, req);
    return currentSession(ctx, req);
  };

  app.post('/api/auth/mfa/verify', { schema: { tags, body: MfaCodeInput, response: { 200: SessionInfo } } }, async (req) => {
    await verifyMfa(ctx, originOf(req), pendingActor(req), req.body.code);
    return refreshed(req);
  });

  app.post('/api/auth/mfa/enroll', { schema: { tags, response: { 200: MfaEnrollment } } }, async (req) => startEnrollment(ctx, pendingActor(req)));

  app.post('/api/auth/mfa/enroll/confirm', { schema: { tags, body: MfaCodeInput, response: { 200: MfaEnrolled } } }, async (req) => {
    const { recoveryCodes } = await confirmEnrollment(ctx, originOf(req), pendingActor(req), req.body.code);
    return { recoveryCodes, session: await refreshed(req) };
  });
};

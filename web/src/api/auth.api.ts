import {
  CaptchaChallenge,
  CaptchaPass,
  ForgotPasswordSendResult,
  MfaEnrolled,
  MfaEnrollment,
  OkMessage,
  SessionInfo,
  type CaptchaAnswer,
  type ChangePasswordInput,
  type ForgotPasswordResetInput,
  type ForgotPasswordSendInput,
  type LoginInput,
} from '@cep/contracts';
import { apiRequest } from './client';

/** The identity endpoints (login, session, passwords, slider captcha), typed by the shared contracts. */
export const authApi = {
  captcha: () => apiRequest('/api/auth/captcha', { method: 'POST', body: {}, schema: CaptchaChallenge }),
  verifyCaptcha: (answer: CaptchaAnswer) => apiRequest('/api/auth/captcha/verify', { body: answer, schema: CaptchaPass }),
  login: (input: LoginInput) => apiRequest('/api/auth/login', { body: input, schema: SessionInfo }),
  session: () => apiRequest('/api/auth/session', { schema: SessionInfo }),
  logout: () => apiRequest('/api/auth/logout', { method: 'POST', body: {} }),
  changePassword: (input: ChangePasswordInput) => apiRequest('/api/auth/password/change', { body: input }),
  sendResetCode: (input: ForgotPasswordSendInput) =>
    apiRequest('/api/auth/password/forgot/send-code', { body: input, schema: ForgotPasswordSendResult }),
  resetPassword: (input: ForgotPasswordResetInput) => apiRequest('/api/auth/password/forgot/reset', { body: input }),
  verifyMfa: (code: string) => apiRequest('/api/auth/mfa/verify', { body: { code }, schema: SessionInfo }),
  startMfaEnrollment: () => apiRequest('/api/auth/mfa/enroll', { method: 'POST', body: {}, schema: MfaEnrollment }),
  confirmMfaEnrollment: (code: string) => apiRequest('/api/auth/mfa/enroll/confirm', { body: { code }, schema: MfaEnrolled }),
  /** 重置动态口令 of another admin, by a super admin whose subtree holds them. */
  resetMfa: (personId: string) => apiRequest(`/api/people/${personId}/mfa-reset`, { method: 'POST', body: {}, schema: OkMessage }),
};

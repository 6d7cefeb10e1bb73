import { z } from 'zod';
import { IdNumber } from '../common/id-number';
import { Email, OpaqueToken, Phone } from '../common/paging';
import { Password } from '../common/password';
import { LoginRole, OrgKind, AccountKind } from '../access/roles';
import type { MenuItem } from '../access/menus';

/** A slider puzzle: the piece must be dragged so that its left edge lands on the gap in the background. */
export const CaptchaChallenge = z.object({
  captchaId: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  pieceSize: z.number().int(),
  pieceY: z.number().int(),
  /** PNG data URLs drawn by the server: the gap's position is only in the pixels, nowhere as text. */
  background: z.string(),
  piece: z.string(),
  expiresInSeconds: z.number().int(),
});
export type CaptchaChallenge = z.infer<typeof CaptchaChallenge>;

export const CaptchaAnswer = z.object({
  captchaId: OpaqueToken(64, '滑块验证已过期，请重新验证'),
  x: z.number().min(0).max(1000),
  /** The drag as sampled by the browser: x position and milliseconds since the drag began. */
  trace: z
    .array(z.tuple([z.number(), z.number()]))
    .min(1)
    .max(500),
});
export type CaptchaAnswer = z.infer<typeof CaptchaAnswer>;

export const CaptchaPass = z.object({ captchaToken: z.string() });

/** The single-use token a solved slider earns; every form that checks a password or writes as a stranger needs one. */
export const CaptchaToken = OpaqueToken(128, '请先完成滑块验证');

export const LoginInput = z.object({
  idNumber: IdNumber,
  password: z.string().min(1, { message: '请输入密码' }).max(128),
  role: LoginRole,
  captchaToken: CaptchaToken,
});
export type LoginInput = z.infer<typeof LoginInput>;

export const MfaStep = z.enum(['verify', 'enroll']);
export type MfaStep = z.infer<typeof MfaStep>;

export const SessionAccount = z.object({
  accountId: z.string(),
  kind: AccountKind,
  role: LoginRole,
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  orgKind: OrgKind.nullable(),
  isSuperAdmin: z.boolean(),
});

export const SessionInfo = z.object({
  person: z.object({ personId: z.string(), name: z.string(), idNumberMasked: z.string() }),
  account: SessionAccount,
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  /**
   * An admin's second factor still to do after the password: 'verify' a code, or 'enroll' an authenticator
   * first. Until it is done the session has no permissions and every other route answers MFA_REQUIRED.
   */
  mfaStep: MfaStep.nullable(),
  idleTimeoutSeconds: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export type { MenuItem };

export const ChangePasswordInput = z.object({
  oldPassword: z.string().min(1, { message: '请输入原密码' }).max(128),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const ContactChannel = z.enum(['phone', 'email']);

export const ForgotPasswordSendInput = z.object({
  idNumber: IdNumber,
  channel: ContactChannel,
  contact: z.string().trim().min(3, { message: '请输入注册时的手机号或邮箱' }).max(100),
  captchaToken: CaptchaToken,
});
export type ForgotPasswordSendInput = z.infer<typeof ForgotPasswordSendInput>;

export const ForgotPasswordResetInput = z.object({
  idNumber: IdNumber,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: '请输入6位验证码' }),
  newPassword: Password,
});
export type ForgotPasswordResetInput = z.infer<typeof ForgotPasswordResetInput>;

export const AdminResetResult = z.object({
  ok: z.literal(true),
  expiresAt: z.string(),
  message: z.string(),
  /** The random one-time password, shown once, when the profile chose it over the ID's last six characters. */
  temporaryPassword: z.string().nullable(),
});
export type AdminResetResult = z.infer<typeof AdminResetResult>;

export const ForgotPasswordSendResult = z.object({
  ok: z.literal(true),
  /** Where the code went, masked (138****1234 / ab***@example.com). */
  destinationMasked: z.string(),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});
export type ForgotPasswordSendResult = z.infer<typeof ForgotPasswordSendResult>;

/** A code from the authenticator (6 digits) or one of the recovery codes (xxxx-xxxx). */
export const MfaCodeInput = z.object({
  code: z
    .string({ error: '请输入动态口令' })
    .trim()
    .regex(/^(\d{6}|[a-z2-9]{4}-?[a-z2-9]{4})$/i, { message: '请输入身份验证器上的6位数字，或一个恢复码' }),
});
export type MfaCodeInput = z.infer<typeof MfaCodeInput>;

/** 绑定动态口令, step 1: the new secret as a QR code and as text for typing into the authenticator. */
export const MfaEnrollment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrCode: z.string() });
export type MfaEnrollment = z.infer<typeof MfaEnrollment>;

/** 绑定动态口令, step 2 done: the recovery codes, shown this once, and the now complete session. */
export const MfaEnrolled = z.object({ recoveryCodes: z.array(z.string()), session: SessionInfo });
export type MfaEnrolled = z.infer<typeof MfaEnrolled>;

/** 基本信息修改: a new phone or e-mail, confirmed by a code sent to it before it replaces the old one. */
export const NewContact = z.discriminatedUnion(
  'channel',
  [z.object({ channel: z.literal('phone'), destination: Phone }), z.object({ channel: z.literal('email'), destination: Email })],
  { error: '请选择修改手机号或邮箱' },
);
export type NewContact = z.infer<typeof NewContact>;
export const ContactChangeInput = z.intersection(
  NewContact,
  z.object({
    code: z
      .string({ error: '请输入6位验证码' })
      .trim()
      .regex(/^\d{6}$/, { message: '请输入6位验证码' }),
  }),
);
export type ContactChangeInput = z.infer<typeof ContactChangeInput>;

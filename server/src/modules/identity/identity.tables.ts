import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One slider challenge; after a passing answer it also holds the (hashed) single-use token it earned. */
export interface CaptchaTable {
  id: string;
  targetX: number;
  pieceY: number;
  ip: string | null;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  /** Set by the one verify attempt a challenge allows, right or wrong. */
  answeredAt: Timestamp | null;
  tokenHash: string | null;
  tokenExpiresAt: Timestamp | null;
  usedAt: Timestamp | null;
}

/** Failed-login counter per HMAC(secret, submitted ID number [+ source IP]): exists whether or not the person does. */
export interface LoginThrottleTable {
  key: string;
  /** The login ID's own key, also on its per-source rows, so that a reset clears every counter of the ID. */
  subjectKey: string;
  failureCount: number;
  windowStartedAt: Timestamp;
  lockedUntil: Timestamp | null;
  updatedAt: Timestamp;
}

/** Fixed one-minute windows of requests per (bucket, key), shared by every server process. */
export interface RateLimitHitTable {
  bucket: string;
  key: string;
  windowStart: Timestamp;
  hits: number;
}

/** What a code is for: 忘记密码, or confirming a new phone or e-mail (基本信息修改). */
export type CodePurpose = 'password_reset' | 'contact_change';

/** A 6-digit code sent to a person's phone or e-mail; only its HMAC is stored (a contact change's binds the new contact). */
export interface VerificationCodeTable {
  id: Generated<string>;
  personId: string;
  purpose: CodePurpose;
  channel: 'sms' | 'email';
  codeHash: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  attempts: Generated<number>;
  consumedAt: Timestamp | null;
}

/** An admin's authenticator (TOTP): the secret, encrypted; confirmed once a first code matched; the last step used. */
export interface PersonMfaTable {
  personId: string;
  secretEnc: string;
  confirmedAt: Timestamp | null;
  /** The 30-second step of the last accepted code: a code of that step or an earlier one is a replay. */
  lastUsedStep: Generated<number>;
  createdAt: Timestamp;
}

/** One of the ten recovery codes shown once at enrolment; only its HMAC is kept. */
export interface MfaRecoveryCodeTable {
  id: Generated<string>;
  personId: string;
  codeHash: string;
  usedAt: Timestamp | null;
}

export interface IdentityTables {
  personMfa: PersonMfaTable;
  mfaRecoveryCode: MfaRecoveryCodeTable;
  captcha: CaptchaTable;
  loginThrottle: LoginThrottleTable;
  rateLimitHit: RateLimitHitTable;
  verificationCode: VerificationCodeTable;
}

declare module '../../platform/db/schema' {
  interface Database extends IdentityTables {}
}

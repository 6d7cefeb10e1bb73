import { defaultErrorMessages, type AppErrorCode } from '@cep/contracts';

const statusByCode: Record<AppErrorCode, number> = {
  VALIDATION_FAILED: 400,
  CAPTCHA_INVALID: 400,
  PASSWORD_POLICY: 400,
  CODE_INVALID: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  ACCOUNT_NOT_FOUND: 401,
  WRONG_PASSWORD: 401,
  ROLE_NOT_REGISTERED: 403,
  ACCOUNT_UNDER_REVIEW: 403,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  MFA_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 429,
  INTERNAL: 500,
};

/** The one error type of the server: a stable code, a message written for the user, optional details. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: AppErrorCode, message?: string, options: { details?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    super(message ?? defaultErrorMessages[code]);
    this.code = code;
    this.status = statusByCode[code];
    this.details = options.details;
    this.headers = options.headers;
  }
}

export const notFound = (message?: string) => new AppError('NOT_FOUND', message);

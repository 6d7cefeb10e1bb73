import { z } from 'zod';

/** The closed list of error codes the API returns; each maps to one HTTP status on the server. */
export const AppErrorCode = z.enum([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'MFA_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CAPTCHA_INVALID',
  'ACCOUNT_NOT_FOUND',
  'ROLE_NOT_REGISTERED',
  'ACCOUNT_UNDER_REVIEW',
  'ACCOUNT_DISABLED',
  'WRONG_PASSWORD',
  'ACCOUNT_LOCKED',
  'PASSWORD_POLICY',
  'CODE_INVALID',
  'ALREADY_EXISTS',
  'INVALID_STATE',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
]);
export type AppErrorCode = z.infer<typeof AppErrorCode>;

export const ErrorBody = z.object({
  code: AppErrorCode,
  message: z.string(),
  requestId: z.string().optional(),
  /** Extra, code-specific facts the UI may use (e.g. the reviewing org, a retry delay). */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const defaultErrorMessages: Record<AppErrorCode, string> = {
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已超时，请重新登录',
  PASSWORD_CHANGE_REQUIRED: '您的密码已被重置，请先修改密码',
  MFA_REQUIRED: '管理员账号须先完成动态口令验证',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '记录不存在或您无权查看',
  CONFLICT: '该记录已被他人处理，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  CAPTCHA_INVALID: '滑块验证失败，请重新验证',
  ACCOUNT_NOT_FOUND: '您的账号不存在，请核对是否输入有误！若未注册，可点此立即注册。',
  ROLE_NOT_REGISTERED: '您选择的登录角色未注册，请选择正确的登录角色！',
  ACCOUNT_UNDER_REVIEW: '您的账号正在审核中，审核通过才可登录平台。可点此查看审核部门',
  ACCOUNT_DISABLED: '您的账号已被停用，请联系上级审核部门',
  WRONG_PASSWORD: '密码错误请重新输入，若忘记登录密码，可点此找回密码。',
  ACCOUNT_LOCKED: '密码错误次数过多，账号已锁定15分钟，请稍后再试或通过“忘记密码”找回',
  PASSWORD_POLICY: '请输入8~20位带数字和英文字母的密码，请勿输入纯数字或纯字母',
  CODE_INVALID: '验证码错误或已过期',
  ALREADY_EXISTS: '该记录已存在',
  INVALID_STATE: '当前状态不允许此操作',
  PAYLOAD_TOO_LARGE: '提交的数据过大',
  INTERNAL: '系统繁忙，请稍后再试',
};

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const Env = z.object({
  PORT: z.coerce.number().int().default(3000),
  HOST: z.string().default('localhost'),
  DATABASE_URL: z.string().optional(),
  /** The schema owner, for migrations only; the platform then runs as DATABASE_URL's role (docs/OPERATIONS.md). */
  DATABASE_OWNER_URL: z.string().optional(),
  DATA_DIR: z.string().optional(),
  /** Where the public reaches the platform: the verification link printed as a certificate's QR code. */
  PUBLIC_URL: z.url().optional(),
  PROFILE: z.enum(['henan', 'shandong']).default('henan'),
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
  SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Behind TLS: a request that came over plain HTTP is redirected (301) to HTTPS. */
  HTTPS_ONLY: z.enum(['true', 'false']).default('false'),
  /** /api/docs and /api/openapi.json: for signed-in admins (default) or switched off. */
  API_DOCS: z.enum(['admins', 'off']).default('admins'),
  /** Overrides the profile's adminResetPassword for this deployment (a province's 测评 may ask for it). */
  ADMIN_RESET_PASSWORD: z.enum(['idLastSix', 'random']).optional(),
  /** How long a process may answer a session from memory (platform/auth/session-cache.ts); 0 turns it off. */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  /** The platform's public address (no trailing slash), e.g. https://jxjy.example.gov.cn. */
  publicUrl: string;
  profile: 'henan' | 'shandong';
  demoData: 'auto' | 'on' | 'off';
  logLevel: string;
  secureCookies: boolean;
  trustProxy: boolean;
  httpsOnly: boolean;
  apiDocs: 'admins' | 'off';
  session: { idleMinutes: number; absoluteHours: number; cacheSeconds: number };
  /** maxFailures per ID from one address; maxFailuresPerAccount per ID from all addresses together. */
  lockout: { maxFailures: number; maxFailuresPerAccount: number; windowMinutes: number; lockMinutes: number };
  rateLimits: { loginPerIpPerMinute: number; captchaPerIpPerMinute: number };
  adminResetHours: number;
  /** Set: overrides the profile's choice of what 重置密码 sets. */
  adminResetPassword: 'idLastSix' | 'random' | undefined;
};

/** Reads the environment once at boot; a bad value stops the process with the variable's name. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`配置错误: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    databaseOwnerUrl: e.DATABASE_OWNER_URL || undefined,
    dataDir: e.DATA_DIR ? path.resolve(e.DATA_DIR) : path.join(repoRoot, 'data'),
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    profile: e.PROFILE,
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.SECURE_COOKIES === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    httpsOnly: e.HTTPS_ONLY === 'true',
    apiDocs: e.API_DOCS,
    session: { idleMinutes: 30, absoluteHours: 12, cacheSeconds: e.SESSION_CACHE_SECONDS },
    lockout: { maxFailures: 5, maxFailuresPerAccount: 20, windowMinutes: 15, lockMinutes: 15 },
    rateLimits: { loginPerIpPerMinute: 30, captchaPerIpPerMinute: 30 },
    adminResetHours: 24,
    adminResetPassword: e.ADMIN_RESET_PASSWORD,
  };
};

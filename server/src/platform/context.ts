import type { Config } from '../config';
import type { Db } from './db/database';
import type { Clock } from './clock';
import type { Notifier } from './notify/notifier';
import type { JobRunner } from './jobs/jobs';

/** What every module's routes and services are built from; assembled once in main.ts (or by the test harness). */
export type AppContext = {
  db: Db;
  config: Config;
  clock: Clock;
  notifier: Notifier;
  /** Server-side secret for HMAC keys (lockout counters, captcha tokens); stored in platform_setting. */
  secret: string;
  /** Background work (batch imports); started by main.ts, and by the tests that need it. */
  jobs: JobRunner;
};

import type { AppContext } from '../platform/context';
import { hashPassword } from '../platform/auth/passwords';
import { demoIdNumber } from './demo-ids';
import { bindDemoAuthenticator } from '../modules/identity';
import { createAccount, createPerson } from '../modules/people';
import { ensureRegistrationDemo, registrationDemoLogins } from './demo-registrations';
import { ensureNoticeDemo } from './demo-notices';
import { ensureClaimDemo, ensureHistoryDemo } from './demo-claims';
import { ensureProviderDemo, ensureTrainingDemo } from './demo-training';
import { ensureSyncDemo } from './demo-sync';
import { ensurePeopleDemo } from './demo-people';

export const DEMO_PASSWORD = 'Demo@2026a';
/**
 * The authenticator secret every demo admin is bound to, printed at start so that whoever tries the demo
 * can add it to an authenticator app (or run `npm run -s demo:otp`). Demo data only, like the password.
 */
export const DEMO_TOTP_SECRET = 'CEPDEMOKEYHENANSHANDONGTOTPSECRE';

export type DemoLogin = { role: string; label: string; idNumber: string; org: string };

/**
 * Demo data for `npm start`: a super admin for every provisioned HR bureau and the platform org, then the
 * registrations, the authenticators and the bureaus' notices.
 * Idempotent: runs once per database (marked in platform_setting).
 */
export const loadDemoData = async (ctx: AppContext): Promise<DemoLogin[]> => {
  const { db } = ctx;
  const done = await db.selectFrom('platformSetting').select('value').where('key', '=', 'demo_loaded').executeTakeFirst();
  if (!done) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.transaction().execute(async (tx) => {
      const orgs = await tx
        .selectFrom('org')
        .select(['id', 'name', 'regionCode', 'kind'])
        .where('kind', 'in', ['hrBureau', 'platform'])
        .orderBy('regionCode')
        .execute();
      let sequence = 100;
      for (const org of orgs) {
        const idNumber = demoIdNumber(org.regionCode, org.kind === 'platform' ? '1990-01-01' : '1980-01-01', sequence++);
        const name = org.kind === 'platform' ? '平台运维' : `${org.name.replace(/人力资源和社会保障(厅|局)$/, '')}人社管理员`;
        const personId = await createPerson(tx, { idNumber, name, phone: null, email: null, passwordHash });
        await createAccount(tx, { personId, kind: 'admin', orgId: org.id, isSuperAdmin: true, status: 'active' });
      }
      await tx.insertInto('platformSetting').values({ key: 'demo_loaded', value: new Date().toISOString() }).execute();
    });
  }
  const registered = await ensureRegistrationDemo(ctx, DEMO_PASSWORD, hashPassword);
  await bindDemoAuthenticators(ctx);
  await ensureNoticeDemo(ctx);
  await ensureClaimDemo(ctx, registered.professional);
  await ensureHistoryDemo(ctx, registered.professional);
  await ensureSyncDemo(ctx, registered.professional);
  await ensureTrainingDemo(ctx, registered.professional);
  await ensureProviderDemo(ctx, registered);
  await ensurePeopleDemo(ctx, registered.professional);
  return [...(await listDemoLogins(ctx)), ...(await registrationDemoLogins(ctx, registered))];
};

/** Once per database: every admin of the demo gets the printed authenticator secret, so the demo needs no phone. */
const bindDemoAuthenticators = async (ctx: AppContext) => {
  const done = await ctx.db.selectFrom('platformSetting').select('value').where('key', '=', 'demo_authenticators').executeTakeFirst();
  if (done) return;
  await ctx.db.transaction().execute(async (tx) => {
    const admins = await tx.selectFrom('account').select('personId').distinct().where('kind', '=', 'admin').execute();
    for (const { personId } of admins) await bindDemoAuthenticator(ctx, tx, personId, DEMO_TOTP_SECRET);
    await tx.insertInto('platformSetting').values({ key: 'demo_authenticators', value: new Date().toISOString() }).execute();
  });
};

/** The logins printed at start: the province bureau, the first city and county bureau, and platform ops. */
export const listDemoLogins = async ({ db }: AppContext): Promise<DemoLogin[]> => {
  const rows = await db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select(['p.idNumber', 'o.name as org', 'o.kind', 'o.bureauLevel'])
    .where('a.isSuperAdmin', '=', true)
    .where('o.kind', 'in', ['hrBureau', 'platform'])
    .orderBy('o.regionCode')
    .execute();
  const pick = (level: string | null, kind = 'hrBureau') => rows.find((r) => r.kind === kind && (level === null || r.bureauLevel === level));
  return [
    { row: pick('province'), label: '省人社厅管理员', role: 'hrBureau' },
    { row: pick('city'), label: '市人社局管理员', role: 'hrBureau' },
    { row: pick('county'), label: '区县人社局管理员', role: 'hrBureau' },
    { row: pick(null, 'platform'), label: '平台运维', role: 'platform' },
  ]
    .filter((x) => x.row)
    .map(({ row, label, role }) => ({ role, label, idNumber: row!.idNumber, org: row!.org }));
};

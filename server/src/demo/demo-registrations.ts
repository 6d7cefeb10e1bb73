import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { decideRequest } from '../modules/reviews';
import { registerOrg, registerProfessional, type RegistrationCall } from '../modules/registration';
import { DEMO_ORIGIN, superAdminActor } from './demo-actor';
import { DEMO_ORGS, DEMO_PROFESSIONALS, demoApplicant, demoCreditCode, type DemoOrgSpec } from './demo-registrations.data';

const DAY_MS = 86_400_000;
const CITY_COUNT = 3;

type Receipt = { requestId: string; reviewer: { orgId: string } };

const actors = new Map<string, Promise<Actor>>();

const approve = async (ctx: AppContext, receipt: Receipt) => {
  const key = receipt.reviewer.orgId;
  if (!actors.has(key)) actors.set(key, superAdminActor(ctx, key));
  const actor = await actors.get(key)!;
  await decideRequest({ ctx, actor, requestId: receipt.requestId, version: 1, decision: 'approve', origin: DEMO_ORIGIN });
  return (await ctx.db.selectFrom('request').select('subjectOrgId').where('id', '=', receipt.requestId).executeTakeFirstOrThrow()).subjectOrgId;
};

type City = { code: string; name: string; countyCode: string; countyName: string };

const demoCities = async (ctx: AppContext): Promise<City[]> => {
  const cities = await ctx.db.selectFrom('region').select(['code', 'name']).where('level', '=', 'city').orderBy('code').limit(CITY_COUNT).execute();
  const out: City[] = [];
  for (const city of cities) {
    const county = await ctx.db.selectFrom('region').select(['code', 'name']).where('parentCode', '=', city.code).orderBy('code').executeTakeFirst();
    if (county) out.push({ code: city.code, name: city.name, countyCode: county.code, countyName: county.name });
  }
  return out;
};

type Run = { call: RegistrationCall; backdated: RegistrationCall; password: string };

const registerDemoOrg = async (run: Run, city: City, spec: DemoOrgSpec, ids: Map<string, string>) => {
  const regionCode = spec.region === 'city' ? city.code : city.countyCode;
  const input = {
    applicant: demoApplicant(regionCode, run.password),
    orgName: spec.name(city.name, city.countyName),
    creditCode: demoCreditCode(regionCode, spec.codePrefix),
    nature: spec.nature,
    orgLevel: spec.orgLevel,
    industry: spec.industry,
    orgPhone: `0371-6${String(ids.size + 1000000).slice(-7)}`,
    address: `${city.name}${city.countyName}人民路${ids.size + 1}号`,
    regionCode,
    authorityId: spec.authority ? ids.get(spec.authority) : undefined,
    parentOrgId: spec.parent ? ids.get(spec.parent) : undefined,
  };
  const receipt = await registerOrg(spec.pending ? run.backdated : run.call, spec.kind, input);
  if (!spec.pending) ids.set(spec.key, await approve(run.call.ctx, receipt));
  return input.applicant;
};

const registerDemoProfessionals = async (run: Run, city: City, ids: Map<string, string>) => {
  const first: Array<{ idNumber: string; org: string }> = [];
  for (const [key, spec] of Object.entries(DEMO_PROFESSIONALS)) {
    for (let i = 0; i < spec.count; i++) {
      const pending = i >= spec.count - spec.pending;
      const input = {
        applicant: demoApplicant(city.countyCode, run.password),
        employerId: ids.get(key)!,
        titleSeries: spec.series,
        titleLevel: spec.level as 'intermediate',
        major: spec.major,
        titleObtainedOn: `20${10 + i}-09-01`,
      };
      const receipt = await registerProfessional(pending ? run.backdated : run.call, input);
      if (!pending) await approve(run.call.ctx, receipt);
      if (!pending && first.length === 0) first.push({ idNumber: input.applicant.idNumber, org: key });
    }
  }
  return first[0];
};

/** `provider` is missing from a database loaded before providers had a demo login. */
export type DemoRegistrationLogins = { authority: string; employer: string; professional: string; provider?: string };

/**
 * The demo province's registered side, built through the registration service and the review engine:
 * per city two authorities, employers (a hospital with a 二级单位, a school, a company), two providers and
 * professionals, most approved and some left waiting in the province, city, county, authority and employer queues.
 */
export const loadRegistrationDemo = async (ctx: AppContext, password: string, passwordHash: string): Promise<DemoRegistrationLogins> => {
  actors.clear();
  const internal = { hashPassword: async (p: string) => (p === password ? passwordHash : Promise.reject(new Error('demo password only'))) };
  const fiveDaysAgo = { ...ctx, clock: { now: () => new Date(ctx.clock.now().getTime() - 5 * DAY_MS) } };
  const run: Run = { call: { ctx, origin: DEMO_ORIGIN, internal }, backdated: { ctx: fiveDaysAgo, origin: DEMO_ORIGIN, internal }, password };
  const logins: Partial<DemoRegistrationLogins> = {};
  for (const city of await demoCities(ctx)) {
    const ids = new Map<string, string>();
    for (const spec of DEMO_ORGS) {
      const applicant = await registerDemoOrg(run, city, spec, ids);
      if (spec.key === 'health') logins.authority ??= applicant.idNumber;
      if (spec.key === 'hospital') logins.employer ??= applicant.idNumber;
      if (spec.key === 'base') logins.provider ??= applicant.idNumber;
    }
    const professional = await registerDemoProfessionals(run, city, ids);
    logins.professional ??= professional?.idNumber;
  }
  const province = await ctx.db.selectFrom('region').select(['code', 'name']).where('level', '=', 'province').executeTakeFirstOrThrow();
  const provincial: DemoOrgSpec = {
    ...DEMO_ORGS[0]!,
    key: 'provinceHealth',
    name: () => `${province.name}卫生健康委员会`,
    orgLevel: 'ministerial',
    pending: true,
  };
  await registerDemoOrg(run, { code: province.code, name: province.name, countyCode: province.code, countyName: '' }, provincial, new Map());
  return logins as DemoRegistrationLogins;
};

const MARKER = 'demo_registrations_loaded';

/** Loads the registration demo once per database (its own marker) and returns the logins to print. */
export const ensureRegistrationDemo = async (ctx: AppContext, password: string, hash: (p: string) => Promise<string>) => {
  const done = await ctx.db.selectFrom('platformSetting').select('value').where('key', '=', MARKER).executeTakeFirst();
  if (done) return JSON.parse(done.value) as DemoRegistrationLogins;
  const logins = await loadRegistrationDemo(ctx, password, await hash(password));
  await ctx.db
    .insertInto('platformSetting')
    .values({ key: MARKER, value: JSON.stringify(logins) })
    .execute();
  return logins;
};

/** The three demo logins of the registered side, as main.ts prints them. */
export const registrationDemoLogins = async (ctx: AppContext, logins: DemoRegistrationLogins) => {
  const orgOf = async (idNumber: string, kind: 'professional' | 'admin') =>
    (
      await ctx.db
        .selectFrom('account as a')
        .innerJoin('person as p', 'p.id', 'a.personId')
        .innerJoin('org as o', 'o.id', 'a.orgId')
        .select('o.name')
        .where('p.idNumber', '=', idNumber)
        .where('a.kind', '=', kind)
        .where('a.status', '=', 'active')
        .executeTakeFirst()
    )?.name ?? '';
  return [
    { role: 'authority', label: '主管部门管理员', idNumber: logins.authority, org: await orgOf(logins.authority, 'admin') },
    { role: 'employer', label: '用人单位管理员', idNumber: logins.employer, org: await orgOf(logins.employer, 'admin') },
    { role: 'professional', label: '专业技术人员', idNumber: logins.professional, org: await orgOf(logins.professional, 'professional') },
    ...(logins.provider
      ? [{ role: 'provider', label: '继续教育机构管理员', idNumber: logins.provider, org: await orgOf(logins.provider, 'admin') }]
      : []),
  ];
};

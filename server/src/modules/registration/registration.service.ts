import {
  ACCOUNT_EXISTS_MESSAGE,
  PROFESSIONAL_EXISTS_MESSAGE,
  registrationRequestKinds,
  type AuthorityRegistrationInput,
  type EmployerRegistrationInput,
  type ProfessionalRegistrationInput,
  type ProviderRegistrationInput,
  type RegistrationReceipt,
  personFactsOf,
} from '@cep/contracts';
import { industryByCode, loadProfile, majorByCode, orgLevelByCode, orgNatureByCode, titleSeriesByCode } from '@cep/profiles';
import type { AppContext } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/database';
import type { AuditOrigin } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { submitRequest } from '../reviews';
import { createAccount, createProfessionalProfile } from '../people';
import { createOrg } from '../organizations';
import { consumeCaptchaToken, hitRateLimit } from '../identity';
import { applyPersonPlan, planPerson, type PersonPlan } from './registration.person';
import * as repo from './registration.repository';
import { CREDIT_CODE_TAKEN_MESSAGE, duplicateRefusal, superiorRefusal, superiorSlotOf, type SuperiorSlot } from './registration.policy';
import { presentOrgFields, presentProfessionalFields, presentReceipt } from './registration.presenter';
import type { RegistrationPayload } from './registration.workflow';

/**
 * A registration call: from the portal with the slider's token, or `internal` for the server's own callers
 * (demo data, benches): no per-IP limit, no captcha, and a password hasher they may memoize, since argon2
 * is deliberately slow.
 */
export type RegistrationCall = {
  ctx: AppContext;
  origin: AuditOrigin;
  captchaToken?: string;
  internal?: { hashPassword: (password: string) => Promise<string> };
};

const limitPerIp = async (call: RegistrationCall) => {
  if (call.internal) return;
  await hitRateLimit(call.ctx, { bucket: 'registration', key: call.origin.ip ?? '', limit: REGISTRATIONS_PER_IP_PER_MINUTE, origin: call.origin });
};

/**
 * Spends the slider token once the form's own facts are checked (a wrong superior does not cost a new
 * slider) and before any account is looked up by ID number or any password is checked (SECURITY.md T1e).
 */
const spendCaptcha = async (call: RegistrationCall) => {
  if (call.internal) return;
  if (!(await consumeCaptchaToken(call.ctx, call.captchaToken))) throw new AppError('CAPTCHA_INVALID');
};
type OrgRole = 'authority' | 'employer' | 'provider';
/** A form as the service takes it: the captcha token travels in the call. */
type Form<T> = Omit<T, 'captchaToken'>;
type OrgInput = Form<AuthorityRegistrationInput> & { authorityId?: string | undefined; parentOrgId?: string | undefined };

export const REGISTRATIONS_PER_IP_PER_MINUTE = 30;

const catalogName = (found: { name: string } | undefined, label: string, field: string) => {
  if (!found) throw new AppError('VALIDATION_FAILED', `请选择${label}`, { details: { field } });
  return found.name;
};

/** A chosen org that must be active and of the slot's kind; refused with the slot's Chinese message. */
const requireChosen = async (db: DbOrTx, slot: SuperiorSlot, orgId: string) => {
  const org = await repo.findOrg(db, orgId);
  const refusal = superiorRefusal(slot, org);
  if (refusal) throw refusal;
  return org!;
};

/** The reviewing superior of an org registration, every chosen org checked (seed 000 #11, seed 004 cases 1-3). */
const resolveSuperior = async (db: DbOrTx, role: OrgRole, input: OrgInput) => {
  const region = await repo.findRegion(db, input.regionCode);
  if (!region) throw new AppError('VALIDATION_FAILED', '所选地区不在本省范围内，请重新选择', { details: { field: 'regionCode' } });
  const authority = role !== 'authority' && input.authorityId ? await requireChosen(db, 'authority', input.authorityId) : null;
  const slot = superiorSlotOf(role, input);
  if (slot === 'parent') return { superior: await requireChosen(db, 'parent', input.parentOrgId!), authority };
  if (slot === 'authority') return { superior: authority!, authority };
  const bureau = await repo.findBureauOfRegion(db, region.code);
  const refusal = superiorRefusal('peerBureau', bureau);
  if (refusal) throw refusal;
  return { superior: bureau!, authority };
};

/** Runs a registration's transaction; a duplicate that slipped past the checks meets a unique index and says so. */
const inRegistrationTx = async <T>(ctx: AppContext, work: (tx: Tx) => Promise<T>): Promise<T> => {
  try {
    return await ctx.db.transaction().execute(work);
  } catch (error) {
    const pg = error as { code?: string; constraint?: string };
    const refusal = pg.code === '23505' ? duplicateRefusal(pg.constraint, ACCOUNT_EXISTS_MESSAGE, PROFESSIONAL_EXISTS_MESSAGE) : null;
    throw refusal ?? error;
  }
};

const submit = (call: RegistrationCall, tx: Tx, personId: string, payload: RegistrationPayload) =>
  submitRequest({
    ctx: call.ctx,
    tx,
    kind: registrationRequestKinds[payload.role],
    applicant: { personId, accountId: null },
    payload,
    origin: call.origin,
  });

type OrgNames = { natureName: string; orgLevelName: string; industryName: string };

const orgCatalogNames = (ctx: AppContext, input: OrgInput): OrgNames => {
  const profile = loadProfile(ctx.config.profile);
  return {
    natureName: catalogName(orgNatureByCode(profile, input.nature), '单位性质', 'nature'),
    orgLevelName: catalogName(orgLevelByCode(profile, input.orgLevel), '单位级别', 'orgLevel'),
    industryName: catalogName(industryByCode(profile, input.industry), '所属行业', 'industry'),
  };
};

/** The rows of an org registration and its request, inside the registration's transaction. */
const createOrgRegistration = async (call: RegistrationCall, tx: Tx, job: { role: OrgRole; input: OrgInput; plan: PersonPlan; names: OrgNames }) => {
  const { role, input } = job;
  const now = call.ctx.clock.now();
  const { superior, authority } = await resolveSuperior(tx, role, input);
  const person = await applyPersonPlan(tx, job.plan, now);
  const org = {
    kind: role,
    name: input.orgName,
    creditCode: input.creditCode,
    nature: input.nature,
    orgLevel: input.orgLevel,
    industry: input.industry,
  };
  const details = {
    ...org,
    address: input.address,
    phone: input.orgPhone,
    email: null,
    contactName: person.name,
    regionCode: superior.regionCode,
    status: 'pending',
  } as const;
  const { id: orgId } = await createOrg(tx, details, superior, now);
  const accountId = await createAccount(tx, { personId: person.personId, kind: 'admin', orgId, status: 'pending', isSuperAdmin: true, now });
  const fields = presentOrgFields({
    ...input,
    ...job.names,
    regionName: superior.regionName,
    superiorName: superior.name,
    authorityName: authority?.name ?? null,
    adminName: person.name,
    idNumber: input.applicant.idNumber,
    phone: person.phone,
  });
  const payload: RegistrationPayload = {
    role,
    personId: person.personId,
    accountId,
    orgId,
    subjectOrgId: orgId,
    superiorId: superior.id,
    title: input.orgName,
    searchText: `${input.orgName} ${input.creditCode}`,
    fields,
  };
  const request = await submit(call, tx, person.personId, payload);
  return presentReceipt(role, request.id, superior);
};

/**
 * 主管部门 / 用人单位 / 继续教育机构 registration: the person (new, or verified with '已是本系统用户'), the
 * pending org under its superior, its pending super admin and the review request, in one transaction.
 */
export const registerOrg = async (call: RegistrationCall, role: OrgRole, input: OrgInput): Promise<RegistrationReceipt> => {
  const { ctx } = call;
  await limitPerIp(call);
  const names = orgCatalogNames(ctx, input);
  await resolveSuperior(ctx.db, role, input);
  if (await repo.isCreditCodeTaken(ctx.db, input.creditCode))
    throw new AppError('ALREADY_EXISTS', CREDIT_CODE_TAKEN_MESSAGE, { details: { field: 'creditCode' } });
  await spendCaptcha(call);
  const plan = await planPerson(ctx, input.applicant, role, call.origin, call.internal?.hashPassword);
  return inRegistrationTx(ctx, (tx) => createOrgRegistration(call, tx, { role, input, plan, names }));
};

export const registerAuthority = (call: RegistrationCall, input: Form<AuthorityRegistrationInput>) => registerOrg(call, 'authority', input);
export const registerEmployer = (call: RegistrationCall, input: Form<EmployerRegistrationInput>) => registerOrg(call, 'employer', input);
export const registerProvider = (call: RegistrationCall, input: Form<ProviderRegistrationInput>) => registerOrg(call, 'provider', input);

const professionalNames = (ctx: AppContext, input: Form<ProfessionalRegistrationInput>) => {
  const profile = loadProfile(ctx.config.profile);
  return {
    titleSeriesName: catalogName(titleSeriesByCode(profile, input.titleSeries), '职称系列', 'titleSeries'),
    majorName: catalogName(majorByCode(profile, input.major), '所学专业', 'major'),
  };
};

/** The rows of a professional registration and its request, inside the registration's transaction. */
const createProfessionalRegistration = async (
  call: RegistrationCall,
  tx: Tx,
  job: { input: Form<ProfessionalRegistrationInput>; plan: PersonPlan; names: ReturnType<typeof professionalNames> },
) => {
  const { input } = job;
  const now = call.ctx.clock.now();
  const employer = await requireChosen(tx, 'employer', input.employerId);
  const person = await applyPersonPlan(tx, job.plan, now);
  const accountId = await createAccount(tx, { personId: person.personId, kind: 'professional', orgId: employer.id, status: 'pending', now });
  const facts = personFactsOf(input.applicant.idNumber);
  const title = { titleSeries: input.titleSeries, titleLevel: input.titleLevel, major: input.major, titleObtainedOn: input.titleObtainedOn ?? null };
  await createProfessionalProfile(tx, { accountId, personId: person.personId, ...title, ...facts, createdAt: now, updatedAt: now });
  const fields = presentProfessionalFields({
    ...job.names,
    ...facts,
    ...title,
    name: person.name,
    idNumber: input.applicant.idNumber,
    phone: person.phone,
    employerName: employer.name,
  });
  const payload: RegistrationPayload = {
    role: 'professional',
    personId: person.personId,
    accountId,
    orgId: null,
    subjectOrgId: employer.id,
    superiorId: employer.id,
    title: `${person.name}（${employer.name}）`,
    searchText: person.name,
    fields,
  };
  const request = await submit(call, tx, person.personId, payload);
  return presentReceipt('professional', request.id, employer);
};

/** 专业技术人员 registration under an active employer (placeholder employers included), reviewed by that employer. */
export const registerProfessional = async (call: RegistrationCall, input: Form<ProfessionalRegistrationInput>): Promise<RegistrationReceipt> => {
  const { ctx } = call;
  await limitPerIp(call);
  const names = professionalNames(ctx, input);
  await requireChosen(ctx.db, 'employer', input.employerId);
  await spendCaptcha(call);
  const plan = await planPerson(ctx, input.applicant, 'professional', call.origin, call.internal?.hashPassword);
  return inRegistrationTx(ctx, (tx) => createProfessionalRegistration(call, tx, { input, plan, names }));
};

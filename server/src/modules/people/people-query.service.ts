import {
  Employment,
  employmentLabels,
  maskIdNumber,
  maskPhone,
  type EmploymentInput,
  type PeopleListPage,
  type PeopleQuery,
  type PersonDetails,
} from '@cep/contracts';
import { loadProfile, majorByCode, titleLevelByCode, titleSeriesByCode } from '@cep/profiles';
import type { Actor } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { chinaDay } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors/app-error';
import { auditActorOf } from '../../platform/auth/actor';
import { countByEmployment, findEmployee, findPersonInScope, pagePeople, setEmployment } from './people-query.repository';
import { employerChoices } from './people-import.repository';

/** 专技人员信息查询: the professionals of the admin's scope, 在职 by default, masked, with this year's hours. */
export const listPeople = async (ctx: AppContext, actor: Actor, query: PeopleQuery): Promise<PeopleListPage> => {
  const profile = loadProfile(ctx.config.profile);
  const year = Number(chinaDay(ctx.clock.now()).slice(0, 4));
  const [rows, counted] = await Promise.all([pagePeople(ctx.db, actor, { ...query, year }), countByEmployment(ctx.db, actor, query)]);
  const counts = Object.fromEntries(Employment.options.map((e) => [e, Number(counted.find((c) => c.employment === e)?.n ?? 0)]));
  return {
    page: query.page,
    pageSize: query.pageSize,
    total: counts[query.employment] ?? 0,
    counts: counts as PeopleListPage['counts'],
    items: rows.map((r) => ({
      personId: r.personId,
      name: r.name,
      idNumberMasked: maskIdNumber(r.idNumber),
      employerName: r.employerName,
      titleLabel: `${titleSeriesByCode(profile, r.titleSeries)?.name ?? '—'}（${titleLevelByCode(profile, r.titleLevel)?.name ?? '—'}）`,
      employment: r.employment,
      employmentLabel: employmentLabels[r.employment],
      employmentSince: r.employmentSince,
      thisYear: { year, public: Number(r.publicHours), specialized: Number(r.specializedHours) },
      mayMark: r.orgId === actor.orgId,
      closurePending: r.closurePending,
    })),
  };
};

/**
 * 离职 / 退休 (or back to 在职) by the person's own employer: they leave the active lists and counts, keep their records
 * and their login. Another org's admin, even a superior's, is told the person is not found.
 */
export const markEmployment = async (ctx: AppContext, actor: Actor, personId: string, input: EmploymentInput, origin: AuditOrigin) => {
  const today = chinaDay(ctx.clock.now());
  if (input.since && input.since > today) throw new AppError('VALIDATION_FAILED', '日期不能晚于今天');
  return ctx.db.transaction().execute(async (tx) => {
    const person = await findEmployee(tx, personId);
    if (!person || person.orgId !== actor.orgId) throw notFound('本单位没有该人员');
    if (person.employment === input.employment) throw new AppError('INVALID_STATE', `该人员已是${employmentLabels[input.employment]}状态`);
    const since = input.employment === 'active' ? null : input.since!;
    const changed = await setEmployment(tx, {
      accountId: person.accountId,
      from: person.employment,
      to: input.employment,
      since,
      now: ctx.clock.now(),
    });
    if (!changed) throw new AppError('CONFLICT', '该人员的状态已被他人修改，请刷新后重试');
    await writeAudit(tx, ctx.clock, {
      event: 'PERSON_EMPLOYMENT_CHANGED',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'person', id: personId },
      detail: { from: person.employment, to: input.employment, since },
    });
    const label = employmentLabels[input.employment];
    return {
      ok: true as const,
      message: input.employment === 'active' ? `${person.name}已恢复为在职` : `${person.name}已标记为${label}（${since}）`,
    };
  });
};

/** 详情 of one person of the admin's scope (masked); another branch's is not found. */
export const personDetails = async (ctx: AppContext, actor: Actor, personId: string): Promise<PersonDetails> => {
  const row = await findPersonInScope(ctx.db, actor, personId);
  if (!row) throw notFound('该人员不存在或不在您的管理范围内');
  const profile = loadProfile(ctx.config.profile);
  const nameIn = (items: readonly { code: string; name: string }[], code: string | null) =>
    code ? (items.find((i) => i.code === code)?.name ?? null) : null;
  return {
    personId: row.personId,
    name: row.name,
    idNumberMasked: maskIdNumber(row.idNumber),
    genderLabel: row.gender === 'male' ? '男' : '女',
    birthYear: Number(String(row.birthDate).slice(0, 4)),
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    employerName: row.employerName,
    titleLabel: `${titleSeriesByCode(profile, row.titleSeries)?.name ?? '—'}（${titleLevelByCode(profile, row.titleLevel)?.name ?? '—'}）`,
    titleObtainedOn: row.titleObtainedOn ? String(row.titleObtainedOn).slice(0, 10) : null,
    majorName: majorByCode(profile, row.major)?.name ?? row.major,
    ethnicityName: nameIn(profile.ethnicities, row.ethnicity),
    educationName: nameIn(profile.educations, row.education),
    employment: row.employment,
    employmentLabel: employmentLabels[row.employment],
    employmentSince: row.employmentSince,
    registeredAt: row.createdAt.toISOString(),
    mustChangePassword: row.mustChangePassword,
  };
};

/** The employers of the admin's scope by part of the name: the query's 单位 filter and 批量导入's 导入到单位. */
export const peopleEmployers = async (ctx: AppContext, actor: Actor, keyword?: string) => ({
  items: await employerChoices(ctx.db, actor, keyword || undefined),
});

import {
  employmentLabels,
  maskIdNumber,
  requestStatusLabels,
  type IdentityChangeInput,
  type MyProfile,
  type PlainProfileInput,
  type TitleChangeInput,
} from '@cep/contracts';
import { loadProfile, majorByCode, titleLevelByCode, titleSeriesByCode } from '@cep/profiles';
import type { Actor } from '../../platform/auth/actor';
import { auditActorOf } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { chinaDay } from '../../platform/clock';
import { AppError } from '../../platform/errors/app-error';
import { listMine, submitRequest } from '../reviews';
import { findMyProfile, lastApprovedChange, setMajor } from './profile.repository';
import { IDENTITY_CHANGE_KIND, nextIdentityChangeDay, type IdentityChangePayload } from './identity-change.kind';
import { TITLE_CHANGE_KIND, type TitleChangePayload, type TitleFacts } from './title-change.kind';
import { CLOSURE_KIND } from './closure.kind';

const requireOwnProfile = async (ctx: AppContext, actor: Actor) => {
  if (actor.accountKind !== 'professional') throw new AppError('FORBIDDEN', '请以专业技术人员身份登录');
  const row = await findMyProfile(ctx.db, actor.accountId);
  if (row?.status !== 'active') throw new AppError('FORBIDDEN', '您的账号不可用');
  return row;
};

/** A title as codes and the names the reviewer reads; an unknown code is refused with the field's words. */
const titleFacts = (ctx: AppContext, t: { titleSeries: string; titleLevel: string; titleObtainedOn: string | null }): TitleFacts => {
  const profile = loadProfile(ctx.config.profile);
  const series = titleSeriesByCode(profile, t.titleSeries);
  if (!series) throw new AppError('VALIDATION_FAILED', '请选择职称系列', { details: { field: 'titleSeries' } });
  const level = titleLevelByCode(profile, t.titleLevel);
  if (!level) throw new AppError('VALIDATION_FAILED', '请选择职称等级', { details: { field: 'titleLevel' } });
  const hasTitle = t.titleSeries !== 'none' && t.titleLevel !== 'none';
  return { ...t, titleObtainedOn: hasTitle ? t.titleObtainedOn : null, seriesName: series.name, levelName: level.name };
};

/** The person's open request of a change kind, as the page shows it (with 撤回 while allowed). */
const openChange = async (ctx: AppContext, actor: Actor, kind: string) => {
  const open = (await listMine({ ctx, personId: actor.personId, query: { kind, page: 1, pageSize: 1 } })).items.find(
    (r) => r.status === 'pending' || r.status === 'inReview',
  );
  return open ? { id: open.id, title: open.title, statusLabel: requestStatusLabels[open.status], canWithdraw: open.canWithdraw } : null;
};

/** 用户资料管理 → 基本信息, with the 职称 change waiting for review, if any. */
export const getMyProfile = async (ctx: AppContext, actor: Actor): Promise<MyProfile> => {
  const row = await requireOwnProfile(ctx, actor);
  const profile = loadProfile(ctx.config.profile);
  const [title, identity, closure] = await Promise.all([
    openChange(ctx, actor, TITLE_CHANGE_KIND),
    openChange(ctx, actor, IDENTITY_CHANGE_KIND),
    openChange(ctx, actor, CLOSURE_KIND),
  ]);
  const lastIdentity = await lastApprovedChange(ctx.db, actor.personId, IDENTITY_CHANGE_KIND);
  return {
    name: row.name,
    idNumberMasked: maskIdNumber(row.idNumber),
    gender: row.gender === 'male' ? '男' : '女',
    birthDate: row.birthDate,
    phone: row.phone,
    email: row.email,
    employerName: row.employerName,
    employmentLabel: employmentLabels[row.employment],
    titleSeries: row.titleSeries,
    titleSeriesName: titleSeriesByCode(profile, row.titleSeries)?.name ?? '—',
    titleLevel: row.titleLevel as MyProfile['titleLevel'],
    titleLevelName: titleLevelByCode(profile, row.titleLevel)?.name ?? '—',
    titleObtainedOn: row.titleObtainedOn,
    major: row.major,
    majorName: majorByCode(profile, row.major)?.name ?? '—',
    openTitleChange: title,
    openIdentityChange: identity,
    openClosure: closure,
    identityChangeAllowedFrom: nextIdentityChangeDay(lastIdentity?.decidedAt ?? null, ctx.clock.now()),
  };
};

/** 基本信息修改 of the fields that need no review (所学专业): saved at once, audited. */
export const updatePlainProfile = async (ctx: AppContext, actor: Actor, input: PlainProfileInput, origin: AuditOrigin) => {
  const row = await requireOwnProfile(ctx, actor);
  const major = majorByCode(loadProfile(ctx.config.profile), input.major);
  if (!major) throw new AppError('VALIDATION_FAILED', '请选择所学专业', { details: { field: 'major' } });
  await ctx.db.transaction().execute(async (tx) => {
    await setMajor(tx, row.accountId, input.major, ctx.clock.now());
    await writeAudit(tx, ctx.clock, {
      event: 'PROFILE_UPDATED',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'person', id: actor.personId },
      detail: { fields: ['major'] },
    });
  });
  return { ok: true as const, message: '已保存' };
};

/** 专业技术职务: a request the employer reviews; the title changes when it approves. */
export const requestTitleChange = async (ctx: AppContext, actor: Actor, input: TitleChangeInput, origin: AuditOrigin) => {
  if (input.titleObtainedOn && input.titleObtainedOn > chinaDay(ctx.clock.now())) {
    throw new AppError('VALIDATION_FAILED', '职称取得时间不能晚于今天', { details: { field: 'titleObtainedOn' } });
  }
  const row = await requireOwnProfile(ctx, actor);
  const payload: TitleChangePayload = {
    personId: actor.personId,
    accountId: row.accountId,
    employerId: row.orgId,
    personName: row.name,
    before: titleFacts(ctx, row),
    after: titleFacts(ctx, { ...input, titleObtainedOn: input.titleObtainedOn ?? null }),
  };
  const request = await submitRequest({
    ctx,
    kind: TITLE_CHANGE_KIND,
    applicant: { personId: actor.personId, accountId: actor.accountId },
    payload,
    origin,
  });
  return { id: request.id, status: request.status, message: `职称信息修改已提交，${row.employerName}审核通过后生效` };
};

/** 证件信息修改: the new name or ID number with both sides of the ID card, for the employer and the bureau to review. */
export const requestIdentityChange = async (ctx: AppContext, actor: Actor, input: IdentityChangeInput, origin: AuditOrigin) => {
  const row = await requireOwnProfile(ctx, actor);
  const payload: IdentityChangePayload = {
    personId: actor.personId,
    employerId: row.orgId,
    before: { name: row.name, idNumber: row.idNumber },
    after: { name: input.name ?? row.name, idNumber: input.idNumber ?? row.idNumber },
  };
  const request = await submitRequest({
    ctx,
    kind: IDENTITY_CHANGE_KIND,
    applicant: { personId: actor.personId, accountId: actor.accountId },
    payload,
    origin,
    attachmentIds: input.attachmentIds,
  });
  return { id: request.id, status: request.status, message: '证件信息修改已提交，单位和人社部门审核通过后生效；身份证号修改后请使用新身份证号登录' };
};

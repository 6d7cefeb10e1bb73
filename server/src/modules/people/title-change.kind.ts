import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { defineRequestKind, type RequestKindDefinition } from '../reviews';
import { findOpenChange, setTitleIfUnchanged } from './profile.repository';

/** A title as the request's title shows it; with its date when only the date differs from the other side. */
const titleText = (t: TitleFacts, other: TitleFacts) => {
  const base = `${t.seriesName}（${t.levelName}）`;
  const sameTitle = t.seriesName === other.seriesName && t.levelName === other.levelName;
  return sameTitle && t.titleObtainedOn !== other.titleObtainedOn ? `${base}${t.titleObtainedOn ?? '无取得时间'}` : base;
};

export const TITLE_CHANGE_KIND = 'people.titleChange';

const Title = z.object({
  titleSeries: z.string(),
  titleLevel: z.string(),
  titleObtainedOn: z.string().nullable(),
  seriesName: z.string(),
  levelName: z.string(),
});
export type TitleFacts = z.infer<typeof Title>;

export const TitleChangePayload = z.object({
  personId: z.string(),
  accountId: z.string(),
  employerId: z.string(),
  personName: z.string(),
  before: Title,
  after: Title,
});
export type TitleChangePayload = z.infer<typeof TitleChangePayload>;

const same = (a: TitleFacts, b: TitleFacts) =>
  a.titleSeries === b.titleSeries && a.titleLevel === b.titleLevel && a.titleObtainedOn === b.titleObtainedOn;

/**
 * 人员信息修改 of the 专业技术职务 (seed 001 修改信息 5, 002 FAQ 19, 004 15): the professional saves the new title, their
 * employer reviews it in 审核人员信息修改 (a bureau for the people filed under it) beside the old one; effective on
 * approval, and only over the title it was asked against. One at a time.
 */
export const titleChangeKind = defineRequestKind<TitleChangePayload>({
  kind: TITLE_CHANGE_KIND,
  label: '人员信息修改',
  permission: 'reviews.profileChanges',
  payloadSchema: TitleChangePayload,
  validate: async ({ tx, payload }) => {
    if (same(payload.before, payload.after)) throw new AppError('VALIDATION_FAILED', '职称信息没有变化，无需提交');
    if (await findOpenChange(tx, payload.personId, TITLE_CHANGE_KIND))
      throw new AppError('CONFLICT', '已有职称信息修改在审核中，请等待审核或撤回后再提交');
  },
  route: async ({ payload }) => [payload.employerId],
  summarize: async ({ payload }) => ({
    title: `职称变更：${titleText(payload.before, payload.after)} → ${titleText(payload.after, payload.before)}`,
    subjectOrgId: payload.employerId,
    searchText: `人员信息修改 职称 ${payload.after.seriesName}`,
  }),
  effect: async ({ tx, ctx, request }) => {
    const { accountId, before, after } = request.payload;
    if (!(await setTitleIfUnchanged(tx, { accountId, before, after, now: ctx.clock.now() })))
      throw new AppError('CONFLICT', '该人员的职称信息已变化或账号已不可用，本次修改不能生效，请驳回');
  },
  present: ({ personName, before, after }) => [
    { label: '姓名', value: personName },
    { label: '职称系列', value: after.seriesName, previous: before.seriesName },
    { label: '职称等级', value: after.levelName, previous: before.levelName },
    { label: '职称取得时间', value: after.titleObtainedOn ?? '—', previous: before.titleObtainedOn ?? '—' },
  ],
} satisfies RequestKindDefinition<TitleChangePayload>);

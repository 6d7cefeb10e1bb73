import { z } from 'zod';
import { OptionalText, Text } from '../common/text';
import { LoginRole } from '../access/roles';
import { OpaqueToken, PageQuery, pageOf } from '../common/paging';

const text = (max: number, label: string, multiline = false) => Text({ label, max, multiline });

/** A knowledge-base entry in a path: its id, as the profile's kb.json and the editor make them. */
export const KbEntryParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,80}$/, { message: '条目编号格式不正确' }) });

export const AskAnswer = z.object({ id: z.string(), title: z.string(), answer: z.string(), score: z.number() });
export type AskAnswer = z.infer<typeof AskAnswer>;

export const AskInput = z.object({
  question: text(300, '问题'),
  role: LoginRole.optional(),
  conversationId: OpaqueToken(64).optional(),
});
export type AskInput = z.infer<typeof AskInput>;

/** `answers[0]` is the answer; the rest are "您可能还想问" alternatives. `askId` identifies the ask for feedback. */
export const AskResult = z.object({
  askId: z.string(),
  answerId: z.string().nullable(),
  handoff: z.boolean(),
  confidence: z.number(),
  answers: z.array(AskAnswer),
});
export type AskResult = z.infer<typeof AskResult>;

export const SuggestQuery = z.object({ q: OptionalText({ label: '问题', max: 100 }).transform((v) => v ?? '') });
export const Suggestion = z.object({ entryId: z.string(), text: z.string() });
export const SuggestResult = z.object({ items: z.array(Suggestion) });
export type SuggestResult = z.infer<typeof SuggestResult>;

export const FeedbackInput = z.object({ askId: z.uuid({ message: '编号格式不正确' }), helpful: z.boolean() });
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export const HelpTopic = z.object({
  topic: z.string(),
  label: z.string(),
  entries: z.array(z.object({ id: z.string(), title: z.string() })),
});
export const HelpTopics = z.object({ items: z.array(HelpTopic) });
export type HelpTopics = z.infer<typeof HelpTopics>;

export const PublicKbEntry = z.object({ id: z.string(), title: z.string(), answer: z.string(), topic: z.string(), topicLabel: z.string() });
export type PublicKbEntry = z.infer<typeof PublicKbEntry>;

/** Topic codes of the knowledge base and their Chinese labels (an unknown code shows as itself). */
export const kbTopicLabels: Record<string, string> = {
  registration: '注册与审核',
  login: '登录',
  password: '密码找回与修改',
  account: '账号管理',
  profile: '个人信息修改',
  orgInfo: '单位信息',
  orgAdmin: '单位管理员',
  hours: '学时申报',
  transfer: '单位调转',
  personnel: '人员管理',
  certificate: '证书打印',
  policy: '政策与达标标准',
  hoursSync: '学时对接',
  cities: '开通地市',
  adminOps: '管理员操作指南',
  platform: '平台介绍',
  feedback: '投诉与建议',
  outOfScope: '其他问题',
};
export const kbTopicLabel = (topic: string) => kbTopicLabels[topic] ?? topic;

// ---- knowledge-base administration (permission helpdesk.kb) ----

export const KbRecordStatus = z.enum(['active', 'retired']);
export type KbRecordStatus = z.infer<typeof KbRecordStatus>;

export const KbEntryEditInput = z.object({
  title: text(100, '标题'),
  answer: text(4000, '答复内容', true),
  variants: z.array(text(200, '问法')).max(50, { message: '问法最多50条' }).default([]),
  topic: text(40, '分类'),
  roles: z.array(LoginRole).default([]),
  handoff: z.boolean().default(false),
});
export type KbEntryEditInput = z.infer<typeof KbEntryEditInput>;

export const KbEntryEditUpdate = KbEntryEditInput.extend({ version: z.number().int().min(1) });
export type KbEntryEditUpdate = z.infer<typeof KbEntryEditUpdate>;
export const KbVersionInput = z.object({ version: z.number().int().min(1) });

export const KbListQuery = PageQuery.extend({
  q: OptionalText({ label: '关键字', max: 100 }),
  topic: OptionalText({ label: '分类', max: 40 }),
  status: KbRecordStatus.optional(),
});
export type KbListQuery = z.infer<typeof KbListQuery>;

/** The content of an entry as a revision records it (before and after each change). */
export const KbContentSnapshot = z.object({
  title: z.string(),
  answer: z.string(),
  variants: z.array(z.string()),
  topic: z.string(),
  roles: z.array(z.string()),
  handoff: z.boolean(),
  status: KbRecordStatus,
});

export const KbRecord = KbContentSnapshot.extend({
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type KbRecord = z.infer<typeof KbRecord>;

export const KbRecordPage = pageOf(KbRecord).extend({ canEdit: z.boolean() });
export type KbRecordPage = z.infer<typeof KbRecordPage>;

export const KbRecordRevision = z.object({
  id: z.number().int(),
  action: z.enum(['import', 'create', 'edit', 'retire', 'restore']),
  oldContent: KbContentSnapshot.nullable(),
  newContent: KbContentSnapshot,
  byName: z.string().nullable(),
  at: z.string(),
});
export type KbRecordRevision = z.infer<typeof KbRecordRevision>;
export const KbRecordDetail = z.object({ entry: KbRecord, revisions: z.array(KbRecordRevision), canEdit: z.boolean() });
export type KbRecordDetail = z.infer<typeof KbRecordDetail>;

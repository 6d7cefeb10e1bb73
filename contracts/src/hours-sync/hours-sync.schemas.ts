import { z } from 'zod';
import { Text } from '../common/text';
import { pageOf } from '../common/paging';
import { LearningCategory } from '../profiles/learning-form.schemas';

/** The most items one batch may carry (a source sends more in several batches). */
export const SYNC_BATCH_MAX = 1000;

const Year = z.number({ error: '年度应为数字' }).int().min(2000, { message: '年度不能早于2000年' }).max(2100);

/** 学习平台对接: the province registers a learning platform that may send these categories for these years. */
export const SyncSourceInput = z
  .object({
    name: Text({ label: '学习平台名称', min: 2, max: 60 }),
    categories: z.array(LearningCategory, { error: '请选择可报送的科目类别' }).min(1, { message: '请选择可报送的科目类别' }),
    fromYear: Year,
    toYear: Year,
  })
  .refine((s) => s.fromYear <= s.toYear, { message: '起始年度不能晚于结束年度', path: ['toYear'] });
export type SyncSourceInput = z.infer<typeof SyncSourceInput>;

export const SyncSource = z.object({
  id: z.string(),
  name: z.string(),
  categories: z.array(LearningCategory),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  /** The key's first characters, to tell keys apart; the key itself is shown once, when made. */
  keyPrefix: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastBatchAt: z.string().nullable(),
  /** Records accepted (current) and items refused, over all batches. */
  acceptedCount: z.number().int(),
  refusedCount: z.number().int(),
});
export type SyncSource = z.infer<typeof SyncSource>;

/** The new source with its key: the only time the key is shown. */
export const NewSyncSource = z.object({ source: SyncSource, apiKey: z.string() });
export type NewSyncSource = z.infer<typeof NewSyncSource>;

export const SyncSourceList = z.object({ items: z.array(SyncSource) });

/**
 * One completed course as a learning platform reports it. Only the shape is checked for the whole batch; whether
 * the person exists, the name matches, the day has room and the like are answered item by item.
 */
export const SyncItem = z.object({
  recordId: z
    .string({ error: 'recordId 不能为空' })
    .min(1, { message: 'recordId 不能为空' })
    .max(64, { message: 'recordId 不能超过64个字符' })
    .regex(/^[\w.:-]+$/, { message: 'recordId 只能包含字母、数字和 _ . : -' }),
  idNumber: z.string({ error: '请提供身份证号' }).max(32, { message: '身份证号格式不正确' }),
  name: Text({ label: '姓名', max: 30 }),
  course: Text({ label: '课程名称', max: 200 }),
  category: LearningCategory,
  hours: z
    .number({ error: '学时应为数字' })
    .positive({ message: '学时应大于0' })
    .max(24, { message: '学时不能超过24' })
    .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-9, { message: '学时最多保留1位小数' }),
  completedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '完成日期格式应为 YYYY-MM-DD' }),
  /** The course's 职称系列 (profile code): required for specialized courses where the profile matches it to the person's. */
  seriesCode: z.string().max(40).regex(/^\w+$/, { message: '职称系列代码格式不正确' }).optional(),
});
export type SyncItem = z.infer<typeof SyncItem>;

export const SyncBatchInput = z.object({
  items: z
    .array(SyncItem, { error: '请提供 items 数组' })
    .min(1, { message: 'items 不能为空' })
    .max(SYNC_BATCH_MAX, { message: `每批最多${SYNC_BATCH_MAX}条，请分批报送` }),
});
export type SyncBatchInput = z.infer<typeof SyncBatchInput>;

export const SyncResult = z.enum([
  'accepted',
  'corrected',
  'duplicate',
  'unknownPerson',
  'nameMismatch',
  'overDailyLimit',
  'specialtyMismatch',
  'notAllowed',
  'invalid',
]);
export type SyncResult = z.infer<typeof SyncResult>;
export const syncResultLabels: Record<SyncResult, string> = {
  accepted: '已接收',
  corrected: '已更正',
  duplicate: '重复报送（未变更）',
  unknownPerson: '未找到该人员',
  nameMismatch: '姓名与身份证号不符',
  overDailyLimit: '超过每日学时上限',
  specialtyMismatch: '课程专业与职称系列不一致',
  notAllowed: '超出对接范围',
  invalid: '数据有误',
};
/** The results that change nothing and are kept for the province's status page. */
export const refusedSyncResults: readonly SyncResult[] = [
  'unknownPerson',
  'nameMismatch',
  'overDailyLimit',
  'specialtyMismatch',
  'notAllowed',
  'invalid',
];

export const SyncItemResult = z.object({ recordId: z.string(), result: SyncResult, message: z.string().nullable() });
export const SyncBatchResult = z.object({
  batchId: z.string(),
  counts: z.record(SyncResult, z.number().int()),
  items: z.array(SyncItemResult),
});
export type SyncBatchResult = z.infer<typeof SyncBatchResult>;

/** A refused item as the status page lists it: the person only by a masked ID number. */
export const SyncRefusal = z.object({
  batchId: z.string(),
  receivedAt: z.string(),
  recordId: z.string(),
  idNumberMasked: z.string(),
  name: z.string(),
  course: z.string(),
  result: SyncResult,
  resultLabel: z.string(),
  message: z.string(),
});
export const SyncRefusalPage = pageOf(SyncRefusal);

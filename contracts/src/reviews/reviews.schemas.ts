import { z } from 'zod';
import { OptionalText, Text } from '../common/text';
import { PageQuery, Uuid, pageOf } from '../common/paging';

/** States of a request on the review engine (GLOSSARY: 待审核 / 审核中 / 审核通过 / 审核不通过 / 已撤回). */
/** What a reviewer is told when another reviewer (or the applicant) acted on the request first. */
export const REVIEW_CONFLICT_MESSAGE = '该申请已被他人处理，请刷新后重试';

export const RequestStatus = z.enum(['pending', 'inReview', 'approved', 'rejected', 'withdrawn']);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const requestStatusLabels: Record<RequestStatus, string> = {
  pending: '待审核',
  inReview: '审核中',
  approved: '审核通过',
  rejected: '审核不通过',
  withdrawn: '已撤回',
};

/** One reviewer's place in a request's chain. `waiting` steps have not been reached yet. */
export const StepStatus = z.enum(['waiting', 'pending', 'approved', 'rejected', 'skipped', 'revoked']);
export type StepStatus = z.infer<typeof StepStatus>;

export const stepStatusLabels: Record<StepStatus, string> = {
  waiting: '未开始',
  pending: '待审核',
  approved: '通过',
  rejected: '驳回',
  skipped: '未审核',
  revoked: '审验不通过',
};

export const ReviewDecision = z.enum(['approve', 'reject']);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** `todo`: waiting at my org; `done`: decided by my org; `all`: every request my org reviews. */
export const ReviewQueueStatus = z.enum(['todo', 'done', 'all']);
export type ReviewQueueStatus = z.infer<typeof ReviewQueueStatus>;

export const RejectReason = Text({ label: '驳回原因', max: 500, verb: '请填写', multiline: true });

export const ReviewQueueQuery = PageQuery.extend({
  kind: OptionalText({ label: '申请类型', max: 60 }),
  status: ReviewQueueStatus.default('todo'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  keyword: OptionalText({ label: '关键字', max: 50 }),
  /** The request's own state (全部 / 审核通过 / 审核不通过 ...), mostly with `done` or `all`. */
  requestStatus: RequestStatus.optional(),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;

/** 单位申报记录: requests filed under the admin's data scope, by their own state (待审核: pending or in review). */
export const ScopeRecordStatus = z.enum(['all', 'open', 'approved', 'rejected']);
export type ScopeRecordStatus = z.infer<typeof ScopeRecordStatus>;
export const ScopeRecordsQuery = PageQuery.extend({
  status: ScopeRecordStatus.default('all'),
  kind: OptionalText({ label: '申请类型', max: 60 }),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  keyword: OptionalText({ label: '关键字', max: 50 }),
});
export type ScopeRecordsQuery = z.infer<typeof ScopeRecordsQuery>;

/** The to-do tab's size per credit year (null: requests of no year), so items of another year are never out of sight. */
export const ReviewYearCountsQuery = z.object({ kind: OptionalText({ label: '申请类型', max: 60 }) });
export type ReviewYearCountsQuery = z.infer<typeof ReviewYearCountsQuery>;
export const ReviewYearCounts = z.array(z.object({ year: z.number().int().nullable(), count: z.number().int() }));
export type ReviewYearCounts = z.infer<typeof ReviewYearCounts>;

/** What waits in each of an admin's reviewer queues (by menu key), for the workspace home. */
export const ReviewWaiting = z.array(
  z.object({
    menuKey: z.string(),
    count: z.number().int(),
    /** Of them, waiting at this step longer than the profile's 超期 days. */
    overdue: z.number().int(),
  }),
);

/** A superior's view of its subordinate orgs' 超期 items (the orgs with the most first). */
export const OverdueSubordinates = z.object({
  overdueDays: z.number().int(),
  items: z.array(z.object({ orgId: z.string(), orgName: z.string(), count: z.number().int() })),
});
export type OverdueSubordinates = z.infer<typeof OverdueSubordinates>;
export type ReviewWaiting = z.infer<typeof ReviewWaiting>;

export const ReviewStep = z.object({
  stepNo: z.number().int(),
  reviewerOrgId: z.string(),
  reviewerOrgName: z.string(),
  status: StepStatus,
  statusLabel: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** 审验不通过 of this step's approval: who took it back, when and why (the approval above stays). */
  revocation: z.object({ byName: z.string().nullable(), at: z.string(), reason: z.string().nullable() }).nullable(),
});
export type ReviewStep = z.infer<typeof ReviewStep>;

/** What every list of requests shows of one request, for reviewers and applicants alike. */
const RequestSummary = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  status: RequestStatus,
  statusLabel: z.string(),
  title: z.string(),
  creditYear: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const ReviewQueueItem = RequestSummary.extend({
  applicantName: z.string(),
  applicantIdNumberMasked: z.string(),
  subjectOrgName: z.string(),
  /** The region of the org the request sits under (the new org, or the applicant's employer). */
  subjectRegionName: z.string().nullable(),
  currentStep: z.number().int(),
  stepCount: z.number().int(),
  currentReviewerOrgName: z.string().nullable(),
  /** True when the signed-in admin may approve or reject it now. */
  canDecide: z.boolean(),
  /** Waiting at its current step longer than the profile's 超期 days. */
  overdue: z.boolean(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

/** Where a queue view stops counting: 500 pages of 20. */
export const QUEUE_COUNT_CAP = 10_000;

export const ReviewQueuePage = pageOf(ReviewQueueItem).extend({
  /**
   * True when `total` is a floor, not a count: a filtered view (keyword, status, the 已审核 and 全部 tabs) stops
   * counting at QUEUE_COUNT_CAP so that a province-wide queue is not counted on every view.
   */
  totalCapped: z.boolean(),
});
export type ReviewQueuePage = z.infer<typeof ReviewQueuePage>;

/** A labelled value of the request's details, already masked (ID numbers, phones) by the request kind. */
const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** One fact of a request's details; a change shows the value it replaces beside it (`previous`). */
export const ReviewField = z.object({ label: z.string(), value: FieldValue, previous: FieldValue.optional() });
export type ReviewField = z.infer<typeof ReviewField>;

/** 附件 (学习证明材料, 签到表, 培训视频 …): PDF, JPG or PNG up to 10 MB, MP4 video up to 100 MB, by their bytes. */
export const requestAttachmentMaxBytes = 10 * 1024 * 1024;
export const requestVideoMaxBytes = 100 * 1024 * 1024;
export const REQUEST_ATTACHMENT_HINT = '支持 PDF、JPG、PNG 格式（单个不超过10MB）和 MP4 视频（不超过100MB）';

export const RequestAttachment = z.object({ id: z.string(), filename: z.string(), size: z.number().int(), contentType: z.string() });
export type RequestAttachment = z.infer<typeof RequestAttachment>;

/** The uploads a request is filed with (each uploaded first by the applicant). */
export const AttachmentIds = z.array(Uuid).max(10, { message: '每次申请最多上传10个附件' });

export const ReviewDetail = ReviewQueueItem.extend({
  attachments: z.array(RequestAttachment),
  fields: z.array(ReviewField),
  steps: z.array(ReviewStep),
  /** True when the signed-in admin's org approved it last and its kind can be taken back (审验不通过). */
  canRevoke: z.boolean(),
  /**
   * True when the fields hold masked ID numbers or phones and this admin decides the request now: they may ask for
   * them whole (`?reveal=true`, audited) to check them against the uploaded documents.
   */
  canReveal: z.boolean(),
});
export type ReviewDetail = z.infer<typeof ReviewDetail>;
export const ReviewDetailQuery = z.object({ reveal: z.enum(['true', 'false']).optional() });

export const ApproveInput = z.object({ version: z.number().int().min(1) });
export type ApproveInput = z.infer<typeof ApproveInput>;

export const RejectInput = z.object({ version: z.number().int().min(1), reason: RejectReason });
export type RejectInput = z.infer<typeof RejectInput>;

/** 审验不通过: the last approving org takes back an approval, with the reason the applicant is told. */
export const RevokeReason = Text({ label: '撤销原因', max: 500, verb: '请填写', multiline: true });
export const RevokeInput = z.object({ version: z.number().int().min(1), reason: RevokeReason });
export type RevokeInput = z.infer<typeof RevokeInput>;

export const BatchDecisionInput = z.object({
  items: z
    .array(z.object({ id: Uuid, version: z.number().int().min(1) }))
    .min(1, { message: '请至少选择一条申请' })
    .max(1000, { message: '一次最多批量审核1000条申请' }),
  decision: ReviewDecision,
  reason: OptionalText({ label: '驳回原因', max: 500, multiline: true }),
});
export type BatchDecisionInput = z.infer<typeof BatchDecisionInput>;

export const BatchItemResult = z.object({
  id: z.string(),
  ok: z.boolean(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type BatchItemResult = z.infer<typeof BatchItemResult>;

export const BatchDecisionResult = z.object({
  results: z.array(BatchItemResult),
  succeeded: z.number().int(),
  failed: z.number().int(),
  /** Each item is decided on its own: a failed item leaves the others decided. */
  note: z.string(),
});
export type BatchDecisionResult = z.infer<typeof BatchDecisionResult>;

export const MyRequestsQuery = PageQuery.extend({
  /** One kind, or several separated by commas. */
  kind: OptionalText({ label: '申请类型', max: 200 }),
});
export type MyRequestsQuery = z.infer<typeof MyRequestsQuery>;

export const MyRequestItem = RequestSummary.extend({
  canWithdraw: z.boolean(),
  attachments: z.array(RequestAttachment),
  /** Filed for the person by this org (a provider's 代申报): followed here, withdrawn by that org. */
  filedByOrgName: z.string().nullable(),
  steps: z.array(ReviewStep),
  /** While it waits: the org whose turn it is, its phone, and whether it has waited there past the 超期 days. */
  waitingAt: z.object({ orgName: z.string(), phone: z.string().nullable(), days: z.number().int(), overdue: z.boolean() }).nullable(),
});
export type MyRequestItem = z.infer<typeof MyRequestItem>;

export const MyRequestsPage = pageOf(MyRequestItem);
export type MyRequestsPage = z.infer<typeof MyRequestsPage>;

/** A request's state after a decision or a withdrawal; `version` is what the next action must send. */
export const RequestStateResult = z.object({
  id: z.string(),
  status: RequestStatus,
  statusLabel: z.string(),
  version: z.number().int(),
});
export type RequestStateResult = z.infer<typeof RequestStateResult>;

/** A request kind an admin may review, for the queue's kind filter. */
/** A kind this admin may review: under which menu's queue it appears, and whether it belongs to a credit year (年度 filter). */
export const ReviewKindOption = z.object({ kind: z.string(), label: z.string(), menuKey: z.string(), hasCreditYear: z.boolean() });
export const ReviewKindOptions = z.array(ReviewKindOption);
export type ReviewKindOption = z.infer<typeof ReviewKindOption>;

/** A request that stops a change while it is open (a transfer, a superior change…), with what can be done about it. */
export const PendingItem = z.object({
  id: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  statusLabel: z.string(),
  canWithdraw: z.boolean(),
  /** The org whose turn it is, to contact (null when unknown). */
  reviewerOrgName: z.string().nullable(),
  /** The queue (menu key) where the admin's own org decides it now, or null when another org does. */
  reviewMenuKey: z.string().nullable(),
});
export type PendingItem = z.infer<typeof PendingItem>;

/** What filing a request answers: its id and state, and a sentence on who decides next. */
export const RequestReceipt = z.object({ id: z.string(), status: RequestStatus, message: z.string() });
export type RequestReceipt = z.infer<typeof RequestReceipt>;

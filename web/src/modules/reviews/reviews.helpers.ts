import { REVIEW_CONFLICT_MESSAGE, type BatchDecisionResult, type RequestStatus, type ReviewKindOption, type ReviewYearCounts } from '@cep/contracts';

/** The kinds of a menu page's queue that the signed-in admin may review, as the server files them (GET /api/reviews/kinds). */
export const kindsOfMenu = (menuKey: string | undefined, available: ReviewKindOption[]): ReviewKindOption[] =>
  menuKey ? available.filter((option) => option.menuKey === menuKey) : [];

export type BatchFailure = { id: string; title: string; message: string };
export type BatchSummary = { text: string; tone: 'success' | 'warning' | 'error'; failures: BatchFailure[] };

/** "N 条成功，M 条失败" and each failure named by its request's title, for the batch result dialog. */
export const summarizeBatch = (result: BatchDecisionResult, titles: Map<string, string>): BatchSummary => {
  const failures = result.results
    .filter((r) => !r.ok)
    .map((r) => ({
      id: r.id,
      title: titles.get(r.id) ?? r.id,
      message: r.code === 'CONFLICT' ? REVIEW_CONFLICT_MESSAGE : (r.message ?? '处理失败'),
    }));
  const tone = result.failed === 0 ? 'success' : result.succeeded === 0 ? 'error' : 'warning';
  return { text: `${result.succeeded} 条成功，${result.failed} 条失败`, tone, failures };
};

const DAY_MS = 86_400_000;

/** Whole days a request has waited: until its decision when decided, else until now. */
export const daysWaited = (createdAt: string, decidedAt: string | null, now: Date): number =>
  Math.max(0, Math.floor(((decidedAt ? Date.parse(decidedAt) : now.getTime()) - Date.parse(createdAt)) / DAY_MS));

export const requestStatusColors: Record<RequestStatus, string> = {
  pending: 'orange',
  inReview: 'blue',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** The queue's 共 N 条, or, when the server stopped counting at its cap, how to see the rest. */
export const queueTotalLabel = (total: number, totalCapped: boolean | undefined) =>
  totalCapped ? `超过 ${total.toLocaleString('zh-CN')} 条，可按年度、类型或关键字缩小范围` : `共 ${total} 条`;

/** What a reviewer is told after deciding: an approval that passes the request up the chain says so. */
export const decisionMessage = (state: { status: RequestStatus; statusLabel: string }) =>
  state.status === 'inReview' ? '已审核通过，已转下一级审核' : `已处理：${state.statusLabel}`;

/** The 年度 filter's years: the last six and any older one with items waiting, each with how many wait (待审核 N). */
export const yearOptions = (thisYear: number, counts: ReviewYearCounts) => {
  const waiting = new Map(counts.filter((c) => c.year !== null).map((c) => [c.year!, c.count]));
  const years = [...new Set([...Array.from({ length: 6 }, (_v, i) => thisYear - i), ...waiting.keys()])].sort((a, b) => b - a);
  return years.map((y) => ({ value: y, label: waiting.get(y) ? `${y}年（待审核 ${waiting.get(y)}）` : `${y}年` }));
};

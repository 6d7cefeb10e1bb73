import {
  birthDateOf,
  maskIdNumber,
  maskPhone,
  requestStatusLabels,
  stepStatusLabels,
  type MyRequestItem,
  type RequestAttachment,
  type ReviewDetail,
  type ReviewField,
  type ReviewQueueItem,
  type ReviewStep,
} from '@cep/contracts';
import type { StepView, RequestRow } from './reviews.repository';
import type { QueueRow } from './reviews.queue.repository';
import { kindLabel } from './reviews.registry';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentStep = (s: StepView): ReviewStep => ({
  stepNo: s.stepNo,
  reviewerOrgId: s.reviewerOrgId,
  reviewerOrgName: s.reviewerOrgName,
  status: s.status,
  statusLabel: stepStatusLabels[s.status],
  decidedByName: s.decidedByName,
  decidedAt: iso(s.decidedAt),
  reason: s.reason,
  revocation: s.revokedAt ? { byName: s.revokedByName, at: s.revokedAt.toISOString(), reason: s.revokeReason } : null,
});

/** Open and waiting at its current step (since `updatedAt`) longer than the 超期 days. */
const isOverdue = (row: QueueRow, wait: { now: Date; overdueDays: number }) =>
  (row.status === 'pending' || row.status === 'inReview') && wait.now.getTime() - row.updatedAt.getTime() > wait.overdueDays * DAY_MS;

export const presentQueueItem = (row: QueueRow, canDecide: boolean, wait: { now: Date; overdueDays: number }): ReviewQueueItem => ({
  id: row.id,
  kind: row.kind,
  kindLabel: kindLabel(row.kind),
  status: row.status,
  statusLabel: requestStatusLabels[row.status],
  title: row.title,
  applicantName: row.applicantName,
  applicantIdNumberMasked: maskIdNumber(row.applicantIdNumber),
  subjectOrgName: row.subjectOrgName,
  subjectRegionName: row.subjectRegionName,
  creditYear: row.creditYear,
  currentStep: row.currentStep,
  stepCount: row.stepCount,
  currentReviewerOrgName: row.currentReviewerOrgName,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  decidedAt: iso(row.decidedAt),
  canDecide,
  overdue: isOverdue(row, wait),
});

const ID_NUMBER = /(?<![0-9])[1-9]\d{16}[0-9Xx](?![0-9])/g;
const PHONE = /(?<![0-9])1\d{10}(?![0-9])/g;

// Anything with a real birth date in place, even with a wrong check digit; an all-digit 统一社会信用代码 is also
// 18 characters, and the reviewer has to read it in full to check it against the business licence.
const maskIfIdNumber = (text: string) => (birthDateOf(text) !== null ? maskIdNumber(text) : text);

const FULL_DATE = /^(\d{4})-\d{2}-\d{2}$/;

/** A birth date shows as its year: beside a masked ID number the full date narrows it to about ten candidates. */
const maskBirthDate = (f: ReviewField & { value: string }) =>
  f.label.includes('出生') && FULL_DATE.test(f.value) ? `${f.value.slice(0, 4)}年` : f.value;

/**
 * A safety net under each kind's own masking: no full ID number, mobile number or birth date leaves in a
 * details view (requests filed before a kind masked them keep them in their stored payload).
 */
const maskValue = (label: string, value: ReviewField['value']) =>
  typeof value === 'string' ? maskBirthDate({ label, value }).replace(ID_NUMBER, maskIfIdNumber).replace(PHONE, maskPhone) : value;

export const maskSensitive = (fields: ReviewField[]): ReviewField[] =>
  fields.map((f) => ({
    ...f,
    value: maskValue(f.label, f.value),
    ...(f.previous === undefined ? {} : { previous: maskValue(f.label, f.previous) }),
  }));

type DetailParts = {
  steps: StepView[];
  fields: ReviewField[];
  attachments: RequestAttachment[];
  may: { decide: boolean; revoke: boolean };
  wait: { now: Date; overdueDays: number };
  /** Whether `fields` are shown whole (a deciding reviewer asked), and whether they could be. */
  reveal: { shown: boolean; possible: boolean };
};

export const presentDetail = (row: QueueRow, { steps, fields, attachments, may, wait, reveal }: DetailParts): ReviewDetail => ({
  ...presentQueueItem(row, may.decide, wait),
  attachments,
  fields: reveal.shown ? fields : maskSensitive(fields),
  steps: steps.map(presentStep),
  canRevoke: may.revoke,
  canReveal: reveal.possible && !reveal.shown,
});

type MineExtras = Pick<MyRequestItem, 'canWithdraw' | 'attachments' | 'filedByOrgName'>;

const DAY_MS = 86_400_000;

/** Where an open request waits, since when, and whether past the 超期 days (`updatedAt` is its last step's start). */
const waitingAt = (row: RequestRow, steps: StepView[], wait: { now: Date; overdueDays: number }): MyRequestItem['waitingAt'] => {
  const step = steps.find((s) => s.stepNo === row.currentStep);
  if (!step || (row.status !== 'pending' && row.status !== 'inReview')) return null;
  const days = Math.max(0, Math.floor((wait.now.getTime() - row.updatedAt.getTime()) / DAY_MS));
  return { orgName: step.reviewerOrgName, phone: step.reviewerOrgPhone, days, overdue: days >= wait.overdueDays };
};

export const presentMine = (
  row: RequestRow,
  steps: StepView[],
  { canWithdraw, attachments, filedByOrgName }: MineExtras,
  wait: { now: Date; overdueDays: number },
): MyRequestItem => ({
  id: row.id,
  kind: row.kind,
  kindLabel: kindLabel(row.kind),
  status: row.status,
  statusLabel: requestStatusLabels[row.status],
  title: row.title,
  creditYear: row.creditYear,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  decidedAt: iso(row.decidedAt),
  canWithdraw,
  attachments,
  filedByOrgName,
  steps: steps.map(presentStep),
  waitingAt: waitingAt(row, steps, wait),
});

import type { ColumnType, Generated } from 'kysely';
import type { RequestStatus, StepStatus } from '@cep/contracts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

/**
 * A request on the review engine. `currentReviewerOrgId` and `currentPermission` copy the current
 * step while the request is open (null once final), so a reviewer's queue is one indexed range scan.
 * `scopePath` is the subject org's materialized path at submission, for data-scope filtering.
 */
export interface RequestTable {
  id: Generated<string>;
  kind: string;
  status: RequestStatus;
  applicantPersonId: string;
  applicantAccountId: string | null;
  subjectOrgId: string;
  scopePath: string;
  creditYear: number | null;
  title: string;
  searchText: string;
  payload: Json;
  currentStep: number;
  stepCount: number;
  currentReviewerOrgId: string | null;
  currentPermission: string | null;
  version: Generated<number>;
  idempotencyKey: string | null;
  payloadHash: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  decidedAt: Timestamp | null;
}

/** One reviewer org's place in a request's chain, with its decision. */
export interface RequestStepTable {
  requestId: string;
  stepNo: number;
  reviewerOrgId: string;
  /** The permission module a reviewer of this step needs, fixed at submission by the request kind. */
  permission: string;
  status: StepStatus;
  decidedByAccountId: string | null;
  decidedByPersonId: string | null;
  decidedAt: Timestamp | null;
  reason: string | null;
  /** 审验不通过 of the step's approval (the decision above stays as it was). */
  revokedByAccountId: string | null;
  revokedByPersonId: string | null;
  revokedAt: Timestamp | null;
  revokeReason: string | null;
  /** The request's submission time, copied (it never changes) so that a reviewer's 全部 tab reads in index order. */
  requestCreatedAt: Timestamp;
}

/** Open requests per reviewer org, permission, kind and credit year (0: none); kept by triggers on `request`. */
export interface ReviewQueueCountTable {
  reviewerOrgId: string;
  permission: string;
  kind: string;
  creditYear: number;
  openCount: number;
}

/** A file an applicant uploaded for a request: unbound (request null, the uploader's only) until the request is filed. */
export interface RequestAttachmentTable {
  id: Generated<string>;
  uploaderPersonId: string;
  requestId: string | null;
  filename: string;
  storedName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Timestamp;
}

/** A person a request credits besides its applicant (an attendee of a unit's or a provider's claim). */
export interface RequestParticipantTable {
  personId: string;
  requestId: string;
}

export interface ReviewsTables {
  request: RequestTable;
  requestAttachment: RequestAttachmentTable;
  requestParticipant: RequestParticipantTable;
  requestStep: RequestStepTable;
  reviewQueueCount: ReviewQueueCountTable;
}

declare module '../../platform/db/schema' {
  interface Database extends ReviewsTables {}
}

/** The review engine's public surface: domains register request kinds and submit requests through here. */
export { defineRequestKind, registerKind, registerRequestKind, findRequestKind, listRequestKinds, kindLabel } from './reviews.registry';
export type { RequestKind, RequestKindDefinition, Applicant, ReviewedRequest, HookArgs, KindArgs, RequestSummary } from './reviews.registry';
export { submitRequest, withdrawRequest } from './reviews.service';
export type { SubmitOptions, WithdrawOptions } from './reviews.service';
export { decideRequest, decideBatch } from './reviews.decision';
export type { DecideOptions, DecideBatchOptions, BatchResult } from './reviews.decision';
export {
  listQueue,
  getForReviewer,
  listMine,
  listOpenFiledBy,
  listOpenInSubtree,
  listOrgRequests,
  listReviewableKinds,
  listYearCounts,
  listScopeRecords,
} from './reviews.queue';
export { reviewsRoutes } from './reviews.routes';
export type { RequestRow } from './reviews.repository';
export type { WithdrawableUntil } from './reviews.workflow';
export { uploadAttachment } from './reviews.attachments';
export { isRequestOfPerson, rewriteScopePaths } from './reviews.repository';

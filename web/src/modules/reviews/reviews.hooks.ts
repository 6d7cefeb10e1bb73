import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { REVIEW_CONFLICT_MESSAGE, type ReviewDecision, type ReviewQueueItem } from '@cep/contracts';
import { isApiError } from '../../api/client';
import { reviewKeys, reviewsApi } from './reviews.api';
import { decisionMessage, summarizeBatch, type BatchSummary } from './reviews.helpers';

const goneCodes = new Set(['CONFLICT', 'INVALID_STATE', 'NOT_FOUND']);

type Target = Pick<ReviewQueueItem, 'id' | 'version'>;
/** `revoke`: 审验不通过 of a request the reviewer's org approved last. */
export type SingleDecision = { item: Target; decision: ReviewDecision | 'revoke'; reason?: string };

const decideOne = ({ item, decision, reason }: SingleDecision) => {
  if (decision === 'approve') return reviewsApi.approve(item.id, item.version);
  return (decision === 'reject' ? reviewsApi.reject : reviewsApi.revoke)(item.id, item.version, reason ?? '');
};
export type BatchDecision = { items: Pick<ReviewQueueItem, 'id' | 'version' | 'title'>[]; decision: ReviewDecision; reason?: string };

/**
 * 通过 / 驳回 one request or a batch, 审验不通过 of one. A stale version (someone else decided first) says so and
 * refreshes the queue, so the reviewer sees the current state instead of retrying blindly.
 */
export const useReviewDecisions = (onDone?: () => void) => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [batchResult, setBatchResult] = useState<{ summary: BatchSummary; note: string } | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: reviewKeys.all });
  const onError = (e: unknown) => {
    if (isApiError(e) && e.code === 'CONFLICT') message.error(REVIEW_CONFLICT_MESSAGE);
    else message.error(isApiError(e) ? e.message : '操作失败，请稍后重试');
    refresh();
    // The request moved on without us: the open dialog or drawer shows a state that no longer exists.
    if (isApiError(e) && goneCodes.has(e.code)) onDone?.();
  };
  const single = useMutation({
    mutationFn: decideOne,
    onSuccess: (state) => {
      message.success(decisionMessage(state));
      refresh();
      onDone?.();
    },
    onError,
  });
  const batch = useMutation({
    mutationFn: ({ items, decision, reason }: BatchDecision) =>
      reviewsApi.batch({ items: items.map(({ id, version }) => ({ id, version })), decision, reason }),
    onSuccess: (result, { items }) => {
      setBatchResult({ summary: summarizeBatch(result, new Map(items.map((i) => [i.id, i.title]))), note: result.note });
      refresh();
      onDone?.();
    },
    onError,
  });
  return { single, batch, batchResult, closeBatchResult: () => setBatchResult(null) };
};

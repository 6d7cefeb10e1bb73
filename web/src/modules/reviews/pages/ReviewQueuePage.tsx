import { useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Skeleton, Space, Tabs } from 'antd';
import type { ReviewKindOption, ReviewQueueItem, ReviewQueueStatus } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { findMenuItem, menuKeyOfPath, menuOfSession } from '../../../access/menu';
import { useCurrentSession } from '../../../access/session';
import { reviewKeys, reviewsApi } from '../reviews.api';
import { kindsOfMenu } from '../reviews.helpers';
import { useReviewDecisions } from '../reviews.hooks';
import { QueueTable } from '../components/QueueTable';
import { QueueFilterBar, type QueueFilters } from '../components/QueueFilterBar';
import { BatchBar } from '../components/BatchBar';
import { RejectDialog } from '../components/RejectDialog';
import { BatchResultDialog } from '../components/BatchResultDialog';
import { ReviewDetailDrawer } from '../components/ReviewDetailDrawer';
import '../reviews.css';

const tabs: { key: ReviewQueueStatus; label: string }[] = [
  { key: 'todo', label: '待审核' },
  { key: 'done', label: '已审核' },
  { key: 'all', label: '全部' },
];

type Rejecting = { items: ReviewQueueItem[]; batch: boolean; mode: 'reject' | 'revoke' };

const useQueue = (kind: string) => {
  const [status, setStatus] = useState<ReviewQueueStatus>('todo');
  const [filters, setFilters] = useState<QueueFilters>({ kind });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = { ...filters, status, ...paging };
  const result = useQuery({ queryKey: reviewKeys.queue(query), queryFn: () => reviewsApi.queue(query), placeholderData: keepPreviousData });
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));
  return {
    status,
    filters,
    paging,
    result,
    setStatus: (s: ReviewQueueStatus) => {
      setStatus(s);
      firstPage();
    },
    setFilters: (f: QueueFilters) => {
      setFilters(f);
      firstPage();
    },
    setPaging,
  };
};

/** How many wait of each kind of a page that reviews several (学时学分审批: claims, unit claims, proxy claims). */
const useKindCounts = (kinds: ReviewKindOption[]) => {
  const counts = useQueries({
    queries: (kinds.length > 1 ? kinds : []).map((k) => ({ queryKey: reviewKeys.yearCounts(k.kind), queryFn: () => reviewsApi.yearCounts(k.kind) })),
  });
  // A kind not counted yet is left out (undefined), not taken for zero.
  return Object.fromEntries(
    kinds.flatMap((k, i) => (counts[i]?.data ? [[k.kind, counts[i].data.reduce((sum, y) => sum + y.count, 0)]] : [])),
  ) as Record<string, number | undefined>;
};

/**
 * 待审核 of the menu's other kinds, said where the reviewer looks (the seeds' "单位找不到待审核学时"; the home page
 * counts every kind of the menu), with a button to show each; the page does not switch by itself.
 */
const OtherKindsWaiting = (props: {
  kinds: ReviewKindOption[];
  counts: Record<string, number | undefined>;
  current: string;
  onShow: (kind: string) => void;
}) => {
  const others = props.kinds.filter((k) => k.kind !== props.current && (props.counts[k.kind] ?? 0) > 0);
  if (others.length === 0) return null;
  const none = props.counts[props.current] === 0;
  return (
    <Alert
      type="info"
      showIcon
      className="review-queue__other-kinds"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap>
          <span>{none ? '本类型暂无待审核，其他类型有待审核：' : '其他类型也有待审核：'}</span>
          {others.map((k) => (
            <Button key={k.kind} size="small" type="link" onClick={() => props.onShow(k.kind)}>
              {`${k.label}（${props.counts[k.kind]}）`}
            </Button>
          ))}
        </Space>
      }
    />
  );
};

const ReviewQueue = ({ title, kinds }: { title: string; kinds: ReviewKindOption[] }) => {
  const queue = useQueue(kinds[0]!.kind);
  const [selected, setSelected] = useState<ReviewQueueItem[]>([]);
  const [shownId, setShownId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Rejecting | null>(null);
  const decisions = useReviewDecisions(() => {
    setSelected([]);
    setRejecting(null);
    setShownId(null);
  });
  const busy = decisions.single.isPending || decisions.batch.isPending;
  const approve = (item: Pick<ReviewQueueItem, 'id' | 'version'>) => decisions.single.mutate({ item, decision: 'approve' });
  const rejectOne = (item: ReviewQueueItem) => setRejecting({ items: [item], batch: false, mode: 'reject' });
  const revoke = (item: ReviewQueueItem) => setRejecting({ items: [item], batch: false, mode: 'revoke' });
  const reject = (reason: string) => {
    if (rejecting?.batch) decisions.batch.mutate({ items: rejecting.items, decision: 'reject', reason });
    else if (rejecting) decisions.single.mutate({ item: rejecting.items[0]!, decision: rejecting.mode, reason });
  };
  const { data, isFetching, error } = queue.result;
  const withYear = kinds.some((k) => k.kind === queue.filters.kind && k.hasCreditYear);
  const yearCounts = useQuery({
    queryKey: reviewKeys.yearCounts(queue.filters.kind),
    queryFn: () => reviewsApi.yearCounts(queue.filters.kind),
    enabled: withYear,
  });
  const kindCounts = useKindCounts(kinds);
  const isTodo = queue.status === 'todo';
  return (
    <Card title={title} className="review-queue">
      <Tabs
        activeKey={queue.status}
        items={tabs}
        onChange={(k) => {
          queue.setStatus(k as ReviewQueueStatus);
          setSelected([]);
        }}
      />
      <QueueFilterBar
        kinds={kinds}
        kindCounts={kindCounts}
        withYear={withYear}
        yearCounts={yearCounts.data}
        value={queue.filters}
        onChange={queue.setFilters}
        thisYear={new Date().getFullYear()}
      />
      {isTodo ? (
        <OtherKindsWaiting kinds={kinds} counts={kindCounts} current={queue.filters.kind} onShow={(kind) => queue.setFilters({ kind })} />
      ) : null}
      {isTodo ? (
        <BatchBar
          count={selected.length}
          busy={busy}
          onClear={() => setSelected([])}
          onApprove={() => decisions.batch.mutate({ items: selected, decision: 'approve' })}
          onReject={() => setRejecting({ items: selected, batch: true, mode: 'reject' })}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <QueueTable
        data={data}
        loading={isFetching}
        selectable={isTodo}
        selected={selected}
        onSelect={setSelected}
        paging={queue.paging}
        onPage={queue.setPaging}
        actions={{ show: (i) => setShownId(i.id), approve, reject: rejectOne }}
      />
      <ReviewDetailDrawer
        id={shownId}
        onClose={() => setShownId(null)}
        actions={{ busy, onApprove: approve, onReject: rejectOne, onRevoke: revoke }}
      />
      <RejectDialog
        open={Boolean(rejecting)}
        count={rejecting?.items.length ?? 0}
        mode={rejecting?.mode}
        loading={busy}
        onCancel={() => setRejecting(null)}
        onSubmit={reject}
      />
      <BatchResultDialog
        summary={decisions.batchResult?.summary ?? null}
        note={decisions.batchResult?.note ?? ''}
        onClose={decisions.closeBatchResult}
      />
    </Card>
  );
};

/** 审核主管部门 / 用人单位 / 注册人员 / 继续教育基地…: one queue page per 审核账户 menu key. */
export const ReviewQueuePage = () => {
  const session = useCurrentSession();
  const key = menuKeyOfPath(useLocation().pathname) ?? undefined;
  const title = useMemo(
    () => (key ? findMenuItem(menuOfSession(session.account.role, session.permissions), key)?.label : undefined) ?? '审核',
    [key, session],
  );
  const { data: available, isLoading, error } = useQuery({ queryKey: reviewKeys.kinds, queryFn: reviewsApi.kinds, staleTime: 300_000 });
  if (isLoading)
    return (
      <Card title={title}>
        <Skeleton active />
      </Card>
    );
  const kinds = kindsOfMenu(key, available ?? []);
  if (error || kinds.length === 0) {
    return (
      <Card title={title}>
        <Result status="warning" title={isApiError(error) ? error.message : '您没有审核此类申请的权限'} />
      </Card>
    );
  }
  return <ReviewQueue key={key} title={title} kinds={kinds} />;
};

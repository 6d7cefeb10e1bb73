import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Tabs } from 'antd';
import type { ScopeRecordStatus } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { reviewKeys, reviewsApi } from '../../reviews/reviews.api';
import { QueueTable } from '../../reviews/components/QueueTable';
import { QueueFilterBar, type QueueFilters } from '../../reviews/components/QueueFilterBar';
import { ReviewDetailDrawer } from '../../reviews/components/ReviewDetailDrawer';
import '../../reviews/reviews.css';

const tabs: { key: ScopeRecordStatus; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'open', label: '待审核' },
  { key: 'approved', label: '审核通过' },
  { key: 'rejected', label: '审核不通过' },
];

const noAction = () => undefined;

/** 单位申报记录 (seed 002): the hours claims of the org's people and below, by state; 详情 shows each one's history. */
export const ClaimRecordsPage = () => {
  const [status, setStatus] = useState<ScopeRecordStatus>('all');
  const [filters, setFilters] = useState<QueueFilters>({ kind: '' });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [shownId, setShownId] = useState<string | null>(null);
  const query = { status, year: filters.year, keyword: filters.keyword, ...paging };
  const { data, isFetching, error } = useQuery({
    queryKey: reviewKeys.records(query),
    queryFn: () => reviewsApi.records(query),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="单位申报记录" className="review-queue claim-records">
      <Tabs
        activeKey={status}
        items={tabs}
        onChange={(k) => {
          setStatus(k as ScopeRecordStatus);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <QueueFilterBar
        kinds={[]}
        withYear
        value={filters}
        onChange={(f) => {
          setFilters(f);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        thisYear={new Date().getFullYear()}
      />
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <QueueTable
        data={data}
        loading={isFetching}
        selectable={false}
        selected={[]}
        onSelect={noAction}
        paging={paging}
        onPage={setPaging}
        actions={{ show: (i) => setShownId(i.id), approve: noAction, reject: noAction }}
      />
      <ReviewDetailDrawer id={shownId} onClose={() => setShownId(null)} />
    </Card>
  );
};

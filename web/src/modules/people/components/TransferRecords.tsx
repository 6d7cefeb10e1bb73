import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { TransferDirection, TransferRecord } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { requestStatusColors } from '../../reviews/reviews.helpers';
import { peopleApi, peopleKeys } from '../people.api';

const columns: TableColumnsType<TransferRecord> = [
  {
    title: '类型',
    dataIndex: 'direction',
    width: 70,
    render: (d: TransferDirection) => <Tag color={d === 'in' ? 'blue' : 'orange'}>{d === 'in' ? '调入' : '调出'}</Tag>,
  },
  { title: '姓名', dataIndex: 'personName', width: 90 },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 180, responsive: ['md'] },
  { title: '原单位', dataIndex: 'fromOrgName' },
  { title: '调入单位', dataIndex: 'toOrgName' },
  { title: '调入日期', dataIndex: 'transferDate', width: 110, responsive: ['md'] },
  { title: '发起方式', dataIndex: 'wayLabel', width: 130, responsive: ['lg'] },
  { title: '状态', dataIndex: 'statusLabel', width: 100, render: (label: string, r) => <Tag color={requestStatusColors[r.status]}>{label}</Tag> },
  { title: '提交时间', dataIndex: 'createdAt', width: 150, responsive: ['lg'], render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
];

/** 调转记录: the org's people who came in or left, every state (seed 002 人员调转 → 调转记录). */
export const TransferRecords = () => {
  const [direction, setDirection] = useState<'all' | TransferDirection>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = { ...paging, ...(direction === 'all' ? {} : { direction }) };
  const { data, isFetching, error } = useQuery({
    queryKey: peopleKeys.transfers(query),
    queryFn: () => peopleApi.transfers(query),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="调转记录" className="transfer-records">
      <Segmented
        style={{ marginBottom: 12 }}
        value={direction}
        onChange={(v) => {
          setDirection(v as typeof direction);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={[
          { value: 'all', label: '全部' },
          { value: 'in', label: '调入' },
          { value: 'out', label: '调出' },
        ]}
      />
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 12 }} /> : null}
      <Table<TransferRecord>
        rowKey="id"
        size="small"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无调转记录' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Card>
  );
};

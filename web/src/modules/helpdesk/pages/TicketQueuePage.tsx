import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { ticketStatusLabels, type TicketPage, type TicketStatus } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { helpdeskKeys, supportApi } from '../helpdesk.api';
import { TicketDetailDrawer } from '../components/TicketDetailDrawer';

type Row = TicketPage['items'][number];
type Filter = TicketStatus | 'all';
const statusColor = { open: 'orange', answered: 'green', closed: 'default' } as const;

const columns = (open: (id: string) => void): TableColumnsType<Row> => [
  {
    title: '工单号',
    dataIndex: 'ticketNo',
    width: 170,
    render: (v: string, r) => (
      <Button type="link" size="small" onClick={() => open(r.id)}>
        {v}
      </Button>
    ),
  },
  { title: '问题', dataIndex: 'question', ellipsis: true },
  { title: '联系人', dataIndex: 'contactName', width: 90 },
  { title: '联系方式', width: 170, render: (_v, r) => r.contactPhone ?? r.contactEmail ?? '—' },
  { title: '登录用户', dataIndex: 'signedIn', width: 90, render: (v: boolean) => (v ? '是' : '否') },
  { title: '状态', dataIndex: 'status', width: 90, render: (v: TicketStatus) => <Tag color={statusColor[v]}>{ticketStatusLabels[v]}</Tag> },
  { title: '提交时间', dataIndex: 'createdAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
];

/** 客服工单: the platform support queue, open tickets first (oldest first), with a detail panel to reply or close. */
export const TicketQueuePage = () => {
  const [status, setStatus] = useState<Filter>('open');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const query = { status: status === 'all' ? undefined : status, page, pageSize: 20 };
  const { data, isFetching, error } = useQuery({
    queryKey: helpdeskKeys.tickets(query),
    queryFn: () => supportApi.list(query),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="客服工单">
      <Segmented<Filter>
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={[
          { label: '待回复', value: 'open' },
          { label: '已回复', value: 'answered' },
          { label: '已关闭', value: 'closed' },
          { label: '全部', value: 'all' },
        ]}
        style={{ marginBottom: 16 }}
      />
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={columns(setOpenId)}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 900 }}
        locale={{ emptyText: '暂无工单' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: setPage }}
      />
      <TicketDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
};

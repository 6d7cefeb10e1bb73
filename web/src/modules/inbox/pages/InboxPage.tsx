import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Card, Collapse, Empty, Pagination, Skeleton, Tabs } from 'antd';
import dayjs from 'dayjs';
import { isApiError } from '../../../api/client';
import { helpdeskApi, helpdeskKeys } from '../../helpdesk/helpdesk.api';
import { TicketReplies } from '../../helpdesk/pages/TicketLookupPage';
import { inboxApi, inboxKeys } from '../inbox.api';
import '../../helpdesk/help-pages.css';

/** The person's messages, newest first; opening an unread one marks it read. */
const Messages = () => {
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const { data, isLoading, error } = useQuery({
    queryKey: inboxKeys.list(page),
    queryFn: () => inboxApi.list(page),
    placeholderData: keepPreviousData,
  });
  const read = useMutation({ mutationFn: inboxApi.read, onSuccess: () => client.invalidateQueries({ queryKey: ['inbox'] }) });
  if (isLoading) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} />;
  if (!data || data.items.length === 0) return <Empty description="暂无消息" />;
  return (
    <>
      <Collapse
        onChange={(keys) => {
          for (const key of [keys].flat()) {
            const m = data.items.find((x) => String(x.id) === key);
            if (m && !m.read) read.mutate(m.id);
          }
        }}
        items={data.items.map((m) => ({
          key: String(m.id),
          label: (
            <span>
              {m.read ? null : <Badge status="processing" text="" />} <span style={{ fontWeight: m.read ? 400 : 600 }}>{m.subject}</span>
            </span>
          ),
          extra: <span className="help-page__meta">{dayjs(m.createdAt).format('YYYY-MM-DD HH:mm')}</span>,
          children: <div className="help-page__pre">{m.body}</div>,
        }))}
      />
      <Pagination style={{ marginTop: 16 }} current={page} pageSize={20} total={data.total} onChange={setPage} hideOnSinglePage />
    </>
  );
};

const MyTickets = () => {
  const { data, isLoading } = useQuery({ queryKey: helpdeskKeys.myTickets, queryFn: helpdeskApi.myTickets });
  if (isLoading) return <Skeleton active />;
  if (!data || data.items.length === 0) return <Empty description="您还没有提交过转人工工单" />;
  return (
    <Collapse
      items={data.items.map((t) => ({ key: t.ticketNo, label: `${t.ticketNo}　${t.question.slice(0, 40)}`, children: <TicketReplies ticket={t} /> }))}
    />
  );
};

/** 消息中心: in-app messages (e.g. support replies) and the person's own 转人工 tickets. */
export const InboxPage = () => {
  const { data } = useQuery({ queryKey: inboxKeys.list(1), queryFn: () => inboxApi.list(1) });
  return (
    <Card title="消息中心">
      <Tabs
        items={[
          {
            key: 'messages',
            label: (
              <Badge count={data?.unread ?? 0} size="small" offset={[8, 0]}>
                站内消息
              </Badge>
            ),
            children: <Messages />,
          },
          { key: 'tickets', label: '我的咨询工单', children: <MyTickets /> },
        ]}
      />
    </Card>
  );
};

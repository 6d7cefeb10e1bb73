import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { isApiError } from '../../../api/client';
import type { OutboxItem } from '@cep/contracts';
import { opsApi, opsKeys } from '../ops.api';

const channelLabels: Record<string, { label: string; color: string }> = {
  sms: { label: '短信', color: 'blue' },
  email: { label: '邮件', color: 'purple' },
  inbox: { label: '站内消息', color: 'green' },
};

const columns: TableColumnsType<OutboxItem> = [
  { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
  {
    title: '渠道',
    dataIndex: 'channel',
    width: 100,
    render: (v: string) => <Tag color={channelLabels[v]?.color}>{channelLabels[v]?.label ?? v}</Tag>,
  },
  { title: '接收方', dataIndex: 'destinationMasked', width: 170, render: (v: string | null) => v ?? '—' },
  { title: '收件人', dataIndex: 'personNameMasked', width: 100, render: (v: string | null) => v ?? '—' },
  { title: '标题', dataIndex: 'subject', width: 220 },
  { title: '内容', dataIndex: 'body', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
];

/** 消息发件箱: every SMS, e-mail and in-app message the platform sent; one-time codes are masked here. */
export const OutboxPage = () => {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching, error } = useQuery({
    queryKey: opsKeys.outbox(page, pageSize),
    queryFn: () => opsApi.outbox(page, pageSize),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="消息发件箱">
      <Alert
        type="info"
        showIcon
        title="验证码只发送给本人，此处显示为******；演示环境没有短信通道，短信和邮件内容打印在服务器控制台。"
        style={{ marginBottom: 16 }}
      />
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <Table<OutboxItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '暂无消息' }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
    </Card>
  );
};

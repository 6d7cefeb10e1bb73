import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { noticeStatusLabels, type ManagedNotice, type NoticeStatus } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { noticeKeys, noticesApi } from '../notices.api';
import { NoticeEditDrawer } from '../components/NoticeEditDrawer';
import '../notices.css';

const statusColor: Record<NoticeStatus, string> = { draft: 'default', published: 'green', withdrawn: 'orange' };
type Actions = { edit: (n: ManagedNotice) => void; publish: (n: ManagedNotice) => void; withdraw: (n: ManagedNotice) => void };

const columns = (a: Actions): TableColumnsType<ManagedNotice> => [
  { title: '标题', dataIndex: 'title', ellipsis: true },
  { title: '状态', dataIndex: 'status', width: 90, render: (v: NoticeStatus) => <Tag color={statusColor[v]}>{noticeStatusLabels[v]}</Tag> },
  { title: '附件', dataIndex: 'attachments', width: 70, render: (v: unknown[]) => v.length },
  { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—') },
  {
    title: '操作',
    width: 180,
    render: (_v, n) => (
      <Space size={4}>
        <Button type="link" size="small" onClick={() => a.edit(n)}>
          编辑
        </Button>
        {n.status === 'published' ? (
          <Popconfirm title="撤回后门户首页不再显示该公告，确定撤回？" onConfirm={() => a.withdraw(n)}>
            <Button type="link" size="small" danger>
              撤回
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm title="发布后将在门户首页显示，确定发布？" onConfirm={() => a.publish(n)}>
            <Button type="link" size="small">
              发布
            </Button>
          </Popconfirm>
        )}
      </Space>
    ),
  },
];

/** 通知公告 management of the signed-in bureau: its own notices only, drafts to publish and published to withdraw. */
export const NoticeManagePage = () => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ notice: ManagedNotice | null } | null>(null);
  const query = { page, pageSize: 20 };
  const { data, isFetching, error } = useQuery({
    queryKey: noticeKeys.managed(query),
    queryFn: () => noticesApi.managed(query),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notices'] });
  const onError = (e: unknown) => message.error(isApiError(e) ? e.message : '操作失败');
  const publish = useMutation({
    mutationFn: (n: ManagedNotice) => noticesApi.publish(n.id),
    onSuccess: () => {
      message.success('已发布');
      void refresh();
    },
    onError,
  });
  const withdraw = useMutation({
    mutationFn: (n: ManagedNotice) => noticesApi.withdraw(n.id),
    onSuccess: () => {
      message.success('已撤回');
      void refresh();
    },
    onError,
  });
  return (
    <Card
      title="通知公告"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ notice: null })}>
          新建公告
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <Table<ManagedNotice>
        rowKey="id"
        size="middle"
        columns={columns({ edit: (n) => setEditing({ notice: n }), publish: (n) => publish.mutate(n), withdraw: (n) => withdraw.mutate(n) })}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 700 }}
        locale={{ emptyText: '本单位还没有发布通知公告' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
      />
      <NoticeEditDrawer
        open={Boolean(editing)}
        notice={editing?.notice ?? null}
        onSaved={(n) => setEditing({ notice: n })}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
};

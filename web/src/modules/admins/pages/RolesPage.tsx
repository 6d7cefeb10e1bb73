import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AdminRole } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { useCurrentSession } from '../../../access/session';
import { adminKeys, adminsApi } from '../admins.api';
import { moduleLabels } from '../admins.modules';
import { RoleDialog } from '../components/RoleDialog';

type Actions = { edit: (r: AdminRole) => void; remove: (r: AdminRole) => void };

const columns = (labels: Record<string, string>, a: Actions): TableColumnsType<AdminRole> => [
  { title: '角色名称', dataIndex: 'name', width: 160 },
  { title: '角色描述', dataIndex: 'description', width: 200, ellipsis: true, render: (v: string | null) => v ?? '—' },
  { title: '权限模块', dataIndex: 'permissions', render: (v: string[]) => v.map((p) => <Tag key={p}>{labels[p] ?? p}</Tag>) },
  { title: '管理员', dataIndex: 'adminCount', width: 80, render: (v: number) => `${v} 名` },
  {
    title: '操作',
    width: 130,
    render: (_v, r) => (
      <Space size={4}>
        <Button type="link" size="small" onClick={() => a.edit(r)}>
          编辑
        </Button>
        <Popconfirm title="确定删除该角色？" onConfirm={() => a.remove(r)}>
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      </Space>
    ),
  },
];

/** 角色管理: create a role before adding an admin who should hold it (seed 002 FAQ 30). */
export const RolesPage = () => {
  const session = useCurrentSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ role: AdminRole | null } | null>(null);
  const labels = useMemo(() => moduleLabels(session.account.role), [session]);
  const { data, isFetching, error } = useQuery({ queryKey: adminKeys.roles, queryFn: adminsApi.roles });
  const remove = useMutation({
    mutationFn: (r: AdminRole) => adminsApi.deleteRole(r.id),
    onSuccess: () => {
      message.success('角色已删除');
      void client.invalidateQueries({ queryKey: adminKeys.all });
    },
    onError: (e) => message.error(isApiError(e) ? e.message : '删除失败'),
  });
  return (
    <Card
      title="角色管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ role: null })}>
          新增角色
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <Table<AdminRole>
        rowKey="id"
        size="middle"
        columns={columns(labels, { edit: (r) => setEditing({ role: r }), remove: (r) => remove.mutate(r) })}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: '还没有角色；新增管理员前请先新增角色' }}
      />
      <RoleDialog open={Boolean(editing)} role={editing?.role ?? null} onClose={() => setEditing(null)} />
    </Card>
  );
};

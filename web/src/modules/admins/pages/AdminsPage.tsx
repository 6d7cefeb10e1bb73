import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { AdminItem } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { useCurrentSession } from '../../../access/session';
import { adminKeys, adminsApi } from '../admins.api';
import { authApi } from '../../../api/auth.api';
import { AddAdminDialog, EditAdminDialog } from '../components/AdminDialogs';
import { PendingInvitations } from '../components/PendingInvitations';

type Action = 'disable' | 'enable' | 'remove' | 'makeSuperAdmin' | 'resetPassword' | 'resetMfa';
type Handlers = { edit: (a: AdminItem) => void; run: (action: Action, a: AdminItem) => void; isSuper: boolean };

const confirmText: Record<Action, string> = {
  disable: '禁用后该管理员将立即退出且不能登录，确定禁用？',
  enable: '确定启用该管理员？',
  remove: '删除后该管理员的管理权限将被收回且不可恢复，确定删除？',
  makeSuperAdmin: '设为超级管理员后，您的管理员账号将被系统自动删除（更换超管后不保留原超管账号），确定继续？',
  resetPassword: '将重置该管理员的登录密码（临时密码24小时内有效，登录后须立即修改），确定重置？',
  resetMfa: '重置后该管理员下次登录须重新绑定身份验证器（用于其手机丢失或更换时），确定重置？',
};

const act = (label: string, action: Action, a: AdminItem, h: Handlers, danger = false) => (
  <Popconfirm key={action} title={confirmText[action]} onConfirm={() => h.run(action, a)}>
    <Button type="link" size="small" danger={danger}>
      {label}
    </Button>
  </Popconfirm>
);

const actionsOf = (a: AdminItem, h: Handlers) => {
  if (a.isSelf || a.isSuperAdmin) return <span className="ant-typography-secondary">—</span>;
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => h.edit(a)}>
        编辑
      </Button>
      {a.status === 'active' ? act('禁用', 'disable', a, h, true) : act('启用', 'enable', a, h)}
      {h.isSuper ? act('重置密码', 'resetPassword', a, h) : null}
      {h.isSuper && a.mfaEnrolled ? act('重置动态口令', 'resetMfa', a, h) : null}
      {act('删除', 'remove', a, h, true)}
      {h.isSuper && a.status === 'active' ? act('设为超级管理员', 'makeSuperAdmin', a, h) : null}
    </Space>
  );
};

const columns = (h: Handlers): TableColumnsType<AdminItem> => [
  {
    title: '姓名',
    dataIndex: 'name',
    width: 140,
    render: (v: string, a) => (
      <>
        {v}
        {a.isSuperAdmin ? (
          <Tag color="gold" style={{ marginLeft: 6 }}>
            超级管理员
          </Tag>
        ) : null}
        {a.isSelf ? <Tag style={{ marginLeft: 6 }}>本人</Tag> : null}
      </>
    ),
  },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 180 },
  { title: '手机号', dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => v ?? '—' },
  { title: '角色', dataIndex: 'roleName', width: 130, render: (v: string | null, a) => (a.isSuperAdmin ? '全部权限' : (v ?? '—')) },
  { title: '动态口令', dataIndex: 'mfaEnrolled', width: 90, render: (v: boolean) => (v ? <Tag color="blue">已绑定</Tag> : <Tag>未绑定</Tag>) },
  {
    title: '状态',
    dataIndex: 'status',
    width: 80,
    render: (v: string) => (v === 'active' ? <Tag color="green">启用</Tag> : <Tag color="red">禁用</Tag>),
  },
  { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—') },
  { title: '操作', render: (_v, a) => actionsOf(a, h) },
];

/** What an action reports: a sentence, and for a random reset the one-time password, shown once. */
type Outcome = { text: string; temporaryPassword?: string | null };

const run = async (action: Action, a: AdminItem): Promise<Outcome> => {
  if (action === 'resetMfa') return { text: (await authApi.resetMfa(a.personId)).message };
  if (action === 'resetPassword') {
    const r = await adminsApi.resetPassword(a.personId);
    return { text: r.message, temporaryPassword: r.temporaryPassword };
  }
  const call = { disable: adminsApi.disable, enable: adminsApi.enable, remove: adminsApi.remove, makeSuperAdmin: adminsApi.makeSuperAdmin }[action];
  await call(a.accountId);
  return { text: action === 'makeSuperAdmin' ? '已更换超级管理员，您的管理员账号已删除' : '操作成功' };
};

type Filter = { name?: string; status?: 'active' | 'disabled' };

const FilterBar = ({ onSearch }: { onSearch: (f: Filter) => void }) => (
  <Form<Filter>
    name="adminFilter"
    layout="inline"
    onFinish={(f) => onSearch({ name: f.name || undefined, status: f.status })}
    style={{ marginBottom: 16, rowGap: 8 }}
  >
    <Form.Item name="name" label="姓名">
      <Input allowClear maxLength={50} />
    </Form.Item>
    <Form.Item name="status" label="状态">
      <Select
        allowClear
        style={{ width: 110 }}
        options={[
          { value: 'active', label: '启用' },
          { value: 'disabled', label: '禁用' },
        ]}
      />
    </Form.Item>
    <Button type="primary" htmlType="submit">
      查询
    </Button>
  </Form>
);

/** 管理单位管理员: add or invite admins with a role, disable, reset passwords, remove, and hand over the super admin. */
export const AdminsPage = () => {
  const session = useCurrentSession();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<AdminItem | null>(null);
  const [filter, setFilter] = useState<Filter>({});
  const { data, isFetching, error } = useQuery({ queryKey: adminKeys.admins(filter), queryFn: () => adminsApi.admins(filter) });
  const mutation = useMutation({
    mutationFn: ({ action, admin }: { action: Action; admin: AdminItem }) => run(action, admin),
    onSuccess: ({ text, temporaryPassword }) => {
      if (temporaryPassword)
        modal.info({
          title: '临时密码（仅显示这一次）',
          content: (
            <>
              <p>{text}</p>
              <p className="temporary-password">{temporaryPassword}</p>
            </>
          ),
        });
      else message.success(text);
      void client.invalidateQueries({ queryKey: adminKeys.all });
    },
    onError: (e) => message.error(isApiError(e) ? e.message : '操作失败'),
  });
  const handlers: Handlers = { edit: setEditing, run: (action, admin) => mutation.mutate({ action, admin }), isSuper: session.account.isSuperAdmin };
  return (
    <Card
      title="管理单位管理员"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          新增管理员
        </Button>
      }
    >
      <FilterBar onSearch={setFilter} />
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <Table<AdminItem>
        rowKey="accountId"
        size="middle"
        columns={columns(handlers)}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 1200 }}
      />
      <PendingInvitations />
      <AddAdminDialog open={adding} onClose={() => setAdding(false)} />
      <EditAdminDialog admin={editing} onClose={() => setEditing(null)} />
    </Card>
  );
};

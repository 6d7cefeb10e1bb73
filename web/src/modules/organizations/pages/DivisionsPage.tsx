import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { DivisionNode } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { organizationKeys, organizationsApi } from '../organizations.api';

/** The dialog's job: a new top-level division, a child of `parent`, or a new name for `division`. */
type Editing = { mode: 'add'; parent: DivisionNode | null } | { mode: 'rename'; division: DivisionNode };
type Actions = { addChild: (d: DivisionNode) => void; rename: (d: DivisionNode) => void; toggle: (d: DivisionNode) => void };

/** antd shows an expander for any `children` array, so leaves carry none. */
const toRows = (nodes: DivisionNode[]): DivisionNode[] =>
  nodes.map((n) => (n.children.length ? { ...n, children: toRows(n.children) } : ({ ...n, children: undefined } as unknown as DivisionNode)));

/** Rows with children, so the tree opens fully unless the user folds a branch. */
const parentIds = (nodes: DivisionNode[]): string[] => nodes.flatMap((n) => (n.children.length ? [n.id, ...parentIds(n.children)] : []));

const columns = (a: Actions): TableColumnsType<DivisionNode> => [
  { title: '部门名称', dataIndex: 'name' },
  { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => (v === 'active' ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
  {
    title: '操作',
    width: 240,
    render: (_v, d) => (
      <Space size={4}>
        <Button type="link" size="small" disabled={d.status !== 'active'} onClick={() => a.addChild(d)}>
          添加下级
        </Button>
        <Button type="link" size="small" onClick={() => a.rename(d)}>
          重命名
        </Button>
        {d.status === 'active' ? (
          <Popconfirm title="停用后其下级部门也将一并停用，确定停用？" onConfirm={() => a.toggle(d)}>
            <Button type="link" size="small" danger>
              停用
            </Button>
          </Popconfirm>
        ) : (
          <Button type="link" size="small" onClick={() => a.toggle(d)}>
            启用
          </Button>
        )}
      </Space>
    ),
  },
];

const NameDialog = ({ editing, onClose }: { editing: Editing | null; onClose: () => void }) => {
  const [form] = Form.useForm<{ name: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  useEffect(() => {
    if (editing) form.setFieldsValue({ name: editing.mode === 'rename' ? editing.division.name : '' });
  }, [editing, form]);
  const save = useMutation({
    mutationFn: ({ name }: { name: string }) =>
      editing?.mode === 'rename'
        ? organizationsApi.renameDivision(editing.division.id, name)
        : organizationsApi.createDivision({ name, parentId: editing?.parent?.id ?? null }),
    onSuccess: () => {
      message.success('已保存');
      void client.invalidateQueries({ queryKey: organizationKeys.divisions });
      onClose();
    },
  });
  const title = editing?.mode === 'rename' ? '重命名部门' : editing?.parent ? `在“${editing.parent.name}”下添加部门` : '新增部门';
  return (
    <Modal
      open={Boolean(editing)}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterClose={() => save.reset()}
    >
      {save.error ? (
        <Alert type="error" showIcon title={isApiError(save.error) ? save.error.message : '保存失败'} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} name="division" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label="部门名称" rules={[{ required: true, whitespace: true, message: '请输入部门名称' }]}>
          <Input maxLength={50} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** 管理内设部门: the signed-in org's divisions as a tree; a disabled division takes its children along. */
export const DivisionsPage = () => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const { data, isFetching, error } = useQuery({ queryKey: organizationKeys.divisions, queryFn: organizationsApi.divisions });
  const toggle = useMutation({
    mutationFn: (d: DivisionNode) => (d.status === 'active' ? organizationsApi.disableDivision(d.id) : organizationsApi.enableDivision(d.id)),
    onSuccess: (r) => {
      message.success(`已更新 ${r.affected} 个部门`);
      void client.invalidateQueries({ queryKey: organizationKeys.divisions });
    },
    onError: (e) => message.error(isApiError(e) ? e.message : '操作失败'),
  });
  return (
    <Card
      title="管理内设部门"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'add', parent: null })}>
          新增部门
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <Table<DivisionNode>
        rowKey="id"
        size="middle"
        columns={columns({
          addChild: (d) => setEditing({ mode: 'add', parent: d }),
          rename: (d) => setEditing({ mode: 'rename', division: d }),
          toggle: (d) => toggle.mutate(d),
        })}
        dataSource={toRows(data?.items ?? [])}
        loading={isFetching}
        pagination={false}
        expandable={{
          expandedRowKeys: parentIds(data?.items ?? []).filter((id) => !folded.has(id)),
          onExpand: (open, d) =>
            setFolded((prev) => {
              const next = new Set(prev);
              if (open) next.delete(d.id);
              else next.add(d.id);
              return next;
            }),
        }}
        locale={{ emptyText: '本单位还没有内设部门' }}
      />
      <NameDialog editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
};

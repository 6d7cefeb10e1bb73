import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { kbTopicLabel, kbTopicLabels, type KbEntryEditInput, type KbRecord, type KbRecordStatus } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { helpdeskKeys, kbApi } from '../helpdesk.api';
import { KbEditDrawer } from '../components/KbEditDrawer';
import { KbHistoryDrawer } from '../components/KbHistoryDrawer';

type Actions = { canEdit: boolean; edit: (r: KbRecord) => void; history: (id: string) => void; toggle: (r: KbRecord) => void };

const columns = (a: Actions): TableColumnsType<KbRecord> => [
  { title: '标题', dataIndex: 'title', ellipsis: true },
  { title: '分类', dataIndex: 'topic', width: 130, render: (v: string) => kbTopicLabel(v) },
  { title: '问法数', dataIndex: 'variants', width: 80, render: (v: string[]) => v.length },
  {
    title: '状态',
    dataIndex: 'status',
    width: 80,
    render: (v: KbRecordStatus) => (v === 'active' ? <Tag color="green">使用中</Tag> : <Tag>已停用</Tag>),
  },
  { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
  {
    title: '操作',
    width: 200,
    render: (_v, r) => (
      <Space size={4}>
        {a.canEdit ? (
          <Button type="link" size="small" onClick={() => a.edit(r)}>
            编辑
          </Button>
        ) : null}
        <Button type="link" size="small" onClick={() => a.history(r.id)}>
          历史
        </Button>
        {a.canEdit ? (
          <Popconfirm
            title={r.status === 'active' ? '停用后智能客服不再使用该条目，确定停用？' : '确定恢复使用该条目？'}
            onConfirm={() => a.toggle(r)}
          >
            <Button type="link" size="small" danger={r.status === 'active'}>
              {r.status === 'active' ? '停用' : '恢复'}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    ),
  },
];

const topicFilter = Object.entries(kbTopicLabels).map(([value, label]) => ({ value, label }));
type Filters = { q?: string; topic?: string; status?: KbRecordStatus };

const KbFilters = ({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) => (
  <Space wrap style={{ marginBottom: 16 }}>
    <Input.Search
      placeholder="搜索标题、答复或问法"
      allowClear
      onSearch={(v) => onChange({ ...value, q: v.trim() || undefined })}
      style={{ width: 280 }}
    />
    <Select
      placeholder="全部分类"
      allowClear
      options={topicFilter}
      value={value.topic}
      onChange={(topic) => onChange({ ...value, topic })}
      style={{ width: 160 }}
    />
    <Select
      placeholder="全部状态"
      allowClear
      value={value.status}
      onChange={(status) => onChange({ ...value, status })}
      style={{ width: 120 }}
      options={[
        { value: 'active', label: '使用中' },
        { value: 'retired', label: '已停用' },
      ]}
    />
  </Space>
);

/** Save (create or edit at the entry's version) and retire/restore, refreshing the list after each. */
const useKbChanges = (editing: KbRecord | null | undefined, onSaved: () => void) => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const refresh = () => client.invalidateQueries({ queryKey: ['helpdesk', 'kb'] });
  const save = useMutation({
    mutationFn: (values: KbEntryEditInput) => (editing ? kbApi.update(editing.id, { ...values, version: editing.version }) : kbApi.create(values)),
    onSuccess: () => {
      onSaved();
      message.success('已保存，智能客服已使用新内容');
      void refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (r: KbRecord) => (r.status === 'active' ? kbApi.retire(r.id, r.version) : kbApi.restore(r.id, r.version)),
    onSuccess: (d) => {
      message.success(d.entry.status === 'active' ? '已恢复' : '已停用');
      void refresh();
    },
    onError: (e) => message.error(isApiError(e) ? e.message : '操作失败'),
  });
  return { save, toggle };
};

/** 知识库管理: search the entries; the province bureau adds, edits, retires and restores them; every change has history. */
export const KbAdminPage = () => {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ entry: KbRecord | null } | null>(null);
  const [historyId, setHistoryId] = useState<string | null>(null);
  const query = { ...filters, page, pageSize: 20 };
  const { data, isFetching, error } = useQuery({
    queryKey: helpdeskKeys.kbList(query),
    queryFn: () => kbApi.list(query),
    placeholderData: keepPreviousData,
  });
  const { save, toggle } = useKbChanges(editing?.entry, () => setEditing(null));
  const canEdit = data?.canEdit ?? false;
  const edit = (entry: KbRecord | null) => {
    save.reset();
    setEditing({ entry });
  };
  return (
    <Card
      title="知识库管理"
      extra={
        canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => edit(null)}>
            新增条目
          </Button>
        ) : null
      }
    >
      {data && !canEdit ? <Alert type="info" showIcon title="知识库由省级人社部门统一维护，您可以查看和检索。" style={{ marginBottom: 16 }} /> : null}
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <KbFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setPage(1);
        }}
      />
      <Table<KbRecord>
        rowKey="id"
        size="middle"
        columns={columns({ canEdit, edit, history: setHistoryId, toggle: (r) => toggle.mutate(r) })}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 820 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          showTotal: (t) => `共 ${t} 条`,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
      <KbEditDrawer
        open={Boolean(editing)}
        entry={editing?.entry ?? null}
        saving={save.isPending}
        error={save.error}
        onSave={(v) => save.mutate(v)}
        onClose={() => setEditing(null)}
      />
      <KbHistoryDrawer id={historyId} onClose={() => setHistoryId(null)} />
    </Card>
  );
};

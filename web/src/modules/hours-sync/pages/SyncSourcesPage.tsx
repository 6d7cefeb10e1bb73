import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { learningCategoryLabels, type NewSyncSource, type SyncSource, type SyncSourceInput } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { useSubmission } from '../../../components/use-submission';
import { syncApi, syncKeys } from '../hours-sync.api';

const time = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

const columns = (actions: {
  refusals: (s: SyncSource) => void;
  rotate: (s: SyncSource) => void;
  revoke: (s: SyncSource) => void;
}): TableColumnsType<SyncSource> => [
  { title: '学习平台', dataIndex: 'name', width: 160 },
  {
    title: '对接范围',
    width: 160,
    render: (_v, s) => `${s.fromYear}—${s.toYear}年度 · ${s.categories.map((c) => learningCategoryLabels[c]).join('、')}`,
  },
  {
    title: '密钥',
    dataIndex: 'keyPrefix',
    width: 170,
    render: (v: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{`${v}…`}</Typography.Text>,
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 70,
    render: (v: SyncSource['status']) => (v === 'active' ? <Tag color="green">启用</Tag> : <Tag>已吊销</Tag>),
  },
  { title: '最近报送', dataIndex: 'lastBatchAt', width: 130, render: time },
  { title: '已接收', dataIndex: 'acceptedCount', width: 80, align: 'right' },
  {
    title: '被拒',
    dataIndex: 'refusedCount',
    width: 80,
    align: 'right',
    render: (v: number, s) =>
      v > 0 ? (
        <Button type="link" size="small" onClick={() => actions.refusals(s)} title="查看被拒记录">
          {`${v} 条`}
        </Button>
      ) : (
        0
      ),
  },
  {
    title: '操作',
    width: 150,
    fixed: 'right',
    render: (_v, s) => (
      <Space size={4}>
        {s.status === 'active' ? (
          <Popconfirm title="更换后原密钥立即失效，新密钥只显示一次。确定更换？" onConfirm={() => actions.rotate(s)}>
            <Button type="link" size="small">
              更换密钥
            </Button>
          </Popconfirm>
        ) : null}
        {s.status === 'active' ? (
          <Popconfirm title="吊销后该平台的密钥立即失效，已接收的学时保留。确定吊销？" onConfirm={() => actions.revoke(s)}>
            <Button type="link" size="small" danger>
              吊销
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    ),
  },
];

const RegisterDrawer = ({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: (r: NewSyncSource) => void }) => {
  const [form] = Form.useForm<SyncSourceInput>();
  const isPhone = Grid.useBreakpoint().md === false;
  const thisYear = dayjs().year();
  const submission = useSubmission({
    submit: syncApi.register,
    success: '学习平台已登记',
    refresh: [syncKeys.all],
    done: (r) => {
      form.resetFields();
      onRegistered(r);
    },
  });
  return (
    <Drawer title="登记学习平台" open={open} onClose={onClose} size={isPhone ? '100%' : 480} className="sync-register" destroyOnHidden>
      <Form<SyncSourceInput>
        form={form}
        layout="vertical"
        initialValues={{ categories: ['public', 'specialized'], fromYear: thisYear - 1, toYear: thisYear }}
        onFinish={(v) => submission.mutate(v)}
      >
        <Form.Item name="name" label="学习平台名称" rules={[{ required: true, message: '请输入学习平台名称' }]}>
          <Input maxLength={60} placeholder="如：河南省专业技术人员网络学习平台" />
        </Form.Item>
        <Form.Item name="categories" label="可报送的科目类别" rules={[{ required: true, message: '请选择可报送的科目类别' }]}>
          <Checkbox.Group options={Object.entries(learningCategoryLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Space>
          <Form.Item name="fromYear" label="起始年度" rules={[{ required: true, message: '请输入起始年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="toYear" label="结束年度" rules={[{ required: true, message: '请输入结束年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
        </Space>
        {submission.refusal ? <Alert type="error" showIcon title={submission.refusal} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={submission.isPending}>
          登记并生成密钥
        </Button>
      </Form>
    </Drawer>
  );
};

const RefusalsDrawer = ({ source, onClose }: { source: SyncSource | null; onClose: () => void }) => {
  const [page, setPage] = useState(1);
  const isPhone = Grid.useBreakpoint().md === false;
  const { data, isFetching, error } = useQuery({
    queryKey: syncKeys.refusals(source?.id ?? '', page),
    queryFn: () => syncApi.refusals(source!.id, page),
    enabled: Boolean(source),
    placeholderData: keepPreviousData,
  });
  return (
    <Drawer
      title={source ? `被拒记录 · ${source.name}` : ''}
      open={Boolean(source)}
      onClose={onClose}
      size={isPhone ? '100%' : 880}
      className="sync-refusals"
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
      <Table
        rowKey={(r) => `${r.batchId}:${r.recordId}`}
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 760 }}
        locale={{ emptyText: '没有被拒的记录' }}
        columns={[
          { title: '报送时间', dataIndex: 'receivedAt', width: 140, render: time },
          { title: '记录编号', dataIndex: 'recordId', width: 110 },
          { title: '人员', width: 190, render: (_v, r) => `${r.name} ${r.idNumberMasked}` },
          { title: '课程', dataIndex: 'course', width: 160, ellipsis: true },
          { title: '原因', render: (_v, r) => <span title={r.message}>{`${r.resultLabel}：${r.message}`}</span> },
        ]}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
      />
    </Drawer>
  );
};

/**
 * 学习平台对接 (province bureau): the learning platforms that send completed hours, each with its own key (shown once,
 * 吊销 at any time), when it last sent, how many records it has and the items refused with why.
 */
export const SyncSourcesPage = () => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [registering, setRegistering] = useState(false);
  const [newKey, setNewKey] = useState<NewSyncSource | null>(null);
  const [viewing, setViewing] = useState<SyncSource | null>(null);
  const { data, isFetching, error } = useQuery({ queryKey: syncKeys.sources(), queryFn: syncApi.sources });
  const rotate = useMutation({
    mutationFn: (s: SyncSource) => syncApi.rotate(s.id),
    onSuccess: (r) => {
      setNewKey(r);
      void client.invalidateQueries({ queryKey: syncKeys.all });
    },
    onError: (e) => message.error(isApiError(e) ? e.message : '操作失败'),
  });
  const revoke = useMutation({
    mutationFn: (s: SyncSource) => syncApi.revoke(s.id),
    onSuccess: () => {
      message.success('密钥已吊销');
      void client.invalidateQueries({ queryKey: syncKeys.all });
    },
    onError: (e) => message.error(isApiError(e) ? e.message : '操作失败'),
  });
  return (
    <Card
      title="学习平台对接"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} disabled={Boolean(error)}>
          登记学习平台
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="学习平台用各自的对接密钥调用 POST /api/hours-sync/batches 报送学员完成的学时（接口说明见 /api/docs 的“学时对接”）；每条记录单独给出结果；点击“被拒”条数可查看被拒记录及原因。"
      />
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 16 }} /> : null}
      <Table<SyncSource>
        rowKey="id"
        size="middle"
        columns={columns({ refusals: setViewing, rotate: (s) => rotate.mutate(s), revoke: (s) => revoke.mutate(s) })}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '还没有登记学习平台' }}
        pagination={false}
      />
      <RegisterDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(r) => {
          setRegistering(false);
          setNewKey(r);
        }}
      />
      <Modal
        title="对接密钥（只显示这一次）"
        open={Boolean(newKey)}
        onOk={() => setNewKey(null)}
        onCancel={() => setNewKey(null)}
        okText="我已妥善保存"
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <p>请将密钥通过安全渠道交给“{newKey?.source.name}”的技术人员。平台只保存密钥的摘要，关闭后无法再次查看；遗失可“更换密钥”。</p>
        <Typography.Paragraph copyable={{ text: newKey?.apiKey ?? '' }} code style={{ wordBreak: 'break-all' }} data-testid="sync-api-key">
          {newKey?.apiKey}
        </Typography.Paragraph>
      </Modal>
      <RefusalsDrawer source={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
};

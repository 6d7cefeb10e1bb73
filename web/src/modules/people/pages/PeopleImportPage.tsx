import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Progress, Space, Table, Tag, Typography, Upload, type TableColumnsType, type UploadFile } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { peopleImportMaxRows, type PeopleImport, type PeopleImportStatus } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { useSubmission } from '../../../components/use-submission';
import { ScopeEmployerSelect } from '../components/ScopeEmployerSelect';
import { IMPORT_TEMPLATE_URL, importApi, importFailuresUrl, importKeys } from '../people-import.api';
import '../people.css';

const statusColors: Record<PeopleImportStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };
const isActive = (i: PeopleImport) => i.status === 'queued' || i.status === 'running';
const dateTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

const percentOf = (i: PeopleImport) => {
  if (i.status === 'done') return 100;
  if (!i.totalRows) return 0;
  return Math.floor((i.processedRows / i.totalRows) * 100);
};

const ImportProgress = ({ item }: { item: PeopleImport }) => {
  if (item.status === 'failed') return <Typography.Text type="danger">{item.error}</Typography.Text>;
  if (item.status === 'queued' || (item.status === 'running' && item.totalRows === null)) {
    return <Typography.Text type="secondary">{item.status === 'queued' ? '排队中，即将开始…' : '正在读取文件…'}</Typography.Text>;
  }
  return (
    <div className="people-import__progress">
      <Progress percent={percentOf(item)} size="small" status={isActive(item) ? 'active' : 'success'} aria-label="导入进度" />
      <span className="people-import__muted">
        {item.processedRows.toLocaleString()} / {(item.totalRows ?? 0).toLocaleString()} 行
      </span>
    </div>
  );
};

const columns: TableColumnsType<PeopleImport> = [
  {
    title: '文件',
    dataIndex: 'filename',
    render: (name: string, i) => (
      <Space orientation="vertical" size={0}>
        <span className="people-import__file">{name}</span>
        <span className="people-import__muted">
          {i.uploaderName} · {dateTime(i.createdAt)} · 导入到 {i.employerName}
        </span>
      </Space>
    ),
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (s: PeopleImportStatus, i) => <Tag color={statusColors[s]}>{i.statusLabel}</Tag>,
  },
  { title: '进度', key: 'progress', width: 240, render: (_, i) => <ImportProgress item={i} /> },
  {
    title: '成功 / 失败',
    key: 'counts',
    width: 110,
    render: (_, i) => (
      <span>
        <Typography.Text type="success">{i.createdCount}</Typography.Text> /{' '}
        <Typography.Text type={i.failedCount ? 'danger' : undefined}>{i.failedCount}</Typography.Text>
      </span>
    ),
  },
  {
    title: '操作',
    key: 'actions',
    width: 130,
    render: (_, i) =>
      !isActive(i) && i.failedCount > 0 ? (
        <Button size="small" icon={<DownloadOutlined />} href={importFailuresUrl(i.id)} download>
          下载失败数据
        </Button>
      ) : (
        <span className="people-import__muted">—</span>
      ),
  },
];

/** 批量导入 (seed 002, 003 6): the template, the upload, and each import's progress (it runs on the server). */
export const PeopleImportPage = () => {
  const [form] = Form.useForm<{ employerId: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { data, error } = useQuery({
    queryKey: importKeys.list,
    queryFn: importApi.list,
    // The progress is the server's: it survives a reload, and is polled only while an import runs.
    refetchInterval: (q) => (q.state.data?.items.some(isActive) ? 1000 : false),
  });
  const start = useSubmission({
    submit: (input: { employerId: string; file: File }) => importApi.start(input),
    success: '文件已上传，正在后台导入，可离开本页，稍后回来查看结果',
    refresh: [importKeys.list],
    done: () => setFiles([]),
  });
  const running = data?.items.some(isActive) ?? false;
  const file = files[0]?.originFileObj;
  return (
    <Space orientation="vertical" size={16} className="people-import">
      <Card title="批量导入专业技术人员">
        <ol className="people-import__steps">
          <li>
            <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URL} download>
              下载导入模板
            </Button>
            <span className="people-import__muted">按模板“填写说明”填写，民族、学历、专业、职称请从下拉列表选择。</span>
          </li>
          <li>选择人员导入到的单位（行内填写了“所在单位统一社会信用代码”的，导入到该单位）。</li>
          <li>
            上传填好的 .xlsx 文件（每次最多 {peopleImportMaxRows.toLocaleString()}{' '}
            行）。导入成功的人员用身份证号登录，初始密码为身份证号后六位，首次登录须修改密码。
          </li>
        </ol>
        <Form
          form={form}
          layout="vertical"
          className="people-import__form"
          onFinish={(v) => file && start.mutate({ employerId: v.employerId, file })}
        >
          <Form.Item name="employerId" label="导入到单位" rules={[{ required: true, message: '请选择导入到的单位' }]}>
            <ScopeEmployerSelect placeholder="输入单位名称搜索" ariaLabel="导入到单位" />
          </Form.Item>
          <Form.Item label="导入文件" required>
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList.slice(-1))}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖动 .xlsx 文件到此处</p>
            </Upload.Dragger>
          </Form.Item>
          {start.refusal ? <Alert type="error" showIcon title={start.refusal} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={start.isPending} disabled={!file || running}>
            开始导入
          </Button>
          {running ? <span className="people-import__muted people-import__hint">有导入正在进行，完成后可再上传</span> : null}
        </Form>
      </Card>
      <Card title="导入记录">
        {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} style={{ marginBottom: 12 }} /> : null}
        <Table<PeopleImport>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: '还没有导入记录' }}
        />
      </Card>
    </Space>
  );
};

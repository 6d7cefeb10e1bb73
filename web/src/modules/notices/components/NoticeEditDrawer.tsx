import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input, List, Space, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { ManagedNotice, NoticeInput } from '@cep/contracts';
import { formatFileSize, isApiError } from '../../../api/client';
import { noticesApi } from '../notices.api';

type Props = { open: boolean; notice: ManagedNotice | null; onSaved: (n: ManagedNotice) => void; onClose: () => void };
const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

const Attachments = ({ notice, onChanged }: { notice: ManagedNotice; onChanged: (n: ManagedNotice) => void }) => {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const fail = (e: unknown) => message.error(isApiError(e) ? e.message : '操作失败');
  return (
    <>
      <List
        size="small"
        dataSource={notice.attachments}
        locale={{ emptyText: '暂无附件' }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="del"
                type="link"
                danger
                size="small"
                icon={<DeleteOutlined />}
                onClick={() => noticesApi.removeAttachment(notice.id, a.id).then(onChanged, fail)}
              >
                删除
              </Button>,
            ]}
          >
            <a href={noticesApi.ownAttachmentUrl(notice.id, a.id)}>
              <PaperClipOutlined /> {a.filename}
            </a>
            <span className="notice-list__meta">{formatFileSize(a.size)}</span>
          </List.Item>
        )}
      />
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        customRequest={({ file }) => {
          setUploading(true);
          noticesApi
            .upload(notice.id, file as File)
            .then((n) => {
              onChanged(n);
              message.success('附件已上传');
            }, fail)
            .finally(() => setUploading(false));
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading} style={{ marginTop: 8 }}>
          上传附件
        </Button>
      </Upload>
      <div className="notice-list__meta" style={{ marginTop: 4 }}>
        支持 PDF、Word(docx)、Excel(xlsx)、PNG、JPG，单个文件不超过10MB
      </div>
    </>
  );
};

/** Write or correct a notice (plain text), then manage its attachments; publishing is a separate, explicit step. */
export const NoticeEditDrawer = ({ open, notice, onSaved, onClose }: Props) => {
  const [form] = Form.useForm<NoticeInput>();
  const client = useQueryClient();
  const isPhone = Grid.useBreakpoint().md === false;
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ title: notice?.title ?? '', body: notice?.body ?? '' });
  }, [open, notice, form]);
  const changed = (n: ManagedNotice) => {
    onSaved(n);
    void client.invalidateQueries({ queryKey: ['notices'] });
  };
  const save = async (values: NoticeInput) => {
    setSaving(true);
    try {
      changed(notice ? await noticesApi.update(notice.id, values) : await noticesApi.create(values));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 680}
      title={notice ? '编辑通知公告' : '新建通知公告'}
      closable={false}
      extra={<Button onClick={onClose}>关闭</Button>}
    >
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '保存失败'} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="body" label="正文" extra="按纯文本显示，换行会保留" rules={[{ required: true, whitespace: true, message: '请填写正文' }]}>
          <Input.TextArea rows={12} maxLength={20000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {notice ? '保存修改' : '保存草稿'}
          </Button>
        </Space>
      </Form>
      {notice ? (
        <div style={{ marginTop: 24 }}>
          <h4>附件</h4>
          <Attachments notice={notice} onChanged={changed} />
        </div>
      ) : (
        <div className="notice-list__meta" style={{ marginTop: 16 }}>
          保存草稿后可上传附件。
        </div>
      )}
    </Drawer>
  );
};

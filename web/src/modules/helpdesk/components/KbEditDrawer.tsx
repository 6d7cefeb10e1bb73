import { useEffect } from 'react';
import { Alert, Button, Checkbox, Drawer, Form, Grid, Input, Select, Space, Switch } from 'antd';
import { kbTopicLabels, loginRoleLabels, type KbEntryEditInput, type KbRecord } from '@cep/contracts';
import { isApiError } from '../../../api/client';

const topicOptions = Object.entries(kbTopicLabels).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
const roleOptions = (['professional', 'employer', 'authority', 'provider', 'hrBureau'] as const).map((r) => ({
  value: r,
  label: loginRoleLabels[r],
}));

type Props = {
  open: boolean;
  entry: KbRecord | null;
  saving: boolean;
  error: unknown;
  onSave: (values: KbEntryEditInput) => void;
  onClose: () => void;
};

/** The add / edit form of one entry: title, answer, the ways users ask it (variants), topic, roles. */
export const KbEditDrawer = ({ open, entry, saving, error, onSave, onClose }: Props) => {
  const [form] = Form.useForm<KbEntryEditInput>();
  const isPhone = Grid.useBreakpoint().md === false;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      entry
        ? { ...entry, roles: entry.roles as KbEntryEditInput['roles'] }
        : { title: '', answer: '', variants: [], topic: 'registration', roles: ['professional'], handoff: false },
    );
  }, [open, entry, form]);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      title={entry ? `编辑条目：${entry.title}` : '新增知识条目'}
      closable={false}
      extra={<Button onClick={onClose}>关闭</Button>}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '保存失败'} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={onSave}>
        <Form.Item name="title" label="标题（问题）" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="answer" label="答复内容" rules={[{ required: true, whitespace: true, message: '请输入答复内容' }]}>
          <Input.TextArea rows={8} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="variants" label="其他问法" extra="用户可能的其他提问方式，输入后按回车添加">
          <Select mode="tags" open={false} tokenSeparators={['\n']} placeholder="如：密码忘了、找回密码" />
        </Form.Item>
        <Form.Item name="topic" label="分类" rules={[{ required: true, message: '请选择分类' }]}>
          <Select options={topicOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="roles" label="适用角色">
          <Checkbox.Group options={roleOptions} />
        </Form.Item>
        <Form.Item name="handoff" label="答复中引导转人工" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </Form>
    </Drawer>
  );
};

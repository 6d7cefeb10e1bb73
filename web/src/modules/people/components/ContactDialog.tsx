import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import type { NewContact } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { peopleApi, peopleKeys } from '../people.api';

type Channel = 'phone' | 'email';
type Values = { destination: string; code: string };
const labels: Record<Channel, string> = { phone: '手机号', email: '邮箱' };
const rules: Record<Channel, { pattern: RegExp; message: string }> = {
  phone: { pattern: /^1\d{10}$/, message: '请输入11位手机号' },
  email: { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: '请输入正确的电子邮箱' },
};

const contactOf = (channel: Channel, destination: string): NewContact =>
  channel === 'phone' ? { channel, destination: destination.trim() } : { channel, destination: destination.trim() };

/** Seconds left before another code may be sent. */
const useCountdown = () => {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft] as const;
};

/** 修改手机号 / 邮箱: a code goes to the new one; typing it back saves it (seed 001 修改信息 4: 保存后生效). */
export const ContactDialog = ({ channel, onClose }: { channel: Channel | null; onClose: () => void }) => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [left, setLeft] = useCountdown();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const label = channel ? labels[channel] : '';
  const send = useMutation({
    mutationFn: () => form.validateFields(['destination']).then((v) => peopleApi.sendContactCode(contactOf(channel!, v.destination))),
    onSuccess: (r) => {
      setSentTo(r.destinationMasked);
      setLeft(r.resendAfterSeconds);
    },
  });
  const change = useMutation({
    mutationFn: (v: Values) => peopleApi.changeContact({ ...contactOf(channel!, v.destination), code: v.code.trim() }),
    onSuccess: (r) => {
      message.success(r.message);
      void client.invalidateQueries({ queryKey: peopleKeys.myProfile });
      close();
    },
  });
  const close = () => {
    form.resetFields();
    setSentTo(null);
    send.reset();
    change.reset();
    onClose();
  };
  const error = change.error ?? send.error;
  return (
    <Modal
      title={`修改${label}`}
      open={channel !== null}
      onCancel={close}
      onOk={() => form.submit()}
      okText="确定修改"
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => change.mutate(v)} className="contact-form">
        <Form.Item label={`新${label}`} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="destination" noStyle rules={channel ? [{ required: true, ...rules[channel] }] : []}>
              <Input placeholder={`请输入新的${label}`} maxLength={100} />
            </Form.Item>
            <Button onClick={() => send.mutate()} loading={send.isPending} disabled={left > 0}>
              {left > 0 ? `${left}秒后重发` : '获取验证码'}
            </Button>
          </Space.Compact>
        </Form.Item>
        {sentTo ? <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`验证码已发送至 ${sentTo}，10分钟内有效`} /> : null}
        <Form.Item name="code" label="验证码" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位验证码' }]}>
          <Input placeholder="请输入收到的6位验证码" maxLength={6} inputMode="numeric" />
        </Form.Item>
        {error && isApiError(error) ? <Alert type="error" showIcon title={error.message} /> : null}
      </Form>
    </Modal>
  );
};

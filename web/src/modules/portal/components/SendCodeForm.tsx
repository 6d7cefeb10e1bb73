import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { authApi } from '../../../api/auth.api';
import { isApiError } from '../../../api/client';
import { CaptchaField, useCaptchaRound } from '../../../components/CaptchaField';
import { idNumberRule } from '../../../components/form-rules';

type SendCodeValues = { idNumber: string; channel: 'phone' | 'email'; contact: string; captchaToken?: string };

const contactRules = {
  phone: { pattern: /^1\d{10}$/, message: '请输入注册时填写的11位手机号' },
  email: { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: '请输入注册时填写的电子邮箱' },
};

/** Step 1: ID number, the registered phone or e-mail, and the slider; the server sends a 6-digit code. */
export const SendCodeForm = ({ onSent }: { onSent: (sent: { idNumber: string; destinationMasked: string }) => void }) => {
  const [form] = Form.useForm<SendCodeValues>();
  const channel = Form.useWatch('channel', form) ?? 'phone';
  const captcha = useCaptchaRound(form);
  const send = useMutation({
    mutationFn: (v: SendCodeValues) =>
      authApi.sendResetCode({
        idNumber: v.idNumber.trim().toUpperCase(),
        channel: v.channel,
        contact: v.contact.trim(),
        captchaToken: v.captchaToken ?? '',
      }),
    onSuccess: (result, v) => onSent({ idNumber: v.idNumber.trim().toUpperCase(), destinationMasked: result.destinationMasked }),
    onError: captcha.renew,
  });
  return (
    <Form<SendCodeValues> form={form} layout="vertical" requiredMark={false} initialValues={{ channel: 'phone' }} onFinish={(v) => send.mutate(v)}>
      {send.error ? (
        <Alert type="error" showIcon title={isApiError(send.error) ? send.error.message : '发送失败，请稍后再试'} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item name="idNumber" label="身份证号" rules={[idNumberRule]} validateTrigger="onBlur">
        <Input placeholder="请输入注册时的身份证号" maxLength={18} autoComplete="username" />
      </Form.Item>
      <Form.Item name="channel" label="接收验证码方式">
        <Radio.Group
          options={[
            { value: 'phone', label: '手机号' },
            { value: 'email', label: '电子邮箱' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="contact"
        label={channel === 'phone' ? '注册时的手机号' : '注册时的电子邮箱'}
        rules={[{ required: true, ...contactRules[channel] }]}
      >
        <Input placeholder={channel === 'phone' ? '请输入注册时填写的手机号' : '请输入注册时填写的电子邮箱'} maxLength={100} />
      </Form.Item>
      <CaptchaField round={captcha.round} />
      <Button type="primary" htmlType="submit" block loading={send.isPending}>
        获取验证码
      </Button>
      <Alert
        type="info"
        style={{ marginTop: 16 }}
        title="手机号或邮箱已不再使用？"
        description="专业技术人员可联系所在单位管理员重置密码；用人单位、主管部门或继续教育机构可联系上级审核部门重置密码。"
      />
    </Form>
  );
};

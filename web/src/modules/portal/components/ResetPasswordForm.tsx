import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { maskIdNumber } from '@cep/contracts';
import { authApi } from '../../../api/auth.api';
import { isApiError } from '../../../api/client';
import { PASSWORD_HINT, passwordRule, sameAsRule } from '../../../components/form-rules';

type ResetValues = { code: string; newPassword: string; confirmPassword: string };

export const CODE_SENT_MESSAGE = '验证码已发送，请查收（演示环境可在平台运维的消息发件箱查看）';

/** Step 2: the 6-digit code and the new password twice. */
type ResetPasswordFormProps = { idNumber: string; destinationMasked: string; onDone: () => void; onRestart: () => void };

export const ResetPasswordForm = ({ idNumber, destinationMasked, onDone, onRestart }: ResetPasswordFormProps) => {
  const reset = useMutation({
    mutationFn: (v: ResetValues) => authApi.resetPassword({ idNumber, code: v.code.trim(), newPassword: v.newPassword }),
    onSuccess: onDone,
  });
  return (
    <Form<ResetValues> layout="vertical" requiredMark={false} onFinish={(v) => reset.mutate(v)}>
      <Alert
        type="success"
        showIcon
        title={CODE_SENT_MESSAGE}
        description={`身份证号：${maskIdNumber(idNumber)}　接收方：${destinationMasked}`}
        style={{ marginBottom: 16 }}
      />
      {reset.error ? (
        <Alert type="error" showIcon title={isApiError(reset.error) ? reset.error.message : '重置失败，请稍后再试'} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item name="code" label="验证码" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位验证码' }]}>
        <Input placeholder="请输入6位验证码" maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
      </Form.Item>
      <Form.Item name="newPassword" label="新密码" rules={[passwordRule]} extra={PASSWORD_HINT}>
        <Input.Password placeholder="请输入新密码" maxLength={20} autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirmPassword" label="确认新密码" dependencies={['newPassword']} rules={[sameAsRule('newPassword')]}>
        <Input.Password placeholder="请再次输入新密码" maxLength={20} autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={reset.isPending}>
        重置密码
      </Button>
      <Button type="link" block onClick={onRestart} style={{ marginTop: 8 }}>
        没有收到验证码？重新获取
      </Button>
    </Form>
  );
};

import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { authApi } from '../../../api/auth.api';
import { isApiError } from '../../../api/client';
import { sessionKeys, useCurrentSession } from '../../../access/session';
import { WORKSPACE_PATH } from '../../../access/menu';
import { PASSWORD_HINT, passwordRule, sameAsRule } from '../../../components/form-rules';

type ChangeValues = { oldPassword: string; newPassword: string; confirmPassword: string };

/** 修改密码: the current password, then the new one twice. After an admin reset it is the only page shown. */
export const ChangePasswordPage = () => {
  const session = useCurrentSession();
  const forced = session.mustChangePassword;
  const [form] = Form.useForm<ChangeValues>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const change = useMutation({
    mutationFn: (v: ChangeValues) => authApi.changePassword({ oldPassword: v.oldPassword, newPassword: v.newPassword }),
    onSuccess: async () => {
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: sessionKeys.current });
      if (forced) void navigate(WORKSPACE_PATH, { replace: true, state: { notice: '密码修改成功，欢迎使用平台' } });
    },
  });
  return (
    <Card title="修改密码" className="workspace-narrow-card">
      {forced ? <Alert type="warning" showIcon title="您的密码已被管理员重置，请先设置新密码后再使用平台" style={{ marginBottom: 16 }} /> : null}
      {change.isSuccess && !forced ? <Alert type="success" showIcon title="密码修改成功，请牢记新密码" style={{ marginBottom: 16 }} /> : null}
      {change.error ? (
        <Alert type="error" showIcon title={isApiError(change.error) ? change.error.message : '修改失败，请稍后再试'} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<ChangeValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => change.mutate(v)}>
        <Form.Item
          name="oldPassword"
          label={forced ? '原密码（管理员重置后的密码）' : '原密码'}
          rules={[{ required: true, message: '请输入原密码' }]}
        >
          <Input.Password placeholder="请输入原密码" maxLength={128} autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={[passwordRule]} extra={PASSWORD_HINT}>
          <Input.Password placeholder="请输入8~20位带数字和英文字母的密码" maxLength={20} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label="确认新密码" dependencies={['newPassword']} rules={[sameAsRule('newPassword')]}>
          <Input.Password placeholder="请再次输入新密码" maxLength={20} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          确认修改
        </Button>
      </Form>
    </Card>
  );
};
